package io.isthmus.connect.transfer.fec;

/**
 * Arithmetic in GF(2^8) with the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), the field
 * of most Reed–Solomon codes. Addition is XOR; multiplication goes through log/exp tables, and a full
 * 64 KiB product table serves the inner loops, where one lookup per byte is the whole cost.
 */
final class Gf256 {
    private static final int POLYNOMIAL = 0x11D;
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];

    /** {@code PRODUCT[a << 8 | b]} is a·b. */
    static final byte[] PRODUCT = new byte[256 * 256];

    /** {@code ROWS[a][b]} is a·b: one 256-byte row per coefficient, for the long-wise kernel. */
    static final byte[][] ROWS = new byte[256][256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 256) {
                x ^= POLYNOMIAL;
            }
        }
        for (int i = 255; i < EXP.length; i++) {
            EXP[i] = EXP[i - 255];
        }
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                PRODUCT[a << 8 | b] = (byte) multiplySlow(a, b);
                ROWS[a][b] = PRODUCT[a << 8 | b];
            }
        }
    }

    private Gf256() {}

    static int multiply(int a, int b) {
        return PRODUCT[a << 8 | b] & 0xFF;
    }

    static int inverse(int a) {
        if (a == 0) {
            throw new ArithmeticException("0 has no inverse in GF(256)");
        }
        return EXP[255 - LOG[a]];
    }

    private static int multiplySlow(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[LOG[a] + LOG[b]];
    }
}
