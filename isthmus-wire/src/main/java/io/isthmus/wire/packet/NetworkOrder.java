package io.isthmus.wire.packet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Big-endian field reads by absolute index, whatever order the caller's buffer is set to. */
final class NetworkOrder {
    private NetworkOrder() {}

    static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xFF;
    }

    static int u16(ByteBuffer b, int i) {
        short v = b.getShort(i);
        return Short.toUnsignedInt(b.order() == ByteOrder.BIG_ENDIAN ? v : Short.reverseBytes(v));
    }

    static int i32(ByteBuffer b, int i) {
        int v = b.getInt(i);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    static long i64(ByteBuffer b, int i) {
        long v = b.getLong(i);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }

    /** Six octets in transmission order, as the low 48 bits. */
    static long u48(ByteBuffer b, int i) {
        return ((long) u16(b, i) << 32) | Integer.toUnsignedLong(i32(b, i + 2));
    }
}
