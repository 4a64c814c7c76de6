package io.isthmus.wire.s7.cotp;

import io.isthmus.wire.PrintableText;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * A transport selector from a CR or CC (ISO 8073 section 13.3.4 a). S7 stations use two octets
 * (connection type, then rack and slot); S7comm-plus uses text such as {@code SIMATIC-ROOT-HMI};
 * MMS peers usually use {@code 0001}. Kept as its printable form: text when every octet is
 * printable ASCII and there are at least three, otherwise hexadecimal.
 *
 * @param length how many octets the selector has
 * @param first the first octet (the S7 connection type), or -1 when empty
 * @param second the second octet (S7 rack in the top 3 bits, slot in the low 5), or -1
 */
public record Tsap(String text, int length, int first, int second) {

    static Tsap read(ByteBuffer buffer, int at, int length) {
        String text = length >= 3 && PrintableText.isPrintable(buffer, at, length)
                ? PrintableText.of(buffer, at, length)
                : hex(buffer, at, length);
        int first = length >= 1 ? buffer.get(at) & 0xFF : -1;
        int second = length >= 2 ? buffer.get(at + 1) & 0xFF : -1;
        return new Tsap(text, length, first, second);
    }

    private static String hex(ByteBuffer buffer, int at, int length) {
        StringBuilder s = new StringBuilder(2 * length);
        for (int i = 0; i < length; i++) {
            s.append(HexFormat.of().toHexDigits(buffer.get(at + i)));
        }
        return s.toString();
    }

    /** True for a textual Siemens S7comm-plus selector ({@code SIMATIC-ROOT-ES}, ...-HMI, ...-OTH). */
    public boolean isSimaticText() {
        return text.startsWith("SIMATIC-");
    }

    /**
     * True for the two-octet selector S7 stations use: a connection type (1 PG, 2 OP, 3 S7 basic,
     * 0x10 and up for CPs) followed by rack and slot. MMS and IEC 61850 peers use {@code 0001} or
     * four octets, which this rejects.
     */
    public boolean isS7Selector() {
        return length == 2 && first != 0x00;
    }
}
