package io.isthmus.connect.transfer.send;

import io.isthmus.connect.transfer.frame.FrameCodec;
import io.isthmus.connect.transfer.frame.FrameLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the OT-side sender uses the one-way link.
 *
 * @param destination the receiver's address and UDP port (or the diode's input)
 * @param rateBitsPerSecond pacing: datagram bytes (with IP and UDP headers) per second times 8; keep
 *     it below the link speed, since nothing tells the sender about congestion
 * @param fragmentBytes shard bytes per datagram; 1,400 fits a 1,500-byte MTU with the headers
 * @param fecOverhead parity fragments per data fragment (0.25: 4 data, 1 parity); 0 turns FEC off
 * @param redundancy how many times every datagram is sent (1 = once); copies defeat a link that
 *     drops in long bursts, at a full multiple of the bandwidth
 * @param maxBatchBytes target size of a batch body; a batch is one erasure-coded block
 * @param heartbeatInterval how often a heartbeat goes out, also while idle
 * @param consumerName the journal consumer whose cursor the sender moves
 */
public record SenderConfig(
        InetSocketAddress destination,
        long rateBitsPerSecond,
        int fragmentBytes,
        double fecOverhead,
        int redundancy,
        int maxBatchBytes,
        Duration heartbeatInterval,
        String consumerName,
        FrameLimits limits) {

    public static final long DEFAULT_RATE = 100_000_000L;

    public SenderConfig {
        Objects.requireNonNull(destination, "destination");
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("destination " + destination + " does not resolve");
        }
        Objects.requireNonNull(limits, "limits");
        if (rateBitsPerSecond < 8_000 || rateBitsPerSecond > 100_000_000_000L) {
            throw new IllegalArgumentException(
                    "rateBitsPerSecond is " + rateBitsPerSecond + "; it must be in 8000..100000000000");
        }
        int maxShard = limits.maxDatagramBytes() - FrameCodec.FRAGMENT_OVERHEAD;
        if (fragmentBytes < 64 || fragmentBytes > maxShard) {
            throw new IllegalArgumentException(
                    "fragmentBytes is " + fragmentBytes + "; it must be in 64.." + maxShard + " (the datagram limit)");
        }
        if (!(fecOverhead >= 0 && fecOverhead <= 1)) {
            throw new IllegalArgumentException("fecOverhead is " + fecOverhead + "; it must be in 0..1");
        }
        if (redundancy < 1 || redundancy > 4) {
            throw new IllegalArgumentException("redundancy is " + redundancy + "; it must be in 1..4");
        }
        long maxBody = Math.min((long) limits.maxDataFragments() * fragmentBytes, limits.maxBodyBytes());
        if (maxBatchBytes < 1024 || maxBatchBytes > maxBody) {
            throw new IllegalArgumentException("maxBatchBytes is " + maxBatchBytes + "; it must be in 1024.." + maxBody
                    + " (maxDataFragments x fragmentBytes)");
        }
        int parity = parityFor(limits.maxDataFragments(), fecOverhead);
        if (parity > limits.maxParityFragments()) {
            throw new IllegalArgumentException("fecOverhead " + fecOverhead + " needs " + parity
                    + " parity fragments for a full batch; maxParityFragments is " + limits.maxParityFragments());
        }
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.compareTo(Duration.ofMillis(10)) < 0
                || heartbeatInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "heartbeatInterval is " + heartbeatInterval + "; it must be in 10ms..1m");
        }
        Objects.requireNonNull(consumerName, "consumerName");
    }

    /** Parity fragments for {@code k} data fragments: {@code ceil(k * fecOverhead)}. */
    public static int parityFor(int k, double fecOverhead) {
        return (int) Math.ceil(k * fecOverhead - 1e-9);
    }

    public int parityFor(int k) {
        return parityFor(k, fecOverhead);
    }

    public static SenderConfig create(InetSocketAddress destination, Consumer<Builder> changes) {
        var b = new Builder(destination);
        changes.accept(b);
        return b.build();
    }

    public static SenderConfig defaults(InetSocketAddress destination) {
        return create(destination, b -> {});
    }

    public static final class Builder {
        private final InetSocketAddress destination;
        private long rateBitsPerSecond = DEFAULT_RATE;
        private int fragmentBytes = 1400;
        private double fecOverhead = 0.25;
        private int redundancy = 1;
        private int maxBatchBytes = 64 * 1024;
        private Duration heartbeatInterval = Duration.ofMillis(500);
        private String consumerName = "diode";
        private FrameLimits limits = FrameLimits.DEFAULT;

        private Builder(InetSocketAddress destination) {
            this.destination = destination;
        }

        public Builder rateBitsPerSecond(long v) {
            rateBitsPerSecond = v;
            return this;
        }

        public Builder fragmentBytes(int v) {
            fragmentBytes = v;
            return this;
        }

        public Builder fecOverhead(double v) {
            fecOverhead = v;
            return this;
        }

        public Builder redundancy(int v) {
            redundancy = v;
            return this;
        }

        public Builder maxBatchBytes(int v) {
            maxBatchBytes = v;
            return this;
        }

        public Builder heartbeatInterval(Duration v) {
            heartbeatInterval = v;
            return this;
        }

        public Builder consumerName(String v) {
            consumerName = v;
            return this;
        }

        public Builder limits(FrameLimits v) {
            limits = v;
            return this;
        }

        public SenderConfig build() {
            return new SenderConfig(
                    destination,
                    rateBitsPerSecond,
                    fragmentBytes,
                    fecOverhead,
                    redundancy,
                    maxBatchBytes,
                    heartbeatInterval,
                    consumerName,
                    limits);
        }
    }
}
