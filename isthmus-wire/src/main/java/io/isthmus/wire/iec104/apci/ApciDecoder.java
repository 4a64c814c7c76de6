package io.isthmus.wire.iec104.apci;

import java.nio.ByteBuffer;

/**
 * Decodes one APDU (IEC 60870-5-104 clause 5): start octet 0x68, length of the rest
 * (4 control octets plus the ASDU, at most 253), then the control field. Looks at the buffer from
 * its position without moving it; waits for at most one maximum APDU (255 bytes).
 */
public final class ApciDecoder {
    /** The start octet that begins every APDU. */
    public static final int START = 0x68;
    /** Octets of the control field, the smallest legal length. */
    public static final int CONTROL_OCTETS = 4;
    /** The largest length octet the standard allows (APDU of 255 octets). */
    public static final int MAX_LENGTH = 253;

    private static final int HEADER = 2;

    private ApciDecoder() {}

    /**
     * @param maxLength the largest length octet accepted, at most {@link #MAX_LENGTH}
     */
    public static ApduDecoding decode(ByteBuffer data, int maxLength) {
        int base = data.position();
        int available = data.remaining();
        if (available == 0) {
            return new ApduDecoding.NeedMore(HEADER + CONTROL_OCTETS);
        }
        if ((data.get(base) & 0xFF) != START) {
            return startMissing(data, base, available);
        }
        if (available < HEADER) {
            return new ApduDecoding.NeedMore(HEADER + CONTROL_OCTETS - available);
        }
        int length = data.get(base + 1) & 0xFF;
        if (length < CONTROL_OCTETS || length > maxLength) {
            return new ApduDecoding.Invalid(
                    ApciError.LENGTH_INVALID,
                    "APDU length " + length + " outside " + CONTROL_OCTETS + ".." + maxLength,
                    1,
                    1);
        }
        if (available < HEADER + length) {
            return new ApduDecoding.NeedMore(HEADER + length - available);
        }
        return control(data, base, length);
    }

    /** True when the first bytes look like an APDU header: start octet, legal length, known format. */
    public static boolean isHeader(ByteBuffer data) {
        int base = data.position();
        if (data.remaining() < HEADER + CONTROL_OCTETS || (data.get(base) & 0xFF) != START) {
            return false;
        }
        int length = data.get(base + 1) & 0xFF;
        if (length < CONTROL_OCTETS || length > MAX_LENGTH) {
            return false;
        }
        int c1 = data.get(base + 2) & 0xFF;
        if ((c1 & 0x01) == 0) {
            return length >= CONTROL_OCTETS + 6;
        }
        boolean unnumbered = (c1 & 0x03) == 0x03;
        boolean validFunction = unnumbered ? UFunction.of(c1) != UFunction.UNKNOWN : c1 == 0x01;
        return validFunction && length == CONTROL_OCTETS && data.get(base + 3) == 0;
    }

    private static ApduDecoding control(ByteBuffer data, int base, int length) {
        int c1 = data.get(base + 2) & 0xFF;
        int c2 = data.get(base + 3) & 0xFF;
        int c3 = data.get(base + 4) & 0xFF;
        int c4 = data.get(base + 5) & 0xFF;
        int consumed = HEADER + length;
        int receive = (c3 >> 1) | c4 << 7;
        if ((c1 & 0x01) == 0) {
            Apci apci = new Apci.IFormat((c1 >> 1) | c2 << 7, receive);
            return new ApduDecoding.Apdu(apci, HEADER + CONTROL_OCTETS, length - CONTROL_OCTETS, consumed);
        }
        if (length != CONTROL_OCTETS) {
            return new ApduDecoding.Invalid(
                    ApciError.FORMAT_LENGTH_MISMATCH,
                    ((c1 & 0x03) == 0x03 ? "U" : "S") + "-format APDU with length " + length + ", expected 4",
                    1,
                    consumed);
        }
        if ((c1 & 0x03) == 0x01) {
            return new ApduDecoding.Apdu(new Apci.SFormat(receive), consumed, 0, consumed);
        }
        UFunction function = UFunction.of(c1);
        if (function == UFunction.UNKNOWN) {
            return new ApduDecoding.Invalid(
                    ApciError.U_FUNCTION_INVALID,
                    "U-format control octet 0x" + Integer.toHexString(c1) + " names no single function",
                    2,
                    consumed);
        }
        return new ApduDecoding.Apdu(new Apci.UFormat(function, c1), consumed, 0, consumed);
    }

    private static ApduDecoding startMissing(ByteBuffer data, int base, int available) {
        int skip = 1;
        while (skip < available && (data.get(base + skip) & 0xFF) != START) {
            skip++;
        }
        return new ApduDecoding.Invalid(
                ApciError.START_MISSING, skip + " byte(s) before the next 0x68 start octet", 0, skip);
    }
}
