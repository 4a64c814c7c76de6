package io.isthmus.wire.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
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

    /**
     * The dissector's summary of {@code pdu} equals the general way's (plus the dissector's own
     * MBAP length check); a PDU the general way finds malformed is still a message with an anomaly.
     */
    static void assertSameAsGeneral(Dissection d, byte[] pdu, Direction direction, ModbusLimits limits) {
        assertThat(d).isInstanceOf(Dissection.Messages.class);
        MessageSummary got = ((Dissection.Messages) d).messages().getFirst();
        MessageSummary expected = summary(pdu, direction, limits);
        if (expected != null && pdu.length + 1 > ModbusLimits.SPEC.maxMbapLength()) { // the dissector's own check
            expected = expected.withAnomaly(
                    new Anomaly("mbap_length_above_spec", "MBAP length " + (pdu.length + 1) + " above 254"));
        }
        if (expected != null) {
            assertThat(got)
                    .as("fc %d, %d octets, %s", pdu[0], pdu.length, direction)
                    .isEqualTo(expected);
        } else { // malformed PDU: still a message, with the decoder's anomaly
            assertThat(got.anomalies()).isNotEmpty();
            assertThat(got.function()).isEqualTo(pdu[0] & 0x7F);
        }
    }
}
