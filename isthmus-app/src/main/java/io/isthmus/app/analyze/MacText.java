package io.isthmus.app.analyze;

/** A MAC address held in the low 48 bits of a long, as {@code aa:bb:cc:dd:ee:ff}. */
final class MacText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MacText() {}

    static String format(long mac) {
        if (mac < 0) {
            return "";
        }
        char[] c = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (mac >>> (40 - 8 * i)) & 0xFF;
            c[3 * i] = HEX[b >>> 4];
            c[3 * i + 1] = HEX[b & 0xF];
            if (i < 5) {
                c[3 * i + 2] = ':';
            }
        }
        return new String(c);
    }

    /**
     * The same text with JSON quotes into {@code out} (19 bytes from {@code 0}), without a String:
     * the observation writer writes two per line.
     */
    static void quoted(long mac, byte[] out) {
        out[0] = '"';
        for (int i = 0; i < 6; i++) {
            int b = (int) (mac >>> (40 - 8 * i)) & 0xFF;
            out[1 + 3 * i] = (byte) HEX[b >>> 4];
            out[2 + 3 * i] = (byte) HEX[b & 0xF];
            out[3 + 3 * i] = (byte) (i < 5 ? ':' : '"');
        }
    }
}
