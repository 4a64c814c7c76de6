package io.isthmus.connect.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A tag path segment of at most 8 bytes as one {@code long} (little-endian, the bytes after it zero),
 * checked with a few word operations instead of a loop per byte: the key of the summary's leaf cache.
 */
final class SegmentWord {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    /** Added to each byte below 0x80, sets its high bit exactly when the byte is at least 0x21. */
    private static final long TO_PRINTABLE = 0x5F5F5F5F5F5F5F5FL;

    private SegmentWord() {}

    /** The {@code length} (1..8) bytes at {@code bytes[at..]}, which the caller checked are there. */
    static long read(byte[] bytes, int at, int length) {
        if (bytes.length - at >= Long.BYTES) {
            return (long) LONG.get(bytes, at) & mask(length);
        }
        long word = 0;
        for (int k = length - 1; k >= 0; k--) {
            word = word << 8 | (bytes[at + k] & 0xFF);
        }
        return word;
    }

    /**
     * True when each of the word's {@code length} bytes is printable ASCII other than space (0x21 to
     * 0x7E), the rule for a segment byte.
     */
    static boolean printable(long word, int length) {
        long w = word | (0x2121212121212121L & ~mask(length)); // the unused bytes pass
        // no byte has its high bit, so neither sum carries from one byte into the next
        return (w & HIGH_BITS) == 0 && ((w + TO_PRINTABLE) & HIGH_BITS) == HIGH_BITS && ((w + ONES) & HIGH_BITS) == 0;
    }

    private static long mask(int length) {
        return length >= Long.BYTES ? -1L : (1L << (8 * length)) - 1;
    }
}
