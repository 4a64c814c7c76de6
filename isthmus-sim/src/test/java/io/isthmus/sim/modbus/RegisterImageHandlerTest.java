package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.DeviceIdObject;
import io.isthmus.wire.modbus.ExceptionCode;
import io.isthmus.wire.modbus.ModbusLimits;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.ModbusResponse.ExceptionResponse;
import io.isthmus.wire.modbus.PduError;
import io.isthmus.wire.modbus.Registers;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PLC's answers without a socket in sight. */
class RegisterImageHandlerTest {
    private final RegisterImage image = TestImages.patterned();
    private final RegisterImageHandler handler =
            new RegisterImageHandler(image, ModbusLimits.SPEC, ModbusDeviceIdentity.forMachine("capper-1", "2.0"));

    private static ExceptionResponse exception(int functionCode, ExceptionCode code) {
        return new ExceptionResponse(functionCode, code);
    }

    @Test
    @DisplayName("§6.3 state diagram: an out-of-range quantity is checked before the address")
    void quantityIsCheckedBeforeAddress() {
        assertThat(handler.handle(new ModbusRequest.ReadHoldingRegisters(60000, 200)))
                .isEqualTo(exception(3, ExceptionCode.ILLEGAL_DATA_VALUE));
        assertThat(handler.handle(new ModbusRequest.ReadHoldingRegisters(60000, 2)))
                .isEqualTo(exception(3, ExceptionCode.ILLEGAL_DATA_ADDRESS));
    }

    @Test
    @DisplayName("§6.11: a coil write reaching one past the table is refused and writes nothing")
    void refusedWriteChangesNothing() {
        boolean[] before = image.readCoils(0, TestImages.COILS);
        var request = ModbusRequest.WriteMultipleCoils.of(TestImages.COILS - 2, true, true, true);
        assertThat(handler.handle(request)).isEqualTo(exception(15, ExceptionCode.ILLEGAL_DATA_ADDRESS));
        assertThat(image.readCoils(0, TestImages.COILS)).containsExactly(before);
    }

    @Test
    @DisplayName("§6.17: read/write multiple registers writes before it reads")
    void readWriteWritesFirst() {
        var request = ModbusRequest.ReadWriteMultipleRegisters.of(0, 3, 1, Registers.of(7, 8));
        assertThat(handler.handle(request))
                .isEqualTo(new ModbusResponse.ReadWriteMultipleRegisters(Registers.of(1000, 7, 8)));
    }

    @Test
    @DisplayName("§6.17: read/write with its write range outside the table is ILLEGAL DATA ADDRESS")
    void readWriteChecksBothRanges() {
        var request = ModbusRequest.ReadWriteMultipleRegisters.of(0, 1, TestImages.HOLDING, Registers.of(1));
        assertThat(handler.handle(request)).isEqualTo(exception(23, ExceptionCode.ILLEGAL_DATA_ADDRESS));
    }

    @Test
    @DisplayName("§6.8: diagnostics echoes sub-function 0 and refuses the others as ILLEGAL FUNCTION")
    void diagnosticsEchoOnly() {
        byte[] data = {1, 2, 3, 4};
        assertThat(handler.handle(new ModbusRequest.Diagnostics(0, data)))
                .isEqualTo(new ModbusResponse.Diagnostics(0, data));
        assertThat(handler.handle(new ModbusRequest.Diagnostics(1, new byte[2])))
                .isEqualTo(exception(8, ExceptionCode.ILLEGAL_FUNCTION));
    }

    @Test
    @DisplayName("§6.21: a stream read from an object the server lacks restarts at object 0")
    void streamFromUnknownObjectRestartsAtZero() {
        var response = (ModbusResponse.ReadDeviceIdentification)
                handler.handle(new ModbusRequest.ReadDeviceIdentification(2, 0x05));
        assertThat(response.readDeviceIdCode()).isEqualTo(2);
        assertThat(response.objects()).extracting(DeviceIdObject::id).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("§6.21: a stream read from object 1 starts at object 1")
    void streamFromObjectOne() {
        var response = (ModbusResponse.ReadDeviceIdentification)
                handler.handle(new ModbusRequest.ReadDeviceIdentification(1, 1));
        assertThat(response.objects())
                .isEqualTo(List.of(DeviceIdObject.ofString(1, "capper-1"), DeviceIdObject.ofString(2, "2.0")));
    }

    @Test
    @DisplayName(
            "§6 state diagrams: a malformed PDU of an unimplemented function is ILLEGAL FUNCTION, else ILLEGAL DATA VALUE")
    void malformedPdusMapToTheSpecifiedCodes() {
        assertThat(handler.handleMalformed(0x03, PduError.TRUNCATED))
                .isEqualTo(exception(3, ExceptionCode.ILLEGAL_DATA_VALUE));
        assertThat(handler.handleMalformed(0x14, PduError.BYTE_COUNT_MISMATCH))
                .isEqualTo(exception(0x14, ExceptionCode.ILLEGAL_FUNCTION));
        assertThat(handler.handleMalformed(0x2B, PduError.RESERVED_MEI_TYPE))
                .isEqualTo(exception(0x2B, ExceptionCode.ILLEGAL_FUNCTION));
    }

    @Test
    @DisplayName("functions the simulator does not implement are ILLEGAL FUNCTION even when invalid")
    void unimplementedFunctionsAreIllegalFunction() {
        assertThat(handler.handle(new ModbusRequest.ReadFileRecord(List.of())))
                .isEqualTo(exception(0x14, ExceptionCode.ILLEGAL_FUNCTION));
        assertThat(handler.handle(new ModbusRequest.MaskWriteRegister(0, 0, 0)))
                .isEqualTo(exception(0x16, ExceptionCode.ILLEGAL_FUNCTION));
    }
}
