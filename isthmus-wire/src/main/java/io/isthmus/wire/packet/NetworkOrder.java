package io.isthmus.wire.packet;

/**
 * Big-endian field reads from a packet's backing array by absolute index. Callers check the field
 * lies inside the packet's captured bytes first ({@code end - off >= n}); the array's own bounds
 * check is only the backstop. Plain shifts rather than {@code ByteBuffer} accessors or a
 * byte-array {@code VarHandle}: {@code analyze} runs C1 only, where the buffer accessors'
 * index, session and order checks were a fifth of the decoding thread's time (docs/benchmarks.md,
 * sixth and seventh sessions). Each method stays within C1's inlining limit of 35 bytes of bytecode
 * ({@code C1MaxInlineSize}): a 32-bit read written out as four byte loads took 43 bytes, so under
 * C1 every IPv4 address, checksum word, TCP sequence number and MAC was a call (twelfth session).
 */
final class NetworkOrder {
    private NetworkOrder() {}

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    static int i32(byte[] b, int i) {
        return u16(b, i) << 16 | u16(b, i + 2);
    }

    static long i64(byte[] b, int i) {
        return (long) i32(b, i) << 32 | Integer.toUnsignedLong(i32(b, i + 4));
    }

    /** Six octets in transmission order, as the low 48 bits. */
    static long u48(byte[] b, int i) {
        return ((long) u16(b, i) << 32) | Integer.toUnsignedLong(i32(b, i + 2));
    }
}
