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
 * @param fragmentBytes shard bytes per datagram at most; 1,400 fits a 1,500-byte MTU with the
 *     headers. Shards are a multiple of 8 bytes (the erasure code reads a shard as eight packets),
 *     so {@link #shardUnit()} rounds a value like 8,972 down to 8,968
 * @param fecOverhead parity fragments per data fragment (0.25: 4 data, 1 parity); 0 turns FEC off.
 *     What the code needs, and all it checks: the configured batch's {@code k = ceil(maxBatchBytes
 *     / shardUnit)} data fragments with {@code ceil(k × fecOverhead)} parity fit the frame limits
 *     ({@code maxParityFragments}, and {@code k + m ≤ 256} for GF(2^8)); see {@link
 *     #maxFecOverhead}. A single record larger than a batch is cut to the size whose parity still
 *     fits ({@link #maxDataFragments()}).
 * @param redundancy how many times every datagram is sent (1 = once); copies defeat a link that
 *     drops in long bursts, at a full multiple of the bandwidth
 * @param maxBatchBytes target size of a batch body; a batch is one erasure-coded block
 * @param heartbeatInterval how often a heartbeat goes out, also while idle
 * @param consumerName the journal consumer whose cursor the sender moves
 * @param handOffBatches 0: the caller's thread encodes, paces and sends; n &gt; 0: it encodes, and a
 *     sending thread of the sender paces and sends, with at most n encoded batches handed over and
 *     not yet sent (the bound on the memory between the two: n × a batch's datagrams)
 * @param ramp how the pacing rate rises to {@code rateBitsPerSecond} after a start or an idle
 *     spell, so that a receiver which just started is not overrun ({@link PacingRamp#NONE}: the full
 *     rate at once)
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
        FrameLimits limits,
        int handOffBatches,
        PacingRamp ramp) {

    public static final long DEFAULT_RATE = 100_000_000L;
    /** Encoded batches in flight between the encoding and the sending thread by default. */
    public static final int DEFAULT_HAND_OFF = 0;

    public SenderConfig {
        Objects.requireNonNull(destination, "destination");
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("destination " + destination + " does not resolve");
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ramp, "ramp");
        if (handOffBatches < 0 || handOffBatches > 1024) {
            throw new IllegalArgumentException("handOffBatches is " + handOffBatches + "; it must be in 0..1024");
        }
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
        int unit = fragmentBytes & ~7;
        long maxBody = Math.min((long) limits.maxDataFragments() * unit, limits.maxBodyBytes());
        if (maxBatchBytes < 1024 || maxBatchBytes > maxBody) {
            throw new IllegalArgumentException("maxBatchBytes is " + maxBatchBytes + "; it must be in 1024.." + maxBody
                    + " (maxDataFragments x fragmentBytes rounded down to a multiple of 8)");
        }
        int k = batchFragments(maxBatchBytes, unit);
        double allowed = maxFecOverhead(k, limits);
        if (parityFor(k, fecOverhead) > parityLimit(k, limits)) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "fecOverhead is %s; a batch of %d bytes is %d data fragments of %d bytes, which may have at most"
                            + " %d parity fragments (maxParityFragments %d, k + m <= 256), so it must be in 0..%.4f",
                    fecOverhead,
                    maxBatchBytes,
                    k,
                    unit,
                    parityLimit(k, limits),
                    limits.maxParityFragments(),
                    allowed));
        }
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.compareTo(Duration.ofMillis(10)) < 0
                || heartbeatInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "heartbeatInterval is " + heartbeatInterval + "; it must be in 10ms..1m");
        }
        Objects.requireNonNull(consumerName, "consumerName");
    }

    /** IPv4 (20 bytes, no options) and UDP (8) headers around every datagram. */
    public static final int IPV4_UDP_HEADERS = 28;

    /**
     * The largest {@code fragmentBytes} whose datagrams fit one IPv4 packet of {@code mtu} bytes:
     * the MTU less the IP and UDP headers and {@link FrameCodec#FRAGMENT_OVERHEAD}, rounded down to
     * a multiple of 8 — 1,416 at 1,500 and 8,920 at 9,000. A larger value makes every datagram two
     * IP fragments: the kernel splits and reassembles each (docs/transfer.md, "Tuning for
     * throughput"), and losing either fragment loses the datagram.
     */
    public static int fragmentBytesForMtu(int mtu) {
        int fragment = (mtu - IPV4_UDP_HEADERS - FrameCodec.FRAGMENT_OVERHEAD) & ~7;
        if (mtu > 65_535 || fragment < 64) {
            throw new IllegalArgumentException("mtu is " + mtu + "; it must be in "
                    + (64 + IPV4_UDP_HEADERS + FrameCodec.FRAGMENT_OVERHEAD) + "..65535");
        }
        return fragment;
    }

    /** Shard bytes per data fragment: {@code fragmentBytes} rounded down to a multiple of 8. */
    public int shardUnit() {
        return fragmentBytes & ~7;
    }

    /**
     * The most data fragments one batch may have at this overhead: at most {@code
     * maxDataFragments}, with {@code ceil(k × fecOverhead)} parity within the limits. Bounds the
     * batch of a single record larger than {@code maxBatchBytes}; never below the configured
     * batch's {@code k} (the constructor checks that).
     */
    public int maxDataFragments() {
        int k = limits.maxDataFragments();
        while (k > 1 && parityFor(k) > parityLimit(k, limits)) {
            k--;
        }
        return k;
    }

    /** The largest overhead a batch of {@code k} data fragments may use under {@code limits}. */
    public static double maxFecOverhead(int k, FrameLimits limits) {
        return Math.min(1.0, (double) parityLimit(k, limits) / k);
    }

    private static int parityLimit(int k, FrameLimits limits) {
        return Math.min(limits.maxParityFragments(), 256 - k);
    }

    private static int batchFragments(int batchBytes, int unit) {
        return (batchBytes + unit - 1) / unit;
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
        private int handOffBatches = DEFAULT_HAND_OFF;
        private PacingRamp ramp = PacingRamp.DEFAULT;

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

        public Builder handOffBatches(int v) {
            handOffBatches = v;
            return this;
        }

        public Builder ramp(PacingRamp v) {
            ramp = v;
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
                    limits,
                    handOffBatches,
                    ramp);
        }
    }
}
