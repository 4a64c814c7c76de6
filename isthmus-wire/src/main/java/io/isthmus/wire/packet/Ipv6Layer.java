package io.isthmus.wire.packet;

import static io.isthmus.wire.packet.NetworkOrder.i32;
import static io.isthmus.wire.packet.NetworkOrder.i64;
import static io.isthmus.wire.packet.NetworkOrder.u16;
import static io.isthmus.wire.packet.NetworkOrder.u8;

import io.isthmus.wire.packet.PacketError.Layer;
import io.isthmus.wire.packet.PacketError.Problem;

/**
 * The IPv6 header (RFC 8200 3) and its extension headers (4), walked up to a bound to the transport
 * header: Hop-by-Hop (0), Routing (43), Fragment (44, recorded, 4.5), Destination Options (60),
 * Mobility (135), HIP (139), Shim6 (140), whose length is in 8-octet units beyond the first 8, and
 * Authentication (51, RFC 4302 2.2: in 4-octet units beyond the first 8).
 */
final class Ipv6Layer {
    private static final int HEADER = 40;
    private static final int FRAGMENT = 44;
    private static final int AUTHENTICATION = 51;

    private Ipv6Layer() {}

    /** Fills the view's IP, transport and payload fields; false with the view's error set when they do not decode. */
    static boolean decode(byte[] b, int off, int end, PacketLimits limits, PacketView v) {
        int avail = end - off;
        if (avail < HEADER) {
            return v.fail(error(Problem.TRUNCATED_HEADER, off, avail));
        }
        int version = u8(b, off) >>> 4;
        if (version != 6) {
            return v.fail(error(Problem.BAD_VERSION, off, version));
        }
        int payloadLength = u16(b, off + 4);
        int anomalies = 0;
        if (payloadLength == 0) {
            anomalies |= PacketAnomaly.IPV6_ZERO_PAYLOAD_LENGTH.bit();
            payloadLength = avail - HEADER;
        }
        int declaredEnd = off + HEADER + payloadLength;
        if (declaredEnd > end) {
            anomalies |= PacketAnomaly.CAPTURE_TRUNCATED.bit();
        }
        int capturedEnd = Math.min(declaredEnd, end);
        int next = u8(b, off + 6);
        int p = off + HEADER;
        int count = 0;
        int fragmentId = 0;
        int fragmentField = 0;
        while (isExtension(next)) {
            if (count == limits.maxIpv6ExtensionHeaders()) {
                return v.fail(error(Problem.TOO_MANY_EXTENSION_HEADERS, p, count + 1L));
            }
            if (capturedEnd - p < 8) {
                return v.fail(error(Problem.TRUNCATED_HEADER, p, capturedEnd - p));
            }
            int length = next == AUTHENTICATION ? (u8(b, p + 1) + 2) * 4 : (u8(b, p + 1) + 1) * 8;
            if (next == FRAGMENT) {
                fragmentField = u16(b, p + 2);
                fragmentId = i32(b, p + 4);
                length = 8;
            }
            if (capturedEnd - p < length) {
                return v.fail(error(Problem.TRUNCATED_HEADER, p, capturedEnd - p));
            }
            next = u8(b, p);
            p += length;
            count++;
        }
        v.ip(
                6,
                i64(b, off + 8),
                i64(b, off + 16),
                i64(b, off + 24),
                i64(b, off + 32),
                next,
                u8(b, off + 7),
                off,
                fragmentId,
                fragmentField & 0xFFF8,
                (fragmentField & 1) != 0,
                false);
        return TransportLayer.decode(b, p, capturedEnd, declaredEnd - capturedEnd, anomalies, v);
    }

    private static boolean isExtension(int next) {
        return next == 0
                || next == 43
                || next == FRAGMENT
                || next == AUTHENTICATION
                || next == 60
                || next == 135
                || next == 139
                || next == 140;
    }

    private static PacketError error(Problem problem, int off, long value) {
        return new PacketError(Layer.IPV6, problem, off, value);
    }
}
