package io.isthmus.wire.packet;

import static io.isthmus.wire.packet.NetworkOrder.i32;
import static io.isthmus.wire.packet.NetworkOrder.u16;
import static io.isthmus.wire.packet.NetworkOrder.u8;

import io.isthmus.wire.packet.PacketError.Layer;
import io.isthmus.wire.packet.PacketError.Problem;

/**
 * The IPv4 header (RFC 791 3.1): IHL bounds the options (never parsed), Total Length bounds the
 * payload so Ethernet padding never reaches a dissector, and the fragment fields (3.2) mark pieces
 * for reassembly.
 */
final class Ipv4Layer {
    private static final int MIN_HEADER = 20;

    private Ipv4Layer() {}

    /** Fills the view's IP, transport and payload fields; false with the view's error set when they do not decode. */
    static boolean decode(byte[] b, int off, int end, PacketView v) {
        int avail = end - off;
        // One test for a well-formed header; which rule failed is worked out by malformed(), off
        // the common path (this method stays under C2's 325-byte inlining limit, FreqInlineSize).
        int versionIhl = avail >= MIN_HEADER ? u8(b, off) : 0;
        int headerLength = (versionIhl & 0x0F) * 4;
        int total = avail >= MIN_HEADER ? u16(b, off + 2) : 0;
        if (versionIhl >>> 4 != 4
                || headerLength < MIN_HEADER
                || headerLength > avail
                || (total < headerLength && total != 0)) {
            return malformed(b, off, avail, v);
        }
        int anomalies = 0;
        if (total == 0) {
            anomalies = PacketAnomaly.IPV4_ZERO_TOTAL_LENGTH.bit();
            total = avail;
        }
        if (total > avail) {
            anomalies |= PacketAnomaly.CAPTURE_TRUNCATED.bit();
        }
        int flags = u16(b, off + 6);
        v.ip(
                4,
                0,
                IpAddress.mappedLow(i32(b, off + 12)),
                0,
                IpAddress.mappedLow(i32(b, off + 16)),
                u8(b, off + 9),
                u8(b, off + 8),
                off,
                u16(b, off + 4),
                (flags & 0x1FFF) * 8,
                (flags & 0x2000) != 0,
                (flags & 0x4000) != 0);
        // Verified only if someone asks for the anomalies (PacketView.anomalies()): the flow layer never does.
        v.ipv4Checksum(b, off, headerLength);
        int capturedEnd = Math.min(off + total, end);
        return TransportLayer.decode(b, off + headerLength, capturedEnd, off + total - capturedEnd, anomalies, v);
    }

    /** The first rule a header that failed decode()'s test breaks, in RFC 791's field order; always false. */
    private static boolean malformed(byte[] b, int off, int avail, PacketView v) {
        if (avail < MIN_HEADER) {
            return v.fail(error(Problem.TRUNCATED_HEADER, off, avail));
        }
        int versionIhl = u8(b, off);
        if (versionIhl >>> 4 != 4) {
            return v.fail(error(Problem.BAD_VERSION, off, versionIhl >>> 4));
        }
        int headerLength = (versionIhl & 0x0F) * 4;
        if (headerLength < MIN_HEADER) {
            return v.fail(error(Problem.BAD_HEADER_LENGTH, off, versionIhl & 0x0F));
        }
        if (headerLength > avail) {
            return v.fail(error(Problem.TRUNCATED_HEADER, off, avail));
        }
        return v.fail(error(Problem.BAD_TOTAL_LENGTH, off, u16(b, off + 2)));
    }

    /**
     * RFC 1071: the ones' complement sum of the header, checksum included, is all ones. The 16-bit
     * words are summed in an int (at most 30 words of 0xFFFF, IHL 15, cannot overflow it) and
     * folded twice at the end, which leaves at most 16 bits (RFC 1071 2(C), deferred carries).
     */
    static boolean checksumMatches(byte[] b, int off, int headerLength) {
        int sum = 0;
        for (int i = off, end = off + headerLength; i < end; i += 2) {
            sum += u16(b, i);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum += sum >>> 16;
        return (sum & 0xFFFF) == 0xFFFF;
    }

    private static PacketError error(Problem problem, int off, long value) {
        return new PacketError(Layer.IPV4, problem, off, value);
    }
}
