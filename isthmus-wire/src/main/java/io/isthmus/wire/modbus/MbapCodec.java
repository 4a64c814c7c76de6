package io.isthmus.wire.modbus;

import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

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
        byte[] b = Octets.of(in);
        int start = in.position();
        Optional<MbapDecode> unframed = unframed(b, start, in.remaining(), limits);
        if (unframed.isPresent()) {
            return unframed.get();
        }
        int length = Octets.u16be(b, start + LENGTH_OFFSET);
        var header = new MbapHeader(
                Octets.u16be(b, start), MbapHeader.MODBUS_PROTOCOL_ID, length, b[start + LENGTH_END] & 0xFF);
        byte[] pdu = Arrays.copyOfRange(
                b, start + ModbusLimits.MBAP_HEADER_LENGTH, start + ModbusLimits.MBAP_HEADER_LENGTH + length - 1);
        return new MbapDecode.Complete(new MbapFrame(header, pdu), LENGTH_END + length);
    }

    /**
     * The header checks of {@link #decode(ByteBuffer, ModbusLimits)} on the {@code available}
     * octets at index {@code start} of {@code b} ({@link Octets}): empty when a whole frame of
     * {@code 6 + length} octets is there, else why not. The dissector frames in place with this,
     * reading the PDU where it lies instead of copying it into an {@link MbapFrame}.
     */
    static Optional<MbapDecode> unframed(byte[] b, int start, int available, ModbusLimits limits) {
        if (available >= LENGTH_OFFSET
                && Octets.u16be(b, start + PROTOCOL_ID_OFFSET) != MbapHeader.MODBUS_PROTOCOL_ID) {
            return Optional.of(new MbapDecode.Malformed(MbapError.PROTOCOL_ID_NOT_ZERO, PROTOCOL_ID_OFFSET));
        }
        if (available < LENGTH_END) {
            return Optional.of(new MbapDecode.NeedMore(ModbusLimits.MBAP_HEADER_LENGTH - available));
        }
        int length = Octets.u16be(b, start + LENGTH_OFFSET);
        if (length < 2) {
            return Optional.of(new MbapDecode.Malformed(MbapError.LENGTH_TOO_SHORT, LENGTH_OFFSET));
        }
        if (length > limits.maxMbapLength()) {
            return Optional.of(new MbapDecode.Malformed(MbapError.LENGTH_TOO_LONG, LENGTH_OFFSET));
        }
        int frameLength = LENGTH_END + length;
        return available < frameLength
                ? Optional.of(new MbapDecode.NeedMore(frameLength - available))
                : Optional.empty();
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
}
