package io.isthmus.observe.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * Every bound of the flow layer, so that memory stays bounded whatever the capture holds.
 *
 * @param maxFlows flows tracked at once; the least recently seen is evicted (and counted) beyond
 * @param idleTimeout a flow not seen for this long (capture time) is closed and forgotten
 * @param maxStreamBufferBytes out-of-order TCP bytes buffered per direction, each segment also
 *     charged {@link #SEGMENT_OVERHEAD} bytes so floods of 1-byte segments hit the bound too;
 *     beyond it the oldest hole is given up as a gap
 * @param maxTotalStreamBufferBytes the same, summed over all flows
 * @param retransmissionCheckBytes the most recent in-order bytes kept per direction to compare a
 *     retransmission against (bytes that differ are an overlap conflict); 0 disables the check
 * @param maxFragmentedDatagrams IP datagrams reassembled at once; the oldest is evicted beyond
 * @param maxDatagramBytes the largest reassembled IP datagram, header included (RFC 791: 65535; an IPv6
 *     payload is bounded by this minus its 40-byte header)
 * @param maxFragmentsPerDatagram fragments accepted for one datagram
 * @param fragmentTimeout a datagram still incomplete after this long (capture time) is dropped
 *     (RFC 791 suggests 15 s as a lower bound; Linux uses 30 s)
 */
public record FlowLimits(
        int maxFlows,
        Duration idleTimeout,
        int maxStreamBufferBytes,
        long maxTotalStreamBufferBytes,
        int retransmissionCheckBytes,
        int maxFragmentedDatagrams,
        int maxDatagramBytes,
        int maxFragmentsPerDatagram,
        Duration fragmentTimeout) {

    /** What a buffered out-of-order segment costs beyond its bytes. */
    public static final int SEGMENT_OVERHEAD = 64;

    /**
     * 65,536 flows idle for at most 5 minutes; 256 KiB of out-of-order bytes per direction and 128
     * MiB in all; the last 1 KiB per direction kept for retransmission checks; 1,024 fragmented
     * datagrams of up to 64 KiB in 256 fragments each, for 30 s. Worst case about 450 MiB.
     */
    public static final FlowLimits DEFAULT = new FlowLimits(
            65_536,
            Duration.ofMinutes(5),
            256 * 1024,
            128L * 1024 * 1024,
            1024,
            1024,
            65_535,
            256,
            Duration.ofSeconds(30));

    public FlowLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(fragmentTimeout, "fragmentTimeout");
        positive("maxFlows", maxFlows);
        positive("maxStreamBufferBytes", maxStreamBufferBytes);
        positive("maxFragmentedDatagrams", maxFragmentedDatagrams);
        positive("maxFragmentsPerDatagram", maxFragmentsPerDatagram);
        if (maxTotalStreamBufferBytes < maxStreamBufferBytes) {
            throw new IllegalArgumentException("maxTotalStreamBufferBytes must be at least maxStreamBufferBytes");
        }
        if (retransmissionCheckBytes < 0 || retransmissionCheckBytes > 1 << 20) {
            throw new IllegalArgumentException(
                    "retransmissionCheckBytes must be 0..1 MiB, was " + retransmissionCheckBytes);
        }
        if (maxDatagramBytes < 68 || maxDatagramBytes > 65_535) {
            throw new IllegalArgumentException("maxDatagramBytes must be 68..65535 (RFC 791), was " + maxDatagramBytes);
        }
        if (idleTimeout.isNegative()
                || idleTimeout.isZero()
                || fragmentTimeout.isNegative()
                || fragmentTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public FlowLimits withMaxFlows(int flows) {
        return new FlowLimits(
                flows,
                idleTimeout,
                maxStreamBufferBytes,
                maxTotalStreamBufferBytes,
                retransmissionCheckBytes,
                maxFragmentedDatagrams,
                maxDatagramBytes,
                maxFragmentsPerDatagram,
                fragmentTimeout);
    }

    public FlowLimits withStreamBuffer(int perDirection, long total) {
        return new FlowLimits(
                maxFlows,
                idleTimeout,
                perDirection,
                total,
                retransmissionCheckBytes,
                maxFragmentedDatagrams,
                maxDatagramBytes,
                maxFragmentsPerDatagram,
                fragmentTimeout);
    }

    public FlowLimits withFragments(int datagrams, int fragmentsPerDatagram, Duration timeout) {
        return new FlowLimits(
                maxFlows,
                idleTimeout,
                maxStreamBufferBytes,
                maxTotalStreamBufferBytes,
                retransmissionCheckBytes,
                datagrams,
                maxDatagramBytes,
                fragmentsPerDatagram,
                timeout);
    }
}
