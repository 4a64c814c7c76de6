package io.isthmus.wire.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the capture file's fields in the file's byte order whatever order the caller's buffer is
 * set to, so the decoder never changes the buffer's state.
 */
final class Endian {
    private Endian() {}

    static int u16(ByteBuffer b, int index, boolean bigEndian) {
        short v = b.getShort(index);
        return Short.toUnsignedInt(matches(b, bigEndian) ? v : Short.reverseBytes(v));
    }

    static int i32(ByteBuffer b, int index, boolean bigEndian) {
        int v = b.getInt(index);
        return matches(b, bigEndian) ? v : Integer.reverseBytes(v);
    }

    static long u32(ByteBuffer b, int index, boolean bigEndian) {
        return Integer.toUnsignedLong(i32(b, index, bigEndian));
    }

    static long i64(ByteBuffer b, int index, boolean bigEndian) {
        long v = b.getLong(index);
        return matches(b, bigEndian) ? v : Long.reverseBytes(v);
    }

    private static boolean matches(ByteBuffer b, boolean bigEndian) {
        return (b.order() == ByteOrder.BIG_ENDIAN) == bigEndian;
    }
}
