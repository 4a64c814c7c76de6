package io.isthmus.wire;

/**
 * The {@code 0x}-prefixed, upper-case, zero-padded hexadecimal text that attributes and names use
 * for codes ({@code 0x0E}, {@code 0x8404}, {@code 0x12020100}). A dissector writes several per
 * message, so this avoids {@link String#format}, which parses its pattern on every call, and
 * hands out one shared string per 2- and 4-digit value (service codes, statuses, class ids, the
 * most frequent texts by far) instead of a new one each time.
 */
public final class HexText {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();
    private static final String[] BYTES = new String[256];
    /**
     * The 4-digit texts, filled on first use by whichever thread asks, with no lock and no volatile
     * access. That is safe only while all this holds: a slot is only ever null or the text of its
     * own index, so a racing write stores an equal string; a {@link String} is immutable with final
     * fields, so a thread that reads a slot's reference sees the whole string however it was
     * published (JLS 17.5); and no caller compares these texts by identity ({@code ==}), since two
     * threads may each keep their own, equal copy. {@link #of} reads a slot once, into a local: a
     * second plain read is not promised to see the same value. Store nothing else here.
     */
    private static final String[] WORDS = new String[65_536];

    static {
        for (int i = 0; i < BYTES.length; i++) {
            BYTES[i] = format(i, 2);
        }
    }

    private HexText() {}

    /** {@code 0x} and the low {@code digits} hexadecimal digits of {@code value} (1..16). */
    public static String of(long value, int digits) {
        if (digits == 2) {
            return BYTES[(int) value & 0xFF];
        }
        if (digits == 4) {
            int w = (int) value & 0xFFFF;
            String s = WORDS[w];
            if (s == null) {
                s = format(w, 4);
                WORDS[w] = s;
            }
            return s;
        }
        return format(value, digits);
    }

    private static String format(long value, int digits) {
        char[] out = new char[2 + digits];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < digits; i++) {
            out[1 + digits - i] = DIGITS[(int) (value >>> (4 * i)) & 0x0F];
        }
        return new String(out);
    }
}
