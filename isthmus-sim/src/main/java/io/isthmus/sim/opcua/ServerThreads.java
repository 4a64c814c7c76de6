package io.isthmus.sim.opcua;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads one server runs on, owned by it and stopped by {@link #close()}.
 *
 * <p>Milo defaults to JVM-wide pools ({@code Stack.sharedEventLoop()} and friends) that live until
 * {@code Stack.releaseSharedResources()}; releasing those would also pull the rug from any OPC UA
 * client or other server in the same process (a demo runs both). Each server therefore brings its
 * own event loop and executors. All threads are named {@value #THREAD_PREFIX}{port}-..., so a
 * leak is easy to spot in a thread dump.
 */
final class ServerThreads implements AutoCloseable {

    static final String THREAD_PREFIX = "isthmus-opcua-";

    private static final Logger log = LoggerFactory.getLogger(ServerThreads.class);
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final EventLoopGroup eventLoop;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;

    ServerThreads(int port) {
        String prefix = THREAD_PREFIX + port + "-";
        int ioThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
        eventLoop = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory(prefix + "io", true));
        // Unbounded like Milo's own pool: service handlers may wait on other tasks of this pool.
        executor = new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                named(prefix + "worker-"),
                ServerThreads::dropAfterShutdown);
        ScheduledThreadPoolExecutor timer =
                new ScheduledThreadPoolExecutor(1, named(prefix + "timer-"), ServerThreads::dropAfterShutdown);
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = timer;
    }

    EventLoopGroup eventLoop() {
        return eventLoop;
    }

    ExecutorService executor() {
        return executor;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Stops all threads and waits for them to end; idempotent. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        executor.shutdown();
        eventLoop.shutdownGracefully(0, STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MS);
        boolean stopped = awaitUntil(deadline, scheduler) && awaitUntil(deadline, executor);
        if (!stopped) {
            executor.shutdownNow();
        }
        if (!eventLoop.terminationFuture().awaitUninterruptibly(remainingMillis(deadline))) {
            log.warn("OPC UA event loop did not stop within {} ms", STOP_TIMEOUT_MS);
        }
    }

    /**
     * Neither pool rejects while running (no bound on threads or queue), so a rejection means the
     * server is closing: a sampling loop rescheduling itself during {@link #close()} is dropped
     * quietly instead of dying with a stack trace on stderr.
     */
    private static void dropAfterShutdown(Runnable task, ThreadPoolExecutor pool) {
        if (!pool.isShutdown()) {
            throw new RejectedExecutionException("task rejected by a running pool: " + task);
        }
        log.debug("dropped {} submitted while the OPC UA server was stopping", task);
    }

    private static boolean awaitUntil(long deadline, ExecutorService service) {
        try {
            return service.awaitTermination(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
