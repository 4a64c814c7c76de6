package io.isthmus.wire;

/**
 * The {@code 0x}-prefixed, upper-case, zero-padded hexadecimal text that attributes and names use
 * for codes ({@code 0x0E}, {@code 0x8404}, {@code 0x12020100}). A dissector writes several per
 * message, so this avoids {@link String#format}, which parses its pattern on every call.
 */
public final class HexText {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private HexText() {}

    /** {@code 0x} and the low {@code digits} hexadecimal digits of {@code value} (1..16). */
    public static String of(long value, int digits) {
        char[] out = new char[2 + digits];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < digits; i++) {
            out[1 + digits - i] = DIGITS[(int) (value >>> (4 * i)) & 0x0F];
        }
        return new String(out);
    }
}
