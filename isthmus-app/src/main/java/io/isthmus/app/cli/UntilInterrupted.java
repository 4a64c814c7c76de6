package io.isthmus.app.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks the command until Ctrl-C (SIGINT/SIGTERM), then runs the shutdown action once. */
final class UntilInterrupted {
    private UntilInterrupted() {}

    static void await(AutoCloseable running, java.io.PrintWriter out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    out.println("Stopping...");
                    out.flush();
                    try {
                        running.close();
                    } catch (Exception e) {
                        out.println("while stopping: " + e.getMessage());
                    }
                    stopped.countDown();
                },
                "isthmus-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
