package io.isthmus.observe.session;

import io.isthmus.observe.flow.FlowKey;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One application message seen on the wire, with where and when: what {@code isthmus analyze}
 * writes as one line and what inventory and detection consume. One is made per message and handed
 * to the writer thread, so it holds only what differs per message; where the message went is the
 * flow direction's shared {@link Endpoints}, read through the accessors below.
 *
 * @param endpoints the flow direction's addresses, ports and MACs, shared by its messages
 * @param timestampNanos capture time of the packet that completed the message, nanoseconds since
 *     the epoch (UTC)
 * @param latencyNanos for a response paired with its request, the time since the request; -1
 *     otherwise
 */
public record Observation(Endpoints endpoints, long timestampNanos, long latencyNanos, MessageSummary message) {

    public Observation {
        Objects.requireNonNull(endpoints, "endpoints");
    }

    /** An observation with its own endpoints (tests and callers outside the session layer). */
    public Observation(
            Optional<FlowKey> flow,
            long timestampNanos,
            Optional<IpAddress> src,
            Optional<IpAddress> dst,
            int srcPort,
            int dstPort,
            long srcMac,
            long dstMac,
            long latencyNanos,
            MessageSummary message) {
        this(new Endpoints(flow, src, dst, srcPort, dstPort, srcMac, dstMac), timestampNanos, latencyNanos, message);
    }

    /** The flow's key; empty for frames without IP (PROFINET DCP). */
    public Optional<FlowKey> flow() {
        return endpoints.flow();
    }

    /** Sender address; empty for frames without IP. */
    public Optional<IpAddress> src() {
        return endpoints.src();
    }

    /** Receiver address; empty for frames without IP. */
    public Optional<IpAddress> dst() {
        return endpoints.dst();
    }

    /** Sender port, 0 without one. */
    public int srcPort() {
        return endpoints.srcPort();
    }

    /** Receiver port, 0 without one. */
    public int dstPort() {
        return endpoints.dstPort();
    }

    /** Sender MAC in the low 48 bits, -1 when the link has none. */
    public long srcMac() {
        return endpoints.srcMac();
    }

    /** Receiver MAC, -1 when the link has none. */
    public long dstMac() {
        return endpoints.dstMac();
    }
}
