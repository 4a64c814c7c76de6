package io.isthmus.connect.transfer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The benchmark's timeline of one process: payload bytes every 100 ms from the JVM's start, and
 * named marks (journal opened, first batch sent, ...), all in milliseconds since the JVM started
 * and as wall-clock epoch milliseconds so that the sender's and the receiver's lines can be laid
 * side by side. Shows where a whole run loses against its steady window.
 */
final class RateTimeline {
    private static final long PERIOD_MS = 100;

    private final long jvmStartEpochMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<String> marks = new ArrayList<>();
    private final List<long[]> samples = new ArrayList<>();
    private Thread sampler;

    /** Records {@code name} at the current time. */
    synchronized void mark(String name) {
        marks.add(name + "@" + sinceStart());
    }

    /** Samples {@code payloadBytes} every 100 ms on a daemon thread until {@link #stop()}. */
    void start(LongSupplier payloadBytes) {
        sampler = Thread.ofPlatform().daemon().name("timeline").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    sample(payloadBytes.getAsLong());
                    Thread.sleep(PERIOD_MS);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
    }

    synchronized void sample(long payloadBytes) {
        samples.add(new long[] {sinceStart(), payloadBytes});
    }

    void stop() throws InterruptedException {
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }
    }

    private long sinceStart() {
        return System.currentTimeMillis() - jvmStartEpochMs;
    }

    /**
     * One line: {@code timeline: jvm_start_epoch_ms E marks a@ms,b@ms rate ms:Mbit/s,...}, the rate
     * of each interval between two samples, from the first sample with payload to the last.
     */
    synchronized String report() {
        StringBuilder out = new StringBuilder("timeline: jvm_start_epoch_ms ")
                .append(jvmStartEpochMs)
                .append(" marks ")
                .append(String.join(",", marks))
                .append(" rate");
        int first = 0;
        while (first + 1 < samples.size() && samples.get(first + 1)[1] == 0) {
            first++;
        }
        char sep = ' ';
        for (int i = first + 1; i < samples.size(); i++) {
            long[] a = samples.get(i - 1);
            long[] b = samples.get(i);
            double mbit = (b[1] - a[1]) * 8.0 / 1e6 / Math.max(1e-3, (b[0] - a[0]) / 1e3);
            out.append(sep).append(b[0]).append(':').append(String.format(Locale.ROOT, "%.0f", mbit));
            sep = ',';
            if (b[1] == a[1] && i > first + 1 && allSameAfter(i)) {
                break;
            }
        }
        return out.toString();
    }

    private boolean allSameAfter(int i) {
        long v = samples.get(i)[1];
        for (int j = i; j < samples.size(); j++) {
            if (samples.get(j)[1] != v) {
                return false;
            }
        }
        return true;
    }
}
