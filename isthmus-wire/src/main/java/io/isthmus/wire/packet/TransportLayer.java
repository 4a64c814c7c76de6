package io.isthmus.wire.packet;

import static io.isthmus.wire.packet.NetworkOrder.i32;
import static io.isthmus.wire.packet.NetworkOrder.u16;
import static io.isthmus.wire.packet.NetworkOrder.u8;

import io.isthmus.wire.packet.PacketError.Layer;
import io.isthmus.wire.packet.PacketError.Problem;

/** TCP (RFC 9293 3.1) and UDP (RFC 768) headers above an IP header; other protocols pass through. */
final class TransportLayer {
    private static final int TCP_MIN = 20;
    private static final int UDP_HEADER = 8;

    private TransportLayer() {}

    /**
     * Fills the view's transport and payload fields above the IP header already in it.
     *
     * @param p where the transport header starts
     * @param end the end of the captured IP payload
     * @param missing IP payload bytes declared but not captured
     */
    static boolean decode(byte[] b, int p, int end, int missing, int anomalies, PacketView v) {
        if (v.isFragment()) {
            v.payload(p, end - p, missing, anomalies);
            return true;
        }
        return switch (v.ipProtocol()) {
            case IpHeader.TCP -> tcp(b, p, end, missing, anomalies, v);
            case IpHeader.UDP -> udp(b, p, end, missing, anomalies, v);
            default -> {
                v.payload(p, end - p, missing, anomalies);
                yield true;
            }
        };
    }

    private static boolean tcp(byte[] b, int p, int end, int missing, int anomalies, PacketView v) {
        int avail = end - p;
        // One test on the common path; tcpMalformed() works out which rule failed.
        int dataOffset = avail >= TCP_MIN ? (u8(b, p + 12) >>> 4) * 4 : 0;
        if (dataOffset < TCP_MIN || dataOffset > avail) {
            return tcpMalformed(b, p, avail, v);
        }
        v.tcp(
                u16(b, p),
                u16(b, p + 2),
                i32(b, p + 4),
                i32(b, p + 8),
                u16(b, p + 12) & 0x01FF,
                u16(b, p + 14),
                dataOffset);
        v.payload(p + dataOffset, avail - dataOffset, missing, anomalies);
        return true;
    }

    /** The first rule a TCP header that failed tcp()'s test breaks; always false. */
    private static boolean tcpMalformed(byte[] b, int p, int avail, PacketView v) {
        if (avail < TCP_MIN) {
            return v.fail(new PacketError(Layer.TCP, Problem.TRUNCATED_HEADER, p, avail));
        }
        int dataOffset = (u8(b, p + 12) >>> 4) * 4;
        if (dataOffset < TCP_MIN) {
            return v.fail(new PacketError(Layer.TCP, Problem.BAD_HEADER_LENGTH, p, dataOffset / 4));
        }
        return v.fail(new PacketError(Layer.TCP, Problem.TRUNCATED_HEADER, p, avail));
    }

    private static boolean udp(byte[] b, int p, int end, int missing, int anomalies, PacketView v) {
        int avail = end - p;
        if (avail < UDP_HEADER) {
            return v.fail(new PacketError(Layer.UDP, Problem.TRUNCATED_HEADER, p, avail));
        }
        int length = u16(b, p + 4);
        if (length < UDP_HEADER) {
            return v.fail(new PacketError(Layer.UDP, Problem.BAD_TOTAL_LENGTH, p, length));
        }
        int declared = avail + missing;
        if (length != declared) {
            anomalies |= PacketAnomaly.UDP_LENGTH_MISMATCH.bit();
        }
        int udpEnd = p + Math.min(length, declared);
        int capturedEnd = Math.min(udpEnd, end);
        v.udp(u16(b, p), u16(b, p + 2), length);
        v.payload(p + UDP_HEADER, capturedEnd - p - UDP_HEADER, udpEnd - capturedEnd, anomalies);
        return true;
    }
}
