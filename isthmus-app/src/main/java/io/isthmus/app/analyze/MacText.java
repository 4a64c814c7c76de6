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
}
