package io.isthmus.observe.session;

import io.isthmus.observe.flow.FlowKey;
import io.isthmus.wire.packet.IpAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the messages of one flow direction go: the same for every one of them, so the session
 * layer makes it once per direction (again only when the flow learns a MAC address) and each
 * {@link Observation} refers to it instead of carrying seven fields of its own.
 *
 * @param flow the flow's key; empty for frames without IP (PROFINET DCP)
 * @param src sender address; empty for frames without IP
 * @param dst receiver address; empty for frames without IP
 * @param srcPort sender port, 0 without one
 * @param dstPort receiver port, 0 without one
 * @param srcMac sender MAC in the low 48 bits, -1 when the link has none
 * @param dstMac receiver MAC, -1 when the link has none
 */
public record Endpoints(
        Optional<FlowKey> flow,
        Optional<IpAddress> src,
        Optional<IpAddress> dst,
        int srcPort,
        int dstPort,
        long srcMac,
        long dstMac) {

    public Endpoints {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
    }

    /** A frame without IP between two MAC addresses. */
    static Endpoints link(long srcMac, long dstMac) {
        return new Endpoints(Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, srcMac, dstMac);
    }
}
