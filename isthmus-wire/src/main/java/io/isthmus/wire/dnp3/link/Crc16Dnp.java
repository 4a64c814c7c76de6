package io.isthmus.wire.dnp3.link;

import java.nio.ByteBuffer;

/**
 * The DNP3 link-layer CRC (IEEE 1815-2012 clause 9, data link frame format): CRC-16 with polynomial
 * 0x3D65, processed least significant bit first (reflected 0xA6BC), initial value 0, result
 * complemented and sent low octet first. One CRC follows the 8-octet header and one follows each
 * block of up to 16 user-data octets.
 */
public final class Crc16Dnp {
    private static final int REFLECTED_POLY = 0xA6BC;
    private static final int[] TABLE = table();
    /**
     * The register after two octets whose first, XORed with the register's low octet, is the
     * index and whose second is 0: the CRC is linear in its input, so two octets at once are
     * {@code PAIR_TABLE[low] ^ TABLE[high]} of (register XOR the two octets, little-endian).
     */
    private static final int[] PAIR_TABLE = pairTable(TABLE);
    /**
     * Slicing by eight: slice {@code k} (at {@code k * 256}) holds the register after an octet
     * followed by {@code k} zero octets, starting from 0. The CRC is linear and its register is two
     * octets, so eight octets at once are the XOR of the slices of (register XOR the first two
     * octets, little-endian) and of the six octets after them, each by its distance from the end.
     * Slice 0 is {@link #TABLE}, slice 1 {@link #PAIR_TABLE}; {@code char}s, as the register is 16
     * bits (4 KiB in all).
     */
    private static final char[] SLICES = slices(TABLE);

    private Crc16Dnp() {}

    /** The CRC of {@code length} bytes starting at absolute index {@code from}; does not move the buffer. */
    public static int compute(ByteBuffer data, int from, int length) {
        int crc = 0;
        for (int i = from; i < from + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data.get(i)) & 0xFF];
        }
        return ~crc & 0xFFFF;
    }

    /** True when the two octets at {@code crcIndex} (low octet first) hold the CRC of the block before. */
    public static boolean matches(ByteBuffer data, int from, int length, int crcIndex) {
        int sent = (data.get(crcIndex) & 0xFF) | (data.get(crcIndex + 1) & 0xFF) << 8;
        return sent == compute(data, from, length);
    }

    /**
     * {@link #compute(ByteBuffer, int, int)} on an array ({@link io.isthmus.wire.Octets}), indexes as
     * given; eight octets per step ({@link #SLICES}: a 16-octet block is two steps, the header one),
     * then two at a time ({@link #PAIR_TABLE}), an odd last octet alone.
     */
    public static int compute(byte[] data, int from, int length) {
        int crc = 0;
        int end = from + length;
        int i = from;
        char[] t = SLICES;
        for (; i + 8 <= end; i += 8) {
            int x = crc ^ (data[i] & 0xFF) ^ (data[i + 1] & 0xFF) << 8;
            crc = t[7 * 256 + (x & 0xFF)]
                    ^ t[6 * 256 + (x >>> 8)]
                    ^ t[5 * 256 + (data[i + 2] & 0xFF)]
                    ^ t[4 * 256 + (data[i + 3] & 0xFF)]
                    ^ t[3 * 256 + (data[i + 4] & 0xFF)]
                    ^ t[2 * 256 + (data[i + 5] & 0xFF)]
                    ^ t[256 + (data[i + 6] & 0xFF)]
                    ^ t[data[i + 7] & 0xFF];
        }
        for (; i + 1 < end; i += 2) {
            int x = crc ^ (data[i] & 0xFF) ^ (data[i + 1] & 0xFF) << 8;
            crc = PAIR_TABLE[x & 0xFF] ^ TABLE[x >>> 8];
        }
        if (i < end) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return ~crc & 0xFFFF;
    }

    /** {@link #matches(ByteBuffer, int, int, int)} on an array, indexes as given. */
    public static boolean matches(byte[] data, int from, int length, int crcIndex) {
        int sent = (data[crcIndex] & 0xFF) | (data[crcIndex + 1] & 0xFF) << 8;
        return sent == compute(data, from, length);
    }

    private static char[] slices(int[] table) {
        char[] t = new char[8 * 256];
        for (int b = 0; b < 256; b++) {
            int c = table[b];
            t[b] = (char) c;
            for (int k = 1; k < 8; k++) {
                c = (c >>> 8) ^ table[c & 0xFF];
                t[k * 256 + b] = (char) c;
            }
        }
        return t;
    }

    private static int[] pairTable(int[] table) {
        int[] t = new int[256];
        for (int b = 0; b < 256; b++) {
            t[b] = (table[b] >>> 8) ^ table[table[b] & 0xFF];
        }
        return t;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int b = 0; b < 256; b++) {
            int c = b;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ REFLECTED_POLY : c >>> 1;
            }
            t[b] = c;
        }
        return t;
    }
}
