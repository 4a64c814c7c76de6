package io.isthmus.wire;

import java.nio.ByteBuffer;

/**
 * A dissector's input as a plain {@code byte[]} indexed as the buffer is, and the octet-order reads
 * the wire protocols use on it. {@code analyze} runs C1 only, where every {@code ByteBuffer.get}
 * went through the buffer's index and session checks, not inlined away: a tenth of the decoding
 * thread's time in the dissectors (docs/benchmarks.md, perf7w and perf9p). The reads here check
 * nothing but the array's own bounds: callers check a field lies inside the octets they were given
 * ({@code position..limit}) before they read it, as they did with the buffer.
 *
 * <p>A writable heap buffer whose array starts at its index 0 (what the session layer hands in:
 * the capture reader's buffer and the held bytes of a straddling message) is read in place. Any
 * other buffer (read-only, direct, a slice) has its octets from position to limit copied first,
 * into an array exactly {@code limit} long, so a read past the limit throws as it did on the buffer.
 */
public final class Octets {

    private Octets() {}

    /** The octets of {@code b} from its position to its limit, at the buffer's indexes. */
    public static byte[] of(ByteBuffer b) {
        if (b.hasArray() && b.arrayOffset() == 0) {
            return b.array();
        }
        byte[] copy = new byte[b.limit()];
        b.get(b.position(), copy, b.position(), b.remaining());
        return copy;
    }

    public static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    /** Two octets, most significant first (Modbus, S7, BACnet). */
    public static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    /** Two octets, least significant first (EtherNet/IP and CIP, DNP3, IEC 104, OPC UA). */
    public static int u16le(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
    }

    /** Four octets, most significant first, as an unsigned value. */
    public static long u32be(byte[] b, int i) {
        return (long) u16be(b, i) << 16 | u16be(b, i + 2);
    }

    /** Four octets, least significant first, as an unsigned value. */
    public static long u32le(byte[] b, int i) {
        return u16le(b, i) | (long) u16le(b, i + 2) << 16;
    }
}
