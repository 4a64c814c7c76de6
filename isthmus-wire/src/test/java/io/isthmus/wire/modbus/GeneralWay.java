package io.isthmus.wire.modbus;

import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * What the short ways ({@link ReadSummaries}, {@link WriteSummaries}) are compared with: the general
 * decoders and summaries, the framing both tests feed the dissector, and the limits they run under.
 */
final class GeneralWay {
    private GeneralWay() {}

    /** The sensor's and the specification's limits, and lower read quantities and PDU length. */
    static final ModbusLimits[] LIMITS = {
        ModbusLimits.SENSOR, ModbusLimits.SPEC, new ModbusLimits(260, 100, 1000, 50, 1968, 123, 121, 31, 35, 128)
    };

    /** An MBAP frame (transaction 0x1234, unit 7) around {@code pdu}. */
    static ByteBuffer frame(byte[] pdu) {
        ByteBuffer b = ByteBuffer.allocate(7 + pdu.length);
        b.putShort((short) 0x1234)
                .putShort((short) 0)
                .putShort((short) (pdu.length + 1))
                .put((byte) 7);
        return b.put(pdu).flip();
    }

    /** What the general decoders and summaries make of {@code pdu}; null when they find it malformed. */
    static MessageSummary summary(byte[] pdu, Direction direction, ModbusLimits limits) {
        PduReader in = new PduReader(pdu, 0, pdu.length);
        OptionalLong unit = MessageSummary.number(7);
        OptionalLong transaction = MessageSummary.number(0x1234);
        if (direction == Direction.REQUEST) {
            return switch (RequestDecoder.decode(in, limits)) {
                case PduDecode.Ok<ModbusRequest> ok -> RequestSummaries.of(ok.value(), limits, unit, transaction);
                case PduDecode.Malformed<ModbusRequest> m -> null;
            };
        }
        return switch (ResponseDecoder.decode(in, limits)) {
            case PduDecode.Ok<ModbusResponse> ok -> ResponseSummaries.of(ok.value(), unit, transaction);
            case PduDecode.Malformed<ModbusResponse> m -> null;
        };
    }
}
