package io.isthmus.app.analyze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a slow consumer (JSON serialisation of observations) on its own thread so that decoding and
 * writing share the machine's cores: items are handed over in batches through a small bounded
 * queue, so memory stays bounded and a slow disk slows the producer down instead of piling up.
 *
 * <p>Order is kept. A failure on the writer thread is not lost: the next {@link #accept} or {@link
 * #close} throws it, and the producer stops there.
 *
 * @param <T> immutable items (they cross threads)
 */
public final class BackgroundWriter<T> implements Consumer<T>, AutoCloseable {
    /** Items per hand-over: large enough to make the queue's cost per item negligible. */
    static final int BATCH = 2048;
    /**
     * Batches in flight: bounds memory to at most 65,536 items whatever the producer's speed. Deep
     * enough for a stretch of messages that are slower to write than to decode (in the benchmark
     * capture ~40,000 ENIP observations in a row, whose attribute texts are built on the writer
     * thread) to wait here while decoding goes on, instead of stopping the decoding thread;
     * docs/benchmarks.md "(perf11b)".
     */
    static final int QUEUE = 32;

    private static final Object[] END = new Object[0];

    private final Consumer<? super T> downstream;
    private final AutoCloseable closeable;
    /** Full batches, the last one cut to its length; {@link #END} after it. */
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUE);

    private final Thread thread;
    private volatile Throwable failure;
    /*
     * A plain array and a count rather than an ArrayList: accept runs on the decoding thread, the
     * pace-setter, once per observation, and C1 does not inline ArrayList.add's checks and growth
     * path (docs/benchmarks.md, "(perf13w)").
     */
    private Object[] batch = new Object[BATCH];
    private int count;
    private boolean closed;

    /**
     * @param downstream called on the writer thread, in order
     * @param closeable closed on the writer thread after the last item (the downstream's stream)
     */
    public BackgroundWriter(String name, Consumer<? super T> downstream, AutoCloseable closeable) {
        this.downstream = downstream;
        this.closeable = closeable;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::drain);
    }

    @Override
    public void accept(T item) {
        Object[] b = batch;
        int n = count;
        b[n++] = item;
        if (n < BATCH) {
            count = n;
            return;
        }
        batch = new Object[BATCH];
        count = 0;
        handOver(b);
    }

    /** Writes what is left, closes the downstream, and rethrows a failure of the writer thread. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (count > 0) {
            handOver(Arrays.copyOf(batch, count));
            count = 0;
        }
        handOver(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the observations were being written", e);
        }
        rethrow();
    }

    private void handOver(Object[] items) {
        rethrow();
        try {
            while (!queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the writer thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while handing over observations", e));
        }
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        try (closeable) {
            while (true) {
                Object[] items = queue.take();
                if (items == END) {
                    return;
                }
                for (Object item : items) {
                    downstream.accept((T) item);
                }
            }
        } catch (Throwable t) {
            failure = t;
            queue.clear();
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        switch (t) {
            case UncheckedIOException u -> throw u;
            case IOException io -> throw new UncheckedIOException(io);
            case RuntimeException r -> throw r;
            case Error e -> throw e;
            default -> throw new IllegalStateException("writing failed", t);
        }
    }
}
