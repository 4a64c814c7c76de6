package io.isthmus.app.analyze;

import io.isthmus.observe.capture.CaptureProgress;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A one-line progress bar on stderr, redrawn by a daemon thread a few times a second from {@link
 * CaptureProgress} (which the capture source allows another thread to poll). Only for terminals.
 */
public final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final Thread thread;
    private final PrintStream err;
    private final Supplier<CaptureProgress> progress;
    private volatile boolean running = true;

    private Progress(PrintStream err, Supplier<CaptureProgress> progress) {
        this.err = err;
        this.progress = progress;
        this.thread = Thread.ofPlatform().daemon().name("isthmus-progress").start(this::loop);
    }

    public static Progress start(PrintStream err, Supplier<CaptureProgress> progress) {
        return new Progress(err, progress);
    }

    private void loop() {
        while (running) {
            draw(progress.get());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void draw(CaptureProgress p) {
        String mb = String.format("%.1f MB, %d packets", p.bytesRead() / 1e6, p.packets());
        if (p.fraction().isPresent()) {
            int filled = (int) (p.fraction().getAsDouble() * WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + String.format("%3.0f%% ", p.fraction().getAsDouble() * 100) + mb);
        } else {
            err.print("\r" + mb);
        }
        err.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
    }
}
