package io.isthmus.connect.transfer.send;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded hand-off between the sender's encoding thread and its sending thread: the encoding
 * thread fills a {@link Unit} with the datagrams of one batch (or one heartbeat) and {@link
 * #publish}es it; the sending thread sends the units in the order they were published and returns
 * them for reuse. At most {@code capacity} units exist, so a slow link blocks the encoding thread
 * instead of growing memory. Units are numbered (tickets): {@link #sentThrough()} says how far the
 * sending thread has handed datagrams to the kernel, which is when the journal cursor may move.
 */
final class HandOff implements AutoCloseable {
    private static final System.Logger log = System.getLogger(HandOff.class.getName());
    /** What the sending thread does with one unit's datagrams, in order. */
    @FunctionalInterface
    interface Sink {
        void sent(Unit unit);
    }

    /** The datagrams of one batch or heartbeat, back to back in one reusable array. */
    static final class Unit {
        private byte[] bytes = new byte[16 * 1024];
        private int[] ends = new int[64];
        private int count;
        private int used;
        private long ticket;
        /** Batch bookkeeping the sending thread applies to the sender's status once sent. */
        long sequence;

        long records;
        long payloadBytes;
        long lastRecord;
        /** One heartbeat datagram, sent without pacing. */
        boolean heartbeat;

        boolean stop;

        void add(byte[] datagram, int length) {
            if (used + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            System.arraycopy(datagram, 0, bytes, used, length);
            used += length;
            ends[count++] = used;
        }

        int count() {
            return count;
        }

        byte[] bytes() {
            return bytes;
        }

        int start(int i) {
            return i == 0 ? 0 : ends[i - 1];
        }

        int end(int i) {
            return ends[i];
        }

        private void reset() {
            count = 0;
            used = 0;
            sequence = 0;
            records = 0;
            payloadBytes = 0;
            lastRecord = 0;
            heartbeat = false;
            stop = false;
        }
    }

    private final BlockingQueue<Unit> free;
    private final BlockingQueue<Unit> full;
    private final AtomicLong sentThrough = new AtomicLong();
    private final Thread thread;
    private final Sink sink;
    private long published;
    private volatile Throwable failure;

    HandOff(int capacity, String name, Sink sink) {
        this.free = new ArrayBlockingQueue<>(capacity + 1);
        this.full = new ArrayBlockingQueue<>(capacity + 1);
        for (int i = 0; i < capacity; i++) {
            free.add(new Unit());
        }
        this.sink = sink;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** An empty unit to fill; blocks while all are in flight (the bound). */
    Unit claim() {
        while (true) {
            checkAlive();
            try {
                Unit u = free.poll(100, TimeUnit.MILLISECONDS);
                if (u != null) {
                    u.reset();
                    return u;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the sending thread", e);
            }
        }
    }

    /** Hands a filled unit to the sending thread; returns its ticket. */
    long publish(Unit unit) {
        unit.ticket = ++published;
        full.add(unit); // never full: at most capacity units exist, the queue holds capacity + 1
        return unit.ticket;
    }

    /** The ticket of the last unit published. */
    long published() {
        return published;
    }

    /** The ticket through which every unit's datagrams were handed to the kernel (or dropped). */
    long sentThrough() {
        return sentThrough.get();
    }

    /** Waits until every unit published so far was sent. */
    void drain() {
        while (sentThrough.get() < published) {
            checkAlive();
            LockSupport.parkNanos(200_000);
        }
    }

    /** Sends what was published, then stops the sending thread. */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        drain();
        Unit u = claim();
        u.stop = true;
        publish(u);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkAlive() {
        if (failure != null) {
            throw new IllegalStateException("the sending thread failed", failure);
        }
    }

    private void run() {
        try {
            while (true) {
                Unit u = full.take();
                if (u.stop) {
                    sentThrough.set(u.ticket);
                    return;
                }
                sink.sent(u);
                sentThrough.set(u.ticket);
                free.add(u);
            }
        } catch (InterruptedException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = e;
            log.log(System.Logger.Level.ERROR, "the sending thread failed; the sender stops", e);
        }
    }
}
