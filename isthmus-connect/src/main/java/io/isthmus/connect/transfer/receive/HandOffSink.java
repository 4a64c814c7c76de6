package io.isthmus.connect.transfer.receive;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Runs a {@link TransferSink} on its own thread so that the receive loop goes back to the socket
 * while the historian writes. The hub's sink stores each batch in one database transaction; on the
 * receive thread that stalled the socket for the length of every transaction, and at hundreds of
 * Mbit/s the kernel's buffer then overflowed (UDP RcvbufErrors, lost batches).
 *
 * <p>Bounded: at most {@code maxQueuedBytes} of delivered payload wait (a batch larger than that
 * waits alone); when full, the receive thread blocks, so a sink that cannot keep up still shows as
 * a full socket buffer and gaps, as before, only later. Order is kept: one delivery thread calls the
 * sink, one call at a time, in the order the reassembler produced. A sink that throws stops the
 * hand-off; the next {@link #deliver}, {@link #lost} or {@link #close} rethrows its failure on the
 * receive thread.
 */
final class HandOffSink implements TransferSink, AutoCloseable {
    private static final Object END = new Object();

    private final TransferSink sink;
    private final int maxQueuedKib;
    private final Semaphore room;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4096);
    private final Thread thread;
    private volatile RuntimeException failure;

    HandOffSink(TransferSink sink, long maxQueuedBytes, String name) {
        this.sink = sink;
        this.maxQueuedKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxQueuedBytes / 1024));
        this.room = new Semaphore(maxQueuedKib);
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::drain);
    }

    @Override
    public void deliver(Delivery delivery) {
        int kib = kib(delivery);
        put(delivery, kib);
    }

    @Override
    public void lost(Gap gap) {
        put(gap, 0);
    }

    /** Hands over everything queued, waits until the sink has taken it, and rethrows its failure. */
    @Override
    public void close() {
        if (!thread.isAlive() && queue.isEmpty()) {
            rethrow(); // never started (nothing delivered), or already closed
            return;
        }
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    /** Called from the receive thread only. */
    private void put(Object item, int kib) {
        rethrow();
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
        try {
            room.acquire(kib);
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a delivery to the sink", e);
        }
    }

    private void drain() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                try {
                    if (failure == null) { // after a failure keep taking, so the receive thread never blocks
                        switch (item) {
                            case Delivery d -> sink.deliver(d);
                            case Gap g -> sink.lost(g);
                            default -> throw new IllegalStateException("unexpected " + item);
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    if (item instanceof Delivery d) {
                        room.release(kib(d));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int kib(Delivery d) {
        long bytes = 0;
        for (var r : d.records()) {
            bytes += r.payload().length;
        }
        return (int) Math.min(maxQueuedKib, bytes / 1024);
    }

    private void rethrow() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
