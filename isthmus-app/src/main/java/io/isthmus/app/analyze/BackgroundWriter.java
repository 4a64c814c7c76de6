package io.isthmus.app.analyze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    private static final List<Object> END = List.of();

    private final Consumer<? super T> downstream;
    private final AutoCloseable closeable;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Object> batch = new ArrayList<>(BATCH);
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
        batch.add(item);
        if (batch.size() == BATCH) {
            handOver(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Writes what is left, closes the downstream, and rethrows a failure of the writer thread. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!batch.isEmpty()) {
            handOver(batch);
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

    private void handOver(List<Object> items) {
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
                List<Object> items = queue.take();
                if (items == END) {
                    return;
                }
                for (int i = 0, n = items.size(); i < n; i++) {
                    downstream.accept((T) items.get(i));
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
