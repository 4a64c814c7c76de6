package io.isthmus.observe.flow;

import io.isthmus.wire.packet.IpAddress;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.LinkHeader;
import io.isthmus.wire.packet.PacketView;

/**
 * A flow's identity, the same for both directions: transport protocol, the two endpoints in a
 * canonical order (endpoint A sorts before endpoint B by address, then port), and the VLAN ids.
 * Which endpoint is the client is the {@link Flow}'s business, not the key's.
 *
 * @param vlan both VLAN ids packed ({@link #vlanOf}), so that the same addresses in two VLANs are
 *     two flows
 */
public record FlowKey(int protocol, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort, int vlan) {

    /** The key of a packet; {@code sourceIsA} must be {@link #sourceIsA} of the same values. */
    static FlowKey of(int protocol, PacketView p, boolean sourceIsA, int vlan) {
        if (sourceIsA) {
            return new FlowKey(
                    protocol, p.srcHigh(), p.srcLow(), p.srcPort(), p.dstHigh(), p.dstLow(), p.dstPort(), vlan);
        }
        return new FlowKey(protocol, p.dstHigh(), p.dstLow(), p.dstPort(), p.srcHigh(), p.srcLow(), p.srcPort(), vlan);
    }

    /** Whether the packet's source is endpoint A: it sorts first by address, then port. */
    static boolean sourceIsA(PacketView p) {
        // Unsigned order as signed order of the values with the sign bit flipped: under C1, which
        // analyze runs, Long.compareUnsigned is two calls per packet.
        long src = p.srcHigh() ^ Long.MIN_VALUE;
        long dst = p.dstHigh() ^ Long.MIN_VALUE;
        if (src == dst) {
            src = p.srcLow() ^ Long.MIN_VALUE;
            dst = p.dstLow() ^ Long.MIN_VALUE;
        }
        return src < dst || (src == dst && p.srcPort() <= p.dstPort());
    }

    /** Outer and inner VLAN ids ({@link LinkHeader#NONE} when absent) in one int (each 12 bits plus one, 0 for none). */
    static int vlanOf(int outerVlan, int innerVlan) {
        return ((outerVlan + 1) << 13) | (innerVlan + 1);
    }

    /**
     * Written out rather than left to the record's generated one: the flow table compares keys for
     * every packet, and the generic method-handle path showed in profiles of {@code analyze}.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k
                && aLow == k.aLow
                && bLow == k.bLow
                && aPort == k.aPort
                && bPort == k.bPort
                && protocol == k.protocol
                && vlan == k.vlan
                && aHigh == k.aHigh
                && bHigh == k.bHigh;
    }

    @Override
    public int hashCode() {
        return hash(protocol, aHigh, aLow, aPort, bHigh, bLow, bPort, vlan);
    }

    /** {@link #hashCode()} of the key with these components, computed without the key. */
    static int hash(int protocol, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort, int vlan) {
        long h = aLow * 0x9E37_79B9_7F4A_7C15L ^ bLow * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= aHigh * 31 ^ bHigh * 17;
        h ^= ((long) aPort << 16 | bPort) * 0x1656_67B1_9E37_79F9L ^ ((long) protocol << 40 | vlan);
        return (int) (h ^ (h >>> 32));
    }

    public IpAddress addressA() {
        return new IpAddress(aHigh, aLow);
    }

    public IpAddress addressB() {
        return new IpAddress(bHigh, bLow);
    }

    @Override
    public String toString() {
        String name = protocol == IpHeader.TCP ? "tcp" : protocol == IpHeader.UDP ? "udp" : "ip" + protocol;
        return name + " " + addressA() + ":" + aPort + " <-> " + addressB() + ":" + bPort;
    }
}
