package io.isthmus.connect.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's view of the receiver's headroom: how full the UDP socket's receive queue got.
 * A daemon thread reads the socket's line of {@code /proc/net/udp} (Linux; {@code rx_queue} is the
 * kernel's {@code sk_rmem_alloc}, the bytes the queued datagrams charge against {@code SO_RCVBUF},
 * headers and slack included, and {@code drops} the datagrams the full queue refused) every few
 * milliseconds and keeps the peak, and how many samples found the queue more than half full. A
 * receiver that keeps up holds a few datagrams; one whose peak nears the buffer is one stall from
 * losing data, however many batches the run happened to recover.
 */
final class SocketQueueSampler {
    /** A Java datagram socket is dual-stack (IPv6) unless java.net.preferIPv4Stack: its line is in udp6. */
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp6"), Path.of("/proc/net/udp"));

    private final String localPortHex;
    private final long limitBytes;
    private final long periodNanos;
    private volatile boolean stop;
    private long peakBytes = -1;
    private long samples;
    private long overHalf;
    private long drops = -1;
    private Thread thread;
    private java.util.function.Consumer<String> marks = name -> {};

    /**
     * {@code javaReceiveBuffer}: what {@code getReceiveBufferSize()} says. Linux keeps twice the
     * request as the socket's limit ({@code sk_rcvbuf}, socket(7)) and the JDK halves it again when
     * it reports it, so the limit {@code rx_queue} is held against is twice this on Linux.
     */
    SocketQueueSampler(int localPort, long javaReceiveBuffer, long periodNanos) {
        this.localPortHex = String.format(Locale.ROOT, ":%04X", localPort);
        this.limitBytes = 2 * javaReceiveBuffer;
        this.periodNanos = periodNanos;
    }

    /**
     * Where to mark, once each, the first sample above half the limit ({@code rcvq_over_half}) and
     * the first socket drop ({@code first_socket_drop}): on the receiver's timeline they show when
     * a stall began, apart from the later gap it causes in the deliveries.
     */
    SocketQueueSampler marking(java.util.function.Consumer<String> marker) {
        this.marks = marker;
        return this;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("socket-queue-sampler").start(this::loop);
    }

    /** Stops sampling and returns the figures for the result line. */
    String stopAndReport() throws InterruptedException {
        stop = true;
        thread.join();
        return String.format(
                Locale.ROOT,
                "rcvq_peak_bytes %d rcvq_limit_bytes %d rcvq_peak_pct %.1f rcvq_over_half_pct %.2f socket_drops %d",
                peakBytes,
                limitBytes,
                peakBytes < 0 ? -1.0 : 100.0 * peakBytes / limitBytes,
                samples == 0 ? -1.0 : 100.0 * overHalf / samples,
                drops);
    }

    private void loop() {
        while (!stop) {
            sample();
            LockSupport.parkNanos(periodNanos);
        }
    }

    private void sample() {
        for (Path table : TABLES) {
            try {
                if (sample(Files.readAllLines(table))) { // not readString: JDK 25 truncates procfs reads
                    return;
                }
            } catch (IOException e) {
                // no such table (IPv6 off): try the other
            }
        }
    }

    private boolean sample(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer
            // drops
            if (f.length >= 13 && f[1].endsWith(localPortHex) && f[4].indexOf(':') > 0) {
                long queued = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                peakBytes = Math.max(peakBytes, queued);
                samples++;
                if (queued * 2 > limitBytes) {
                    if (overHalf++ == 0) {
                        marks.accept("rcvq_over_half");
                    }
                }
                long now = Long.parseLong(f[12]);
                if (now > 0 && drops <= 0) {
                    marks.accept("first_socket_drop");
                }
                drops = now;
                return true;
            }
        }
        return false;
    }
}
