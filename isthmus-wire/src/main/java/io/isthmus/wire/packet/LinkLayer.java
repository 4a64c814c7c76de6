package io.isthmus.wire.packet;

import static io.isthmus.wire.packet.LinkHeader.NONE;
import static io.isthmus.wire.packet.NetworkOrder.u16;
import static io.isthmus.wire.packet.NetworkOrder.u48;
import static io.isthmus.wire.packet.NetworkOrder.u8;

import io.isthmus.wire.capture.LinkType;
import io.isthmus.wire.packet.PacketError.Layer;
import io.isthmus.wire.packet.PacketError.Problem;

/**
 * Link-layer headers: Ethernet II (IEEE 802.3 3.1.1) with 802.1Q / 802.1ad tags, Linux cooked
 * captures v1 and v2 (tcpdump.org LINKTYPE_LINUX_SLL/SLL2), BSD loopback and raw IP.
 */
final class LinkLayer {
    static final int IPV4 = 0x0800;
    static final int IPV6 = 0x86DD;
    private static final int ETHERNET_HEADER = 14;
    private static final int SLL_HEADER = 16;
    private static final int SLL2_HEADER = 20;
    private static final int ARPHRD_ETHER = 1;

    private LinkLayer() {}

    /** Fills the view's link fields; false (with the view's error set) when the header does not decode. */
    static boolean decode(byte[] b, int off, int end, LinkType type, int code, PacketLimits limits, PacketView v) {
        if (type == LinkType.ETHERNET) { // nearly every capture: one compare, not the enum switch's table
            return ethernet(b, off, end, limits, v);
        }
        return switch (type) {
            case ETHERNET -> ethernet(b, off, end, limits, v);
            case LINUX_SLL -> sll(b, off, end, limits, v);
            case LINUX_SLL2 -> sll2(b, off, end, limits, v);
            case NULL -> loopback(b, off, end, false, v);
            case LOOP -> loopback(b, off, end, true, v);
            case RAW -> raw(b, off, end, v);
            case IPV4 -> bare(IPV4, off, v);
            case IPV6 -> bare(IPV6, off, v);
            case UNKNOWN -> v.fail(new PacketError(Layer.LINK, Problem.UNSUPPORTED_LINK_TYPE, off, code));
        };
    }

    private static boolean bare(int etherType, int off, PacketView v) {
        v.link(NONE, NONE, NONE, NONE, etherType, off);
        return true;
    }

    private static boolean ethernet(byte[] b, int off, int end, PacketLimits limits, PacketView v) {
        if (end - off < ETHERNET_HEADER) {
            return truncated(off, end, v);
        }
        int type = u16(b, off + 12);
        if (!isTag(type)) { // untagged, the common case: no tag walk
            v.link(u48(b, off), u48(b, off + 6), NONE, NONE, type, off + ETHERNET_HEADER);
            return true;
        }
        return tags(b, type, off + ETHERNET_HEADER, end, u48(b, off), u48(b, off + 6), limits, v);
    }

    private static boolean isTag(int type) {
        return type == 0x8100 || type == 0x88A8 || type == 0x9100 || type == 0x9200;
    }

    /** SLL: packet type, ARPHRD type, address length, 8 address bytes, protocol. */
    private static boolean sll(byte[] b, int off, int end, PacketLimits limits, PacketView v) {
        if (end - off < SLL_HEADER) {
            return truncated(off, end, v);
        }
        boolean mac = u16(b, off + 2) == ARPHRD_ETHER && u16(b, off + 4) == 6;
        long src = mac ? u48(b, off + 6) : NONE;
        return tags(b, u16(b, off + 14), off + SLL_HEADER, end, NONE, src, limits, v);
    }

    /** SLL2: protocol, reserved, interface index, ARPHRD type, packet type, address length, 8 address bytes. */
    private static boolean sll2(byte[] b, int off, int end, PacketLimits limits, PacketView v) {
        if (end - off < SLL2_HEADER) {
            return truncated(off, end, v);
        }
        boolean mac = u16(b, off + 8) == ARPHRD_ETHER && u8(b, off + 11) == 6;
        long src = mac ? u48(b, off + 12) : NONE;
        return tags(b, u16(b, off), off + SLL2_HEADER, end, NONE, src, limits, v);
    }

    /**
     * Walks 802.1Q (0x8100), 802.1ad (0x88A8) and the pre-standard QinQ types 0x9100/0x9200: each
     * tag is a 2-byte TCI whose low 12 bits are the VLAN id, then the next type.
     */
    private static boolean tags(
            byte[] b, int type, int pos, int end, long dst, long src, PacketLimits limits, PacketView v) {
        int outer = NONE;
        int inner = NONE;
        int count = 0;
        while (isTag(type)) {
            if (count == limits.maxVlanTags()) {
                return v.fail(new PacketError(Layer.VLAN, Problem.TOO_MANY_VLAN_TAGS, pos, count + 1L));
            }
            if (end - pos < 4) {
                return v.fail(new PacketError(Layer.VLAN, Problem.TRUNCATED_HEADER, pos, end - pos));
            }
            int vid = u16(b, pos) & 0x0FFF;
            if (count == 0) {
                outer = vid;
            } else if (count == 1) {
                inner = vid;
            }
            type = u16(b, pos + 2);
            pos += 4;
            count++;
        }
        v.link(dst, src, outer, inner, type, pos);
        return true;
    }

    /**
     * BSD loopback: a 4-byte address family, in the capturing host's order for LINKTYPE_NULL and
     * network order for LINKTYPE_LOOP. AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24
     * (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS).
     */
    private static boolean loopback(byte[] b, int off, int end, boolean networkOrder, PacketView v) {
        if (end - off < 4) {
            return truncated(off, end, v);
        }
        int family = NetworkOrder.i32(b, off);
        if (!networkOrder && (family & 0xFFFF_0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        int etherType = switch (family) {
            case 2 -> IPV4;
            case 10, 24, 28, 30 -> IPV6;
            default -> 0;
        };
        return bare(etherType, off + 4, v);
    }

    private static boolean raw(byte[] b, int off, int end, PacketView v) {
        if (end - off < 1) {
            return truncated(off, end, v);
        }
        int version = u8(b, off) >>> 4;
        return switch (version) {
            case 4 -> bare(IPV4, off, v);
            case 6 -> bare(IPV6, off, v);
            default -> v.fail(new PacketError(Layer.LINK, Problem.BAD_VERSION, off, version));
        };
    }

    private static boolean truncated(int off, int end, PacketView v) {
        return v.fail(new PacketError(Layer.LINK, Problem.TRUNCATED_HEADER, off, end - off));
    }
}
