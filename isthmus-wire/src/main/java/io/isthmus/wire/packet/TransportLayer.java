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
     * @param p where the transport header starts
     * @param end the end of the captured IP payload
     * @param missing IP payload bytes declared but not captured
     */
    static PacketResult decode(byte[] b, int p, int end, int missing, LinkHeader link, IpHeader ip, int anomalies) {
        if (ip.isFragment()) {
            return new DecodedPacket(link, ip, Transport.NONE, p, end - p, missing, anomalies);
        }
        return switch (ip.protocol()) {
            case IpHeader.TCP -> tcp(b, p, end, missing, link, ip, anomalies);
            case IpHeader.UDP -> udp(b, p, end, missing, link, ip, anomalies);
            default -> new DecodedPacket(link, ip, Transport.NONE, p, end - p, missing, anomalies);
        };
    }

    private static PacketResult tcp(
            byte[] b, int p, int end, int missing, LinkHeader link, IpHeader ip, int anomalies) {
        int avail = end - p;
        if (avail < TCP_MIN) {
            return new PacketError(Layer.TCP, Problem.TRUNCATED_HEADER, p, avail);
        }
        int dataOffset = (u8(b, p + 12) >>> 4) * 4;
        if (dataOffset < TCP_MIN) {
            return new PacketError(Layer.TCP, Problem.BAD_HEADER_LENGTH, p, dataOffset / 4);
        }
        if (dataOffset > avail) {
            return new PacketError(Layer.TCP, Problem.TRUNCATED_HEADER, p, avail);
        }
        TcpHeader tcp = new TcpHeader(
                u16(b, p),
                u16(b, p + 2),
                i32(b, p + 4),
                i32(b, p + 8),
                u16(b, p + 12) & 0x01FF,
                u16(b, p + 14),
                dataOffset);
        return new DecodedPacket(link, ip, tcp, p + dataOffset, avail - dataOffset, missing, anomalies);
    }

    private static PacketResult udp(
            byte[] b, int p, int end, int missing, LinkHeader link, IpHeader ip, int anomalies) {
        int avail = end - p;
        if (avail < UDP_HEADER) {
            return new PacketError(Layer.UDP, Problem.TRUNCATED_HEADER, p, avail);
        }
        int length = u16(b, p + 4);
        if (length < UDP_HEADER) {
            return new PacketError(Layer.UDP, Problem.BAD_TOTAL_LENGTH, p, length);
        }
        int declared = avail + missing;
        if (length != declared) {
            anomalies |= PacketAnomaly.UDP_LENGTH_MISMATCH.bit();
        }
        int udpEnd = p + Math.min(length, declared);
        int capturedEnd = Math.min(udpEnd, end);
        UdpHeader udp = new UdpHeader(u16(b, p), u16(b, p + 2), length);
        return new DecodedPacket(
                link, ip, udp, p + UDP_HEADER, capturedEnd - p - UDP_HEADER, udpEnd - capturedEnd, anomalies);
    }
}
