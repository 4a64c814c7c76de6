package io.isthmus.wire.modbus.rtu;

import java.nio.ByteBuffer;

/**
 * Frames and unframes Modbus RTU application data units (Modbus over Serial Line Specification and
 * Implementation Guide V1.02, section 2.5.1: address, PDU, CRC-16 low byte first), as carried
 * unchanged over TCP by serial-to-Ethernet gateways ("RTU over TCP"). Pure functions, no I/O.
 *
 * <p>RTU has no length field; on a serial line frames end at a 3.5-character silence, which TCP
 * does not preserve. The frame length therefore follows from the function code and, for
 * variable-length messages, from the byte count (Application Protocol V1.1b3, section 6). Only the
 * function codes a poller and a test server need are frameable; anything else is {@link
 * RtuError#UNFRAMEABLE_FUNCTION}, after which the stream cannot be resynchronised and the
 * connection must be dropped.
 */
public final class RtuCodec {
    /** Largest RTU ADU (section 2.5.1). */
    public static final int MAX_ADU = 256;
    /** Largest PDU inside it. */
    public static final int MAX_PDU = MAX_ADU - 3;

    private RtuCodec() {}

    /** Address, PDU and CRC as they go on the wire. */
    public static byte[] encode(RtuFrame frame) {
        byte[] pdu = frame.pdu();
        byte[] out = new byte[pdu.length + 3];
        out[0] = (byte) frame.unitId();
        System.arraycopy(pdu, 0, out, 1, pdu.length);
        int crc = Crc16.of(out, 0, pdu.length + 1);
        out[pdu.length + 1] = (byte) crc;
        out[pdu.length + 2] = (byte) (crc >>> 8);
        return out;
    }

    /** Looks for a response frame (server to client) at {@code in.position()}; the buffer is not moved. */
    public static RtuDecode decodeResponse(ByteBuffer in) {
        return decode(in, false);
    }

    /** Looks for a request frame (client to server) at {@code in.position()}; the buffer is not moved. */
    public static RtuDecode decodeRequest(ByteBuffer in) {
        return decode(in, true);
    }

    private static RtuDecode decode(ByteBuffer in, boolean request) {
        int start = in.position();
        int available = in.remaining();
        if (available < 2) {
            return new RtuDecode.NeedMore(2 - available);
        }
        int functionCode = in.get(start + 1) & 0xFF;
        int length = request ? requestLength(in, start, functionCode) : responseLength(in, start, functionCode);
        if (length == UNKNOWN) {
            return new RtuDecode.Malformed(RtuError.UNFRAMEABLE_FUNCTION, 1, -1, -1);
        }
        if (length < 0) {
            return new RtuDecode.NeedMore(-length - available);
        }
        if (length > MAX_ADU) {
            return new RtuDecode.Malformed(RtuError.LENGTH_TOO_LONG, 2, -1, -1);
        }
        if (available < length) {
            return new RtuDecode.NeedMore(length - available);
        }
        byte[] adu = new byte[length];
        in.get(start, adu);
        int expected = Crc16.of(adu, 0, length - 2);
        int actual = (adu[length - 2] & 0xFF) | (adu[length - 1] & 0xFF) << 8;
        if (expected != actual) {
            return new RtuDecode.Malformed(RtuError.CRC_MISMATCH, length - 2, expected, actual);
        }
        byte[] pdu = new byte[length - 3];
        System.arraycopy(adu, 1, pdu, 0, pdu.length);
        return new RtuDecode.Complete(new RtuFrame(adu[0] & 0xFF, pdu), length);
    }

    private static final int UNKNOWN = Integer.MIN_VALUE;

    /** The frame length, {@code -(bytes needed to know it)} when not yet known, or {@link #UNKNOWN}. */
    private static int responseLength(ByteBuffer in, int start, int functionCode) {
        if ((functionCode & 0x80) != 0) {
            return 5; // address, function | 0x80, exception code, CRC
        }
        return switch (functionCode) {
            case 1, 2, 3, 4, 23 -> byteCounted(in, start, 2, 3);
            case 5, 6, 15, 16 -> 8;
            case 22 -> 10;
            default -> UNKNOWN;
        };
    }

    private static int requestLength(ByteBuffer in, int start, int functionCode) {
        return switch (functionCode) {
            case 1, 2, 3, 4, 5, 6 -> 8;
            case 15, 16 -> byteCounted(in, start, 6, 7);
            case 22 -> 10;
            default -> UNKNOWN;
        };
    }

    /** Length of a frame whose byte count sits at {@code countOffset} and is followed by the data. */
    private static int byteCounted(ByteBuffer in, int start, int countOffset, int headerLength) {
        if (in.remaining() <= countOffset) {
            return -(countOffset + 1);
        }
        return headerLength + (in.get(start + countOffset) & 0xFF) + 2;
    }
}
