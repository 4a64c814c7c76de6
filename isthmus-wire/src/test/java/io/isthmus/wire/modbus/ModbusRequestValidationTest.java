package io.isthmus.wire.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The quantity limits of the specification's server state diagrams, at and beyond each boundary. */
class ModbusRequestValidationTest {
    private static final Optional<ExceptionCode> OK = Optional.empty();
    private static final Optional<ExceptionCode> VALUE = Optional.of(ExceptionCode.ILLEGAL_DATA_VALUE);
    private static final Optional<ExceptionCode> ADDRESS = Optional.of(ExceptionCode.ILLEGAL_DATA_ADDRESS);

    static Arguments row(String name, ModbusRequest request, Optional<ExceptionCode> expected) {
        return arguments(named(name, request), expected);
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                row("6.1 read 1 coil", new ModbusRequest.ReadCoils(0, 1), OK),
                row("6.1 read 2000 coils", new ModbusRequest.ReadCoils(0, 2000), OK),
                row("6.1 read 2001 coils", new ModbusRequest.ReadCoils(0, 2001), VALUE),
                row("6.1 read 0 coils", new ModbusRequest.ReadCoils(0, 0), VALUE),
                row("6.1 read coils 65535..65536", new ModbusRequest.ReadCoils(65535, 2), ADDRESS),
                row("6.1 read the last coil", new ModbusRequest.ReadCoils(65535, 1), OK),
                row("6.2 read 2000 inputs", new ModbusRequest.ReadDiscreteInputs(0, 2000), OK),
                row("6.2 read 2001 inputs", new ModbusRequest.ReadDiscreteInputs(0, 2001), VALUE),
                row("6.3 read 125 holding", new ModbusRequest.ReadHoldingRegisters(0, 125), OK),
                row("6.3 read 126 holding", new ModbusRequest.ReadHoldingRegisters(0, 126), VALUE),
                row("6.4 read 125 input", new ModbusRequest.ReadInputRegisters(0, 125), OK),
                row("6.4 read 0 input", new ModbusRequest.ReadInputRegisters(0, 0), VALUE),
                row("6.5 coil OFF", new ModbusRequest.WriteSingleCoil(0, 0x0000), OK),
                row("6.5 coil 0x00FF", new ModbusRequest.WriteSingleCoil(0, 0x00FF), VALUE),
                row("6.11 write 1968 coils", ModbusRequest.WriteMultipleCoils.of(0, new boolean[1968]), OK),
                row("6.11 write 1969 coils", ModbusRequest.WriteMultipleCoils.of(0, new boolean[1969]), VALUE),
                row("6.11 write 0 coils", ModbusRequest.WriteMultipleCoils.of(0), VALUE),
                row("6.11 write coils past 65535", ModbusRequest.WriteMultipleCoils.of(65530, new boolean[8]), ADDRESS),
                row("6.12 write 123 registers", writeRegisters(123), OK),
                row("6.12 write 124 registers", writeRegisters(124), VALUE),
                row("6.17 read 125 write 121", readWrite(125, 121), OK),
                row("6.17 read 126 write 1", readWrite(126, 1), VALUE),
                row("6.17 read 1 write 122", readWrite(1, 122), VALUE),
                row("6.17 read 0 write 1", readWrite(0, 1), VALUE),
                row(
                        "6.14 one file sub-request",
                        new ModbusRequest.ReadFileRecord(List.of(new FileRecordReference(6, 1, 0x270F, 1))),
                        OK),
                row(
                        "6.14 record number past 0x270F",
                        new ModbusRequest.ReadFileRecord(List.of(new FileRecordReference(6, 1, 0x2710, 1))),
                        ADDRESS),
                row("6.14 no file sub-request", new ModbusRequest.ReadFileRecord(List.of()), VALUE),
                row("6.21 device id code 4", new ModbusRequest.ReadDeviceIdentification(4, 2), OK),
                row("6.21 device id code 0", new ModbusRequest.ReadDeviceIdentification(0, 0), VALUE));
    }

    private static ModbusRequest writeRegisters(int n) {
        return ModbusRequest.WriteMultipleRegisters.of(0, Registers.of(new int[n]));
    }

    private static ModbusRequest readWrite(int read, int write) {
        return ModbusRequest.ReadWriteMultipleRegisters.of(0, read, 0, Registers.of(new int[write]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    @DisplayName("§6: quantities at the limit pass, one beyond fails with the specified exception code")
    void quantitiesAtTheLimitPassAndBeyondFail(ModbusRequest request, Optional<ExceptionCode> expected) {
        assertThat(request.validate()).isEqualTo(expected);
    }

    @Test
    @DisplayName("validation follows the limits it is given, not only the specification's")
    void validationFollowsTheGivenLimits() {
        var strict = new ModbusLimits(260, 253, 100, 10, 1968, 123, 121, 31, 35, 128);
        assertThat(new ModbusRequest.ReadHoldingRegisters(0, 11).validate(strict))
                .isEqualTo(VALUE);
        assertThat(new ModbusRequest.ReadCoils(0, 100).validate(strict)).isEqualTo(OK);
    }
}
