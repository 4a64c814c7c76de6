package io.isthmus.observe.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one {@link ShardedAnalysis} hand batches to each other through bounded queues and
 * share one failure: the first exception of any of them ends the run. Every wait gives up when a
 * failure is recorded, so no thread waits forever for one that died.
 */
final class Handoff {
    /** Thrown inside a thread to unwind it after another thread failed. */
    static final class Aborted extends RuntimeException {
        Aborted() {
            super("another thread of the sharded analysis failed", null, false, false);
        }
    }

    private static final long WAIT_MILLIS = 20;

    private volatile Throwable failure;
    private volatile String failedThread;

    /** Records the first failure; later ones (often consequences) are dropped. */
    synchronized void fail(String thread, Throwable t) {
        if (failure == null && !(t instanceof Aborted)) {
            failedThread = thread;
            failure = t;
        }
    }

    Throwable failure() {
        return failure;
    }

    String failedThread() {
        return failedThread;
    }

    <T> void put(BlockingQueue<T> queue, T item) {
        try {
            while (!queue.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        }
    }

    <T> T take(BlockingQueue<T> queue) {
        try {
            T item;
            while ((item = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                check();
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        }
    }

    void check() {
        if (failure != null) {
            throw new Aborted();
        }
    }
}
