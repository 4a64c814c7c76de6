package io.isthmus.observe.session;

import io.isthmus.observe.flow.FlowKey;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;

/**
 * One application message seen on the wire, with where and when: what {@code isthmus analyze}
 * writes as one line and what inventory and detection consume.
 *
 * @param flow the flow's key; empty for frames without IP (PROFINET DCP)
 * @param timestampNanos capture time of the packet that completed the message, nanoseconds since
 *     the epoch (UTC)
 * @param src sender address; empty for frames without IP
 * @param dst receiver address; empty for frames without IP
 * @param srcPort sender port, 0 without one
 * @param dstPort receiver port, 0 without one
 * @param srcMac sender MAC in the low 48 bits, -1 when the link has none
 * @param dstMac receiver MAC, -1 when the link has none
 * @param latencyNanos for a response paired with its request, the time since the request; -1
 *     otherwise
 */
public record Observation(
        Optional<FlowKey> flow,
        long timestampNanos,
        Optional<IpAddress> src,
        Optional<IpAddress> dst,
        int srcPort,
        int dstPort,
        long srcMac,
        long dstMac,
        long latencyNanos,
        MessageSummary message) {}
