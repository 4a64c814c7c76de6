package io.isthmus.wire;

import java.nio.ByteBuffer;

/**
 * Turns octets from the wire into the printable text an {@link Attribute} carries. Fixed-size
 * string fields (S7 SZL records, CIP product names, COTP TSAPs) end at their first NUL and are
 * padded with spaces; both are cut off. Printable ASCII is kept and any other octet becomes
 * {@code '?'}, so hostile bytes never reach a log or a JSON line unescaped. Never throws and never
 * reads outside {@code [offset, offset + length)}.
 */
public final class PrintableText {

    private PrintableText() {}

    /** The printable text of {@code length} octets at absolute index {@code offset} of {@code buffer}. */
    public static String of(ByteBuffer buffer, int offset, int length) {
        StringBuilder text = new StringBuilder(Math.max(0, length));
        for (int i = 0; i < length; i++) {
            int b = buffer.get(offset + i) & 0xFF;
            if (b == 0) {
                break;
            }
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        return text.toString().strip();
    }

    /** The printable text of {@code length} octets at index {@code offset} of {@code octets} (see {@link Octets}). */
    public static String of(byte[] octets, int offset, int length) {
        StringBuilder text = new StringBuilder(Math.max(0, length));
        for (int i = 0; i < length; i++) {
            int b = octets[offset + i] & 0xFF;
            if (b == 0) {
                break;
            }
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        return text.toString().strip();
    }

    /** True when the {@code length} octets are all printable ASCII and there is at least one. */
    public static boolean isPrintable(byte[] octets, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = octets[offset + i] & 0xFF;
            if (b < 0x20 || b >= 0x7F) {
                return false;
            }
        }
        return length > 0;
    }

    /** True when the {@code length} octets are all printable ASCII and there is at least one. */
    public static boolean isPrintable(ByteBuffer buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = buffer.get(offset + i) & 0xFF;
            if (b < 0x20 || b >= 0x7F) {
                return false;
            }
        }
        return length > 0;
    }
}
