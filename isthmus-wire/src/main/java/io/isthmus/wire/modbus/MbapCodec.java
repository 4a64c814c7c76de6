package io.isthmus.wire.modbus;

import java.nio.ByteBuffer;

/**
 * Frames and unframes Modbus/TCP application data units (Modbus Messaging on TCP/IP Implementation
 * Guide V1.0b, section 3.1.3). Pure functions: no state, no I/O.
 */
public final class MbapCodec {
    private static final int PROTOCOL_ID_OFFSET = 2;
    private static final int LENGTH_OFFSET = 4;
    private static final int LENGTH_END = 6;

    private MbapCodec() {}

    /** {@link #decode(ByteBuffer, ModbusLimits)} with the limits of the specification. */
    public static MbapDecode decode(ByteBuffer in) {
        return decode(in, ModbusLimits.SPEC);
    }

    /**
     * Looks for one frame starting at {@code in.position()}; neither the position nor the contents
     * of {@code in} change. The header fields are checked as soon as their bytes are present, so a
     * hostile stream is rejected after at most 6 bytes, and nothing is allocated until the whole
     * frame, bounded by {@link ModbusLimits#maxMbapLength()}, has arrived.
     */
    public static MbapDecode decode(ByteBuffer in, ModbusLimits limits) {
        int start = in.position();
        int available = in.remaining();
        if (available >= LENGTH_OFFSET && u16(in, start + PROTOCOL_ID_OFFSET) != MbapHeader.MODBUS_PROTOCOL_ID) {
            return new MbapDecode.Malformed(MbapError.PROTOCOL_ID_NOT_ZERO, PROTOCOL_ID_OFFSET);
        }
        if (available < LENGTH_END) {
            return new MbapDecode.NeedMore(ModbusLimits.MBAP_HEADER_LENGTH - available);
        }
        int length = u16(in, start + LENGTH_OFFSET);
        if (length < 2) {
            return new MbapDecode.Malformed(MbapError.LENGTH_TOO_SHORT, LENGTH_OFFSET);
        }
        if (length > limits.maxMbapLength()) {
            return new MbapDecode.Malformed(MbapError.LENGTH_TOO_LONG, LENGTH_OFFSET);
        }
        int frameLength = LENGTH_END + length;
        if (available < frameLength) {
            return new MbapDecode.NeedMore(frameLength - available);
        }
        var header = new MbapHeader(u16(in, start), MbapHeader.MODBUS_PROTOCOL_ID, length, in.get(start + 6) & 0xFF);
        byte[] pdu = new byte[length - 1];
        in.get(start + ModbusLimits.MBAP_HEADER_LENGTH, pdu);
        return new MbapDecode.Complete(new MbapFrame(header, pdu), frameLength);
    }

    /** The frame as it goes on the wire. */
    public static byte[] encode(MbapFrame frame) {
        var out = ByteBuffer.allocate(frame.encodedLength());
        encode(frame, out);
        return out.array();
    }

    /**
     * Writes the frame at {@code out.position()} and advances it.
     *
     * @throws java.nio.BufferOverflowException when {@code out} has less room than {@link
     *     MbapFrame#encodedLength()}
     */
    public static void encode(MbapFrame frame, ByteBuffer out) {
        MbapHeader h = frame.header();
        out.putShort((short) h.transactionId())
                .putShort((short) h.protocolId())
                .putShort((short) h.length())
                .put((byte) h.unitId())
                .put(frame.pduBuffer());
    }

    private static int u16(ByteBuffer in, int index) {
        return ((in.get(index) & 0xFF) << 8) | (in.get(index + 1) & 0xFF);
    }
}
