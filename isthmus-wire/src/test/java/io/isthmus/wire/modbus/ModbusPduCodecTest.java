package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.SpecExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.wire.modbus.SpecExamples.Example;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both directions of every function, against the examples of the specification, section 6. */
class ModbusPduCodecTest {

    static List<Example<ModbusRequest>> requests() {
        return SpecExamples.requests();
    }

    static List<Example<ModbusResponse>> responses() {
        return SpecExamples.responses();
    }

    static Stream<Example<ModbusRequest>> selfDelimitingRequests() {
        return requests().stream().filter(e -> !e.openEnded());
    }

    static Stream<Example<ModbusResponse>> selfDelimitingResponses() {
        return responses().stream().filter(e -> !e.openEnded());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    @DisplayName("§6: each request example decodes to its record")
    void requestExampleDecodesToItsRecord(Example<ModbusRequest> example) {
        assertThat(ModbusPduCodec.decodeRequest(ByteBuffer.wrap(example.pdu())))
                .isEqualTo(new PduDecode.Ok<>(example.value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    @DisplayName("§6: each request record encodes to the example's bytes")
    void requestRecordEncodesToTheExampleBytes(Example<ModbusRequest> example) {
        assertThat(ModbusPduCodec.encode(example.value())).containsExactly(example.pdu());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    @DisplayName("§6, §7: each response example decodes to its record")
    void responseExampleDecodesToItsRecord(Example<ModbusResponse> example) {
        assertThat(ModbusPduCodec.decodeResponse(ByteBuffer.wrap(example.pdu())))
                .isEqualTo(new PduDecode.Ok<>(example.value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    @DisplayName("§6, §7: each response record encodes to the example's bytes")
    void responseRecordEncodesToTheExampleBytes(Example<ModbusResponse> example) {
        assertThat(ModbusPduCodec.encode(example.value())).containsExactly(example.pdu());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfDelimitingRequests")
    @DisplayName("§6: every truncation of a request is malformed, never a shorter valid request")
    void everyTruncatedRequestIsMalformed(Example<ModbusRequest> example) {
        for (int length = 0; length < example.pdu().length; length++) {
            var prefix = ByteBuffer.wrap(example.pdu(), 0, length).slice();
            assertThat(ModbusPduCodec.decodeRequest(prefix))
                    .as("first %d bytes", length)
                    .isInstanceOf(PduDecode.Malformed.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfDelimitingResponses")
    @DisplayName("§6: every truncation of a response is malformed, never a shorter valid response")
    void everyTruncatedResponseIsMalformed(Example<ModbusResponse> example) {
        for (int length = 0; length < example.pdu().length; length++) {
            var prefix = ByteBuffer.wrap(example.pdu(), 0, length).slice();
            assertThat(ModbusPduCodec.decodeResponse(prefix))
                    .as("first %d bytes", length)
                    .isInstanceOf(PduDecode.Malformed.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfDelimitingRequests")
    @DisplayName("§6: a request with a byte after its last field is malformed")
    void requestWithTrailingByteIsMalformed(Example<ModbusRequest> example) {
        byte[] longer = Arrays.copyOf(example.pdu(), example.pdu().length + 1);
        assertThat(ModbusPduCodec.decodeRequest(ByteBuffer.wrap(longer)))
                .isEqualTo(new PduDecode.Malformed<>(PduError.TRAILING_BYTES, example.pdu().length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfDelimitingResponses")
    @DisplayName("§6: a response with a byte after its last field is malformed")
    void responseWithTrailingByteIsMalformed(Example<ModbusResponse> example) {
        byte[] longer = Arrays.copyOf(example.pdu(), example.pdu().length + 1);
        assertThat(ModbusPduCodec.decodeResponse(ByteBuffer.wrap(longer)))
                .isEqualTo(new PduDecode.Malformed<>(PduError.TRAILING_BYTES, example.pdu().length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    @DisplayName("§6: every request example passes validation except the unknown function code")
    void requestExamplesAreValid(Example<ModbusRequest> example) {
        var expected = example.value() instanceof ModbusRequest.Unknown
                ? java.util.Optional.of(ExceptionCode.ILLEGAL_FUNCTION)
                : java.util.Optional.<ExceptionCode>empty();
        assertThat(example.value().validate()).isEqualTo(expected);
    }

    @Test
    @DisplayName("decoding reads from the buffer's position and leaves the position where it was")
    void decodingStartsAtThePositionAndDoesNotMoveIt() {
        var buffer = ByteBuffer.wrap(bytes(0xEE, 0xEE, 0x03, 0x00, 0x6B, 0x00, 0x03));
        buffer.position(2);
        assertThat(ModbusPduCodec.decodeRequest(buffer))
                .isEqualTo(new PduDecode.Ok<>(new ModbusRequest.ReadHoldingRegisters(107, 3)));
        assertThat(buffer.position()).isEqualTo(2);
    }

    @Test
    @DisplayName("§6.11: coils written by the convenience factory pack LSB first, quantity from the array")
    void writeMultipleCoilsFactoryPacksLeastSignificantBitFirst() {
        boolean[] coils = {true, false, true, true, false, false, true, true, true, false};
        var request = ModbusRequest.WriteMultipleCoils.of(19, coils);
        assertThat(request)
                .isEqualTo(new ModbusRequest.WriteMultipleCoils(19, 10, PackedBits.fromBytes(bytes(0xCD, 0x01))));
        assertThat(request.values().unpack(10)).containsExactly(coils);
    }

    @Test
    @DisplayName("§6.5: WriteSingleCoil.of maps ON to 0xFF00 and OFF to 0x0000")
    void writeSingleCoilFactoryUsesTheTwoLegalValues() {
        assertThat(ModbusRequest.WriteSingleCoil.of(5, true).value()).isEqualTo(0xFF00);
        assertThat(ModbusRequest.WriteSingleCoil.of(5, false).value()).isEqualTo(0x0000);
    }

    @Test
    @DisplayName("§4.1: encoding a PDU over 253 bytes is refused")
    void encodingAnOversizedPduIsRefused() {
        var tooLong = new ModbusRequest.Diagnostics(0, new byte[251]);
        assertThatThrownBy(() -> ModbusPduCodec.encode(tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ModbusPduCodec.encode(new ModbusRequest.Diagnostics(0, new byte[250])))
                .hasSize(253);
    }

    @Test
    @DisplayName("records refuse values that do not fit their wire fields")
    void recordsRefuseValuesOutsideTheirWireFields() {
        assertThatThrownBy(() -> new ModbusRequest.ReadCoils(65536, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModbusRequest.ReadCoils(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModbusRequest.WriteMultipleRegisters.of(0, Registers.of(new int[128])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModbusResponse.ExceptionResponse(128, ExceptionCode.ILLEGAL_FUNCTION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("§7: an exception response puts the exception bit on the request's function code")
    void exceptionResponseSetsTheExceptionBit() {
        var response = new ModbusResponse.ExceptionResponse(0x10, ExceptionCode.SERVER_DEVICE_BUSY);
        assertThat(ModbusPduCodec.encode(response)).containsExactly(0x90, 0x06);
    }

    @Test
    @DisplayName("§6.21: a device identification response spanning several messages says where to continue")
    void deviceIdentificationWithMoreFollowsRoundTrips() {
        var response = new ModbusResponse.ReadDeviceIdentification(
                2, 0x82, true, 4, List.of(DeviceIdObject.ofString(3, "https://example.invalid")));
        byte[] pdu = ModbusPduCodec.encode(response);
        assertThat(pdu).startsWith(0x2B, 0x0E, 0x02, 0x82, 0xFF, 0x04, 0x01, 0x03, 23);
        assertThat(ModbusPduCodec.decodeResponse(ByteBuffer.wrap(pdu))).isEqualTo(new PduDecode.Ok<>(response));
    }
}
