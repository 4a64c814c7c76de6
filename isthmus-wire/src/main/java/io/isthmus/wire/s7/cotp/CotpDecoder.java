package io.isthmus.wire.s7.cotp;

import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes the TPDU a TPKT carries (ISO 8073 section 13, class 0 as RFC 1006 section 5 uses it).
 * The first octet is the length indicator (LI): the header length without the LI octet itself.
 * Every field is checked against LI and LI against the octets the TPKT holds.
 */
public final class CotpDecoder {

    /** ISO 8073 section 13.2.1: LI 255 is reserved. */
    private static final int LI_RESERVED = 255;

    private static final int PARAMETER_TPDU_SIZE = 0xC0;
    private static final int PARAMETER_CALLING_TSAP = 0xC1;
    private static final int PARAMETER_CALLED_TSAP = 0xC2;

    private CotpDecoder() {}

    /** Decodes the TPDU in {@code [at, at + length)} of {@code buffer} (absolute indexes). */
    public static CotpDecode decode(ByteBuffer buffer, int at, int length) {
        if (length < 2) {
            return new CotpDecode.Invalid(CotpError.HEADER_TRUNCATED, at, length);
        }
        byte[] b = Octets.of(buffer); // the data TPDU, every S7 frame, read in place; the rest through the buffer
        int li = b[at] & 0xFF;
        if (!lengthIndicatorFits(li, length)) {
            return new CotpDecode.Invalid(CotpError.LENGTH_INDICATOR_INVALID, at, li);
        }
        int codeOctet = b[at + 1] & 0xFF;
        CotpTpduType type = CotpTpduType.ofCodeOctet(codeOctet);
        if (li < fixedPartLength(type)) {
            return new CotpDecode.Invalid(CotpError.HEADER_TRUNCATED, at, li);
        }
        return switch (type) {
            case CONNECTION_REQUEST, CONNECTION_CONFIRM -> connection(buffer, at, li, type);
            case DATA -> data(b, at, li, length);
            case DISCONNECT_REQUEST, DISCONNECT_CONFIRM -> disconnect(buffer, at, type);
            case TPDU_ERROR ->
                new CotpDecode.Decoded(new CotpTpdu.Error(u16(buffer, at + 2), buffer.get(at + 4) & 0xFF));
            case EXPEDITED_DATA, DATA_ACKNOWLEDGEMENT, EXPEDITED_DATA_ACKNOWLEDGEMENT, REJECT, UNKNOWN ->
                new CotpDecode.Decoded(new CotpTpdu.Other(type, codeOctet));
        };
    }

    /**
     * The header length (LI + 1) of the TPDU in {@code [at, at + length)} of {@code b} when it is a
     * DT TPDU that {@link #decode} accepts, or -1 for anything else (another TPDU type, or a header
     * {@code decode} rejects, which the caller then decodes for its result). The same checks as
     * {@code decode}; the data path of every S7 frame then needs no {@link CotpTpdu.Data} and
     * {@link CotpDecode.Decoded} per frame (records are not scalar-replaced under C1).
     */
    public static int dataHeaderLength(byte[] b, int at, int length) {
        if (length < 2) {
            return -1;
        }
        int li = b[at] & 0xFF;
        if (!lengthIndicatorFits(li, length) || li < fixedPartLength(CotpTpduType.DATA)) {
            return -1;
        }
        return CotpTpduType.ofCodeOctet(b[at + 1] & 0xFF) == CotpTpduType.DATA ? li + 1 : -1;
    }

    /** The EOT bit of the DT TPDU at {@code at} whose header {@link #dataHeaderLength} accepted. */
    public static boolean endOfTsdu(byte[] b, int at) {
        return (b[at + 2] & 0x80) != 0;
    }

    /** LI is neither 0 nor the reserved 255 and the header it announces lies within {@code length}. */
    private static boolean lengthIndicatorFits(int li, int length) {
        return li != 0 && li != LI_RESERVED && li + 1 <= length;
    }

    /** Octets of the fixed part after LI (section 13.x.2 of each TPDU), which LI must cover. */
    private static int fixedPartLength(CotpTpduType type) {
        return switch (type) {
            case CONNECTION_REQUEST, CONNECTION_CONFIRM, DISCONNECT_REQUEST -> 6;
            case DISCONNECT_CONFIRM -> 5;
            case TPDU_ERROR -> 4;
            case DATA -> 2;
            case EXPEDITED_DATA, DATA_ACKNOWLEDGEMENT, EXPEDITED_DATA_ACKNOWLEDGEMENT, REJECT, UNKNOWN -> 1;
        };
    }

    private static CotpDecode data(byte[] b, int at, int li, int length) {
        int nr = b[at + 2] & 0xFF;
        int headerEnd = li + 1;
        return new CotpDecode.Decoded(
                new CotpTpdu.Data(nr & 0x7F, (nr & 0x80) != 0, at + headerEnd, length - headerEnd));
    }

    private static CotpDecode disconnect(ByteBuffer buffer, int at, CotpTpduType type) {
        int reason = type == CotpTpduType.DISCONNECT_REQUEST ? buffer.get(at + 6) & 0xFF : -1;
        return new CotpDecode.Decoded(new CotpTpdu.Disconnect(type, u16(buffer, at + 2), u16(buffer, at + 4), reason));
    }

    private static CotpDecode connection(ByteBuffer buffer, int at, int li, CotpTpduType type) {
        Optional<Tsap> calling = Optional.empty();
        Optional<Tsap> called = Optional.empty();
        OptionalInt tpduSize = OptionalInt.empty();
        int p = at + 7;
        int end = at + 1 + li;
        while (p < end) {
            if (p + 2 > end || p + 2 + (buffer.get(p + 1) & 0xFF) > end) {
                return new CotpDecode.Invalid(CotpError.PARAMETER_TRUNCATED, p, buffer.get(p) & 0xFF);
            }
            int code = buffer.get(p) & 0xFF;
            int len = buffer.get(p + 1) & 0xFF;
            switch (code) {
                case PARAMETER_CALLING_TSAP -> calling = Optional.of(Tsap.read(buffer, p + 2, len));
                case PARAMETER_CALLED_TSAP -> called = Optional.of(Tsap.read(buffer, p + 2, len));
                case PARAMETER_TPDU_SIZE -> tpduSize = tpduSize(buffer, p + 2, len);
                default -> {
                    // other parameters (checksum, version, options) do not matter to a sensor
                }
            }
            p += 2 + len;
        }
        var parameters = new CotpConnectionParameters(calling, called, tpduSize);
        return new CotpDecode.Decoded(new CotpTpdu.Connection(
                type, u16(buffer, at + 2), u16(buffer, at + 4), (buffer.get(at + 6) & 0xFF) >> 4, parameters));
    }

    /** Section 13.3.4 b: the value n of the TPDU size parameter means 2^n octets (7..13). */
    private static OptionalInt tpduSize(ByteBuffer buffer, int at, int len) {
        if (len != 1) {
            return OptionalInt.empty();
        }
        int n = buffer.get(at) & 0xFF;
        return n >= 7 && n <= 13 ? OptionalInt.of(1 << n) : OptionalInt.empty();
    }

    private static int u16(ByteBuffer buffer, int at) {
        return ((buffer.get(at) & 0xFF) << 8) | (buffer.get(at + 1) & 0xFF);
    }
}
