package io.isthmus.wire.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Reads the capture file's fields in the file's byte order whatever order the caller's buffer is
 * set to, so the decoder never changes the buffer's state. A heap buffer's 32-bit fields (four per
 * pcap record) are read from its array after an explicit check against the buffer's limit: under
 * C1, which {@code analyze} runs, the {@code ByteBuffer} accessors' index, session and order checks
 * cost more than the read (docs/benchmarks.md, seventh session).
 */
final class Endian {
    private Endian() {}

    static int u16(ByteBuffer b, int index, boolean bigEndian) {
        short v = b.getShort(index);
        return Short.toUnsignedInt(matches(b, bigEndian) ? v : Short.reverseBytes(v));
    }

    static int i32(ByteBuffer b, int index, boolean bigEndian) {
        if (b.hasArray()) {
            byte[] a = b.array();
            int i = b.arrayOffset() + Objects.checkFromIndexSize(index, 4, b.limit());
            return bigEndian
                    ? a[i] << 24 | (a[i + 1] & 0xFF) << 16 | (a[i + 2] & 0xFF) << 8 | a[i + 3] & 0xFF
                    : a[i + 3] << 24 | (a[i + 2] & 0xFF) << 16 | (a[i + 1] & 0xFF) << 8 | a[i] & 0xFF;
        }
        int v = b.getInt(index);
        return matches(b, bigEndian) ? v : Integer.reverseBytes(v);
    }

    static long u32(ByteBuffer b, int index, boolean bigEndian) {
        return Integer.toUnsignedLong(i32(b, index, bigEndian));
    }

    /**
     * The unsigned 32-bit field at {@code i} of an array the caller has bounds-checked. Built from
     * 16-bit halves so that each method stays within C1's inlining limit (35 bytes of bytecode):
     * the pcap reader reads four of these per record.
     */
    static long u32(byte[] a, int i, boolean bigEndian) {
        return bigEndian ? be32(a, i) : le32(a, i);
    }

    /** The unsigned 16-bit field at {@code i} of an array the caller has bounds-checked. */
    static int u16(byte[] a, int i, boolean bigEndian) {
        return bigEndian ? be16(a, i) : le16(a, i);
    }

    private static long be32(byte[] a, int i) {
        return (long) be16(a, i) << 16 | be16(a, i + 2);
    }

    private static long le32(byte[] a, int i) {
        return (long) le16(a, i + 2) << 16 | le16(a, i);
    }

    private static int be16(byte[] a, int i) {
        return (a[i] & 0xFF) << 8 | a[i + 1] & 0xFF;
    }

    private static int le16(byte[] a, int i) {
        return (a[i + 1] & 0xFF) << 8 | a[i] & 0xFF;
    }

    static long i64(ByteBuffer b, int index, boolean bigEndian) {
        long v = b.getLong(index);
        return matches(b, bigEndian) ? v : Long.reverseBytes(v);
    }

    private static boolean matches(ByteBuffer b, boolean bigEndian) {
        return (b.order() == ByteOrder.BIG_ENDIAN) == bigEndian;
    }
}
