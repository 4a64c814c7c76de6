package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.SpecExamples.bytes;
import static io.isthmus.wire.modbus.SpecExamples.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input, one row per case: which layer reads it and what must come out. Two
 * kinds of failure are kept apart on purpose: bytes that are not a PDU at all (a typed decode
 * error) and a well-formed PDU whose values the specification forbids (decodes; validation names
 * the exception code a server answers with).
 */
class ModbusMalformedInputTest {

    enum Layer {
        MBAP,
        REQUEST,
        RESPONSE
    }

    sealed interface Outcome {}

    record FrameError(MbapError error, int offset) implements Outcome {}

    record PduMalformed(PduError error, int offset) implements Outcome {}

    record Invalid(ExceptionCode code) implements Outcome {}

    /** Anything else: a test failure, described. */
    record Unexpected(String what) implements Outcome {}

    static Arguments row(String name, Layer layer, byte[] input, Outcome outcome) {
        return arguments(named(name, layer), input, outcome);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // --- MBAP header (TCP/IP guide 3.1.3) ---
                row(
                        "MBAP length 0: no unit id, no function code",
                        Layer.MBAP,
                        bytes(0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01),
                        new FrameError(MbapError.LENGTH_TOO_SHORT, 4)),
                row(
                        "MBAP length 1: unit id but no function code",
                        Layer.MBAP,
                        bytes(0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01),
                        new FrameError(MbapError.LENGTH_TOO_SHORT, 4)),
                row(
                        "MBAP length 255: one byte more than unit id + 253-byte PDU",
                        Layer.MBAP,
                        bytes(0x00, 0x01, 0x00, 0x00, 0x00, 0xFF, 0x01, 0x03),
                        new FrameError(MbapError.LENGTH_TOO_LONG, 4)),
                row(
                        "MBAP length 65535, rejected before any body arrives",
                        Layer.MBAP,
                        bytes(0x00, 0x01, 0x00, 0x00, 0xFF, 0xFF),
                        new FrameError(MbapError.LENGTH_TOO_LONG, 4)),
                row(
                        "MBAP protocol id 1, rejected after 4 bytes",
                        Layer.MBAP,
                        bytes(0x00, 0x01, 0x00, 0x01),
                        new FrameError(MbapError.PROTOCOL_ID_NOT_ZERO, 2)),
                row(
                        "MBAP protocol id 5 on an otherwise valid frame",
                        Layer.MBAP,
                        bytes(0x00, 0x01, 0x00, 0x05, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01),
                        new FrameError(MbapError.PROTOCOL_ID_NOT_ZERO, 2)),
                // --- request PDUs that are not PDUs (4.1, 6) ---
                row("empty request PDU", Layer.REQUEST, bytes(), new PduMalformed(PduError.EMPTY, 0)),
                row(
                        "request PDU of 254 bytes",
                        Layer.REQUEST,
                        concat(bytes(0x41), new byte[253]),
                        new PduMalformed(PduError.TOO_LONG, 253)),
                row(
                        "function code 0",
                        Layer.REQUEST,
                        bytes(0x00, 0x00, 0x00),
                        new PduMalformed(PduError.INVALID_FUNCTION_CODE, 0)),
                row(
                        "request with the exception bit",
                        Layer.REQUEST,
                        bytes(0x83, 0x02),
                        new PduMalformed(PduError.INVALID_FUNCTION_CODE, 0)),
                row(
                        "FC 1 cut inside the quantity",
                        Layer.REQUEST,
                        bytes(0x01, 0x00, 0x13, 0x00),
                        new PduMalformed(PduError.TRUNCATED, 4)),
                row(
                        "FC 5 cut after the address",
                        Layer.REQUEST,
                        bytes(0x05, 0x00, 0xAC),
                        new PduMalformed(PduError.TRUNCATED, 3)),
                row(
                        "FC 15 byte count larger than the bytes present",
                        Layer.REQUEST,
                        bytes(0x0F, 0x00, 0x13, 0x00, 0x0A, 0x02, 0xCD),
                        new PduMalformed(PduError.TRUNCATED, 7)),
                row(
                        "FC 16 byte count larger than the bytes present",
                        Layer.REQUEST,
                        bytes(0x10, 0x00, 0x00, 0x00, 0x02, 0x04, 0x00, 0x01),
                        new PduMalformed(PduError.TRUNCATED, 8)),
                row(
                        "FC 16 odd byte count",
                        Layer.REQUEST,
                        bytes(0x10, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00, 0x01, 0x02),
                        new PduMalformed(PduError.ODD_LENGTH, 5)),
                row(
                        "FC 23 cut before the write byte count",
                        Layer.REQUEST,
                        bytes(0x17, 0x00, 0x03, 0x00, 0x06, 0x00, 0x0E, 0x00, 0x03),
                        new PduMalformed(PduError.TRUNCATED, 9)),
                row(
                        "FC 20 byte count not a multiple of 7",
                        Layer.REQUEST,
                        bytes(0x14, 0x06, 0x06, 0x00, 0x04, 0x00, 0x01, 0x00),
                        new PduMalformed(PduError.BYTE_COUNT_MISMATCH, 1)),
                row(
                        "FC 21 record length running past the request data",
                        Layer.REQUEST,
                        bytes(0x15, 0x09, 0x06, 0x00, 0x04, 0x00, 0x07, 0x00, 0x03, 0x06, 0xAF),
                        new PduMalformed(PduError.BYTE_COUNT_MISMATCH, 7)),
                row(
                        "FC 8 with an odd number of data bytes",
                        Layer.REQUEST,
                        bytes(0x08, 0x00, 0x00, 0xA5),
                        new PduMalformed(PduError.ODD_LENGTH, 3)),
                row("FC 43 without MEI type", Layer.REQUEST, bytes(0x2B), new PduMalformed(PduError.TRUNCATED, 1)),
                row(
                        "FC 43 with reserved MEI type 15",
                        Layer.REQUEST,
                        bytes(0x2B, 0x0F, 0x01, 0x00),
                        new PduMalformed(PduError.RESERVED_MEI_TYPE, 1)),
                row(
                        "FC 43 with reserved MEI type 0",
                        Layer.REQUEST,
                        bytes(0x2B, 0x00),
                        new PduMalformed(PduError.RESERVED_MEI_TYPE, 1)),
                row(
                        "FC 43/14 without object id",
                        Layer.REQUEST,
                        bytes(0x2B, 0x0E, 0x01),
                        new PduMalformed(PduError.TRUNCATED, 3)),
                // --- well-formed requests the specification forbids (6.x state diagrams) ---
                row(
                        "FC 15 byte count disagreeing with the quantity",
                        Layer.REQUEST,
                        bytes(0x0F, 0x00, 0x00, 0x00, 0x0A, 0x01, 0xFF),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_VALUE)),
                row(
                        "FC 16 byte count disagreeing with the quantity",
                        Layer.REQUEST,
                        bytes(0x10, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x01),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_VALUE)),
                row(
                        "FC 23 write byte count disagreeing with the write quantity",
                        Layer.REQUEST,
                        bytes(0x17, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x01),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_VALUE)),
                row(
                        "FC 5 coil value 0x1234",
                        Layer.REQUEST,
                        bytes(0x05, 0x00, 0x01, 0x12, 0x34),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_VALUE)),
                row(
                        "FC 1 quantity 0",
                        Layer.REQUEST,
                        bytes(0x01, 0x00, 0x00, 0x00, 0x00),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_VALUE)),
                row(
                        "FC 3 range past address 65535",
                        Layer.REQUEST,
                        bytes(0x03, 0xFF, 0xFF, 0x00, 0x02),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_ADDRESS)),
                row(
                        "FC 43/14 read device id code 5",
                        Layer.REQUEST,
                        bytes(0x2B, 0x0E, 0x05, 0x00),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_VALUE)),
                row(
                        "FC 20 reference type 7",
                        Layer.REQUEST,
                        bytes(0x14, 0x07, 0x07, 0x00, 0x04, 0x00, 0x01, 0x00, 0x02),
                        new Invalid(ExceptionCode.ILLEGAL_DATA_ADDRESS)),
                row(
                        "function code 0x41, not implemented by anyone",
                        Layer.REQUEST,
                        bytes(0x41, 0x00),
                        new Invalid(ExceptionCode.ILLEGAL_FUNCTION)),
                // --- responses ---
                row("empty response PDU", Layer.RESPONSE, bytes(), new PduMalformed(PduError.EMPTY, 0)),
                row(
                        "response function code 0",
                        Layer.RESPONSE,
                        bytes(0x00),
                        new PduMalformed(PduError.INVALID_FUNCTION_CODE, 0)),
                row(
                        "exception code 7, not defined in V1.1b3",
                        Layer.RESPONSE,
                        bytes(0x81, 0x07),
                        new PduMalformed(PduError.UNKNOWN_EXCEPTION_CODE, 1)),
                row(
                        "exception response without exception code",
                        Layer.RESPONSE,
                        bytes(0x83),
                        new PduMalformed(PduError.TRUNCATED, 1)),
                row(
                        "FC 3 response with an odd byte count",
                        Layer.RESPONSE,
                        bytes(0x03, 0x03, 0x00, 0x01, 0x02),
                        new PduMalformed(PduError.ODD_LENGTH, 1)),
                row(
                        "FC 1 response byte count past the end",
                        Layer.RESPONSE,
                        bytes(0x01, 0x03, 0xCD),
                        new PduMalformed(PduError.TRUNCATED, 3)),
                row(
                        "FC 12 response byte count below its fixed fields",
                        Layer.RESPONSE,
                        bytes(0x0C, 0x02, 0x00, 0x00),
                        new PduMalformed(PduError.BYTE_COUNT_MISMATCH, 1)),
                row(
                        "FC 24 FIFO count disagreeing with the byte count",
                        Layer.RESPONSE,
                        bytes(0x18, 0x00, 0x04, 0x00, 0x02, 0x01, 0xB8),
                        new PduMalformed(PduError.BYTE_COUNT_MISMATCH, 1)),
                row(
                        "FC 24 FIFO count 32, above the 31 the specification allows",
                        Layer.RESPONSE,
                        concat(bytes(0x18, 0x00, 0x42, 0x00, 0x20), new byte[64]),
                        new PduMalformed(PduError.LIMIT_EXCEEDED, 3)),
                row(
                        "FC 20 response with an even file response length",
                        Layer.RESPONSE,
                        bytes(0x14, 0x03, 0x02, 0x06, 0x00),
                        new PduMalformed(PduError.ODD_LENGTH, 2)),
                row(
                        "FC 43/14 response with more-follows 0x01",
                        Layer.RESPONSE,
                        bytes(0x2B, 0x0E, 0x01, 0x01, 0x01, 0x00, 0x00),
                        new PduMalformed(PduError.INVALID_FIELD, 4)),
                row(
                        "FC 43/14 response announcing more objects than present",
                        Layer.RESPONSE,
                        bytes(0x2B, 0x0E, 0x01, 0x01, 0x00, 0x00, 0x02, 0x00, 0x01, 0x41),
                        new PduMalformed(PduError.TRUNCATED, 10)),
                row(
                        "FC 43/14 response object length past the end",
                        Layer.RESPONSE,
                        bytes(0x2B, 0x0E, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x09, 0x41),
                        new PduMalformed(PduError.TRUNCATED, 10)),
                row(
                        "FC 43/14 response announcing 200 objects, above the limit",
                        Layer.RESPONSE,
                        concat(bytes(0x2B, 0x0E, 0x01, 0x01, 0x00, 0x00, 200), new byte[200]),
                        new PduMalformed(PduError.LIMIT_EXCEEDED, 6)),
                row(
                        "FC 43 response with reserved MEI type 15",
                        Layer.RESPONSE,
                        bytes(0x2B, 0x0F, 0x00),
                        new PduMalformed(PduError.RESERVED_MEI_TYPE, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("malformed and forbidden input gives exactly its typed outcome")
    void malformedInputGivesItsTypedOutcome(Layer layer, byte[] input, Outcome expected) {
        var buffer = ByteBuffer.wrap(input);
        Outcome actual = switch (layer) {
            case MBAP -> frameOutcome(MbapCodec.decode(buffer));
            case REQUEST -> requestOutcome(ModbusPduCodec.decodeRequest(buffer));
            case RESPONSE -> responseOutcome(ModbusPduCodec.decodeResponse(buffer));
        };
        assertThat(actual).isEqualTo(expected);
    }

    private static Outcome frameOutcome(MbapDecode decode) {
        return switch (decode) {
            case MbapDecode.Malformed m -> new FrameError(m.error(), m.offset());
            case MbapDecode.Complete c -> new Unexpected(c.toString());
            case MbapDecode.NeedMore n -> new Unexpected(n.toString());
        };
    }

    private static Outcome requestOutcome(PduDecode<ModbusRequest> decode) {
        return switch (decode) {
            case PduDecode.Malformed<ModbusRequest> m -> new PduMalformed(m.error(), m.offset());
            case PduDecode.Ok<ModbusRequest> ok ->
                ok.value().validate().<Outcome>map(Invalid::new).orElse(new Unexpected("valid " + ok.value()));
        };
    }

    private static Outcome responseOutcome(PduDecode<ModbusResponse> decode) {
        return switch (decode) {
            case PduDecode.Malformed<ModbusResponse> m -> new PduMalformed(m.error(), m.offset());
            case PduDecode.Ok<ModbusResponse> ok -> new Unexpected(ok.value().toString());
        };
    }
}
