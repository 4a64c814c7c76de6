package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.PduLayout.counted;
import static io.isthmus.wire.modbus.PduLayout.exact;
import static io.isthmus.wire.modbus.PduLayout.malformed;
import static io.isthmus.wire.modbus.PduLayout.ok;

import io.isthmus.wire.modbus.ModbusRequest.*;

/** Request PDUs, client to server (Modbus Application Protocol Specification V1.1b3, section 6). */
final class RequestDecoder {
    private RequestDecoder() {}

    static PduDecode<ModbusRequest> decode(PduReader in, ModbusLimits limits) {
        if (in.length() == 0) {
            return malformed(PduError.EMPTY, 0);
        }
        if (in.length() > limits.maxPdu()) {
            return malformed(PduError.TOO_LONG, limits.maxPdu());
        }
        int fc = in.u8(0);
        if (fc == 0 || fc >= FunctionCode.EXCEPTION_BIT) {
            return malformed(PduError.INVALID_FUNCTION_CODE, 0);
        }
        return switch (fc) {
            case FunctionCode.READ_COILS -> exact(in, 5, () -> new ReadCoils(in.u16(1), in.u16(3)));
            case FunctionCode.READ_DISCRETE_INPUTS -> exact(in, 5, () -> new ReadDiscreteInputs(in.u16(1), in.u16(3)));
            case FunctionCode.READ_HOLDING_REGISTERS ->
                exact(in, 5, () -> new ReadHoldingRegisters(in.u16(1), in.u16(3)));
            case FunctionCode.READ_INPUT_REGISTERS -> exact(in, 5, () -> new ReadInputRegisters(in.u16(1), in.u16(3)));
            case FunctionCode.WRITE_SINGLE_COIL -> exact(in, 5, () -> new WriteSingleCoil(in.u16(1), in.u16(3)));
            case FunctionCode.WRITE_SINGLE_REGISTER ->
                exact(in, 5, () -> new WriteSingleRegister(in.u16(1), in.u16(3)));
            case FunctionCode.READ_EXCEPTION_STATUS -> exact(in, 1, ReadExceptionStatus::new);
            case FunctionCode.DIAGNOSTICS -> PduLayout.diagnostics(in, Diagnostics::new);
            case FunctionCode.GET_COMM_EVENT_COUNTER -> exact(in, 1, GetCommEventCounter::new);
            case FunctionCode.GET_COMM_EVENT_LOG -> exact(in, 1, GetCommEventLog::new);
            case FunctionCode.WRITE_MULTIPLE_COILS -> writeMultipleCoils(in);
            case FunctionCode.WRITE_MULTIPLE_REGISTERS -> writeMultipleRegisters(in);
            case FunctionCode.REPORT_SERVER_ID -> exact(in, 1, ReportServerId::new);
            case FunctionCode.READ_FILE_RECORD -> readFileRecord(in, limits);
            case FunctionCode.WRITE_FILE_RECORD -> writeFileRecord(in, limits);
            case FunctionCode.MASK_WRITE_REGISTER ->
                exact(in, 7, () -> new MaskWriteRegister(in.u16(1), in.u16(3), in.u16(5)));
            case FunctionCode.READ_WRITE_MULTIPLE_REGISTERS -> readWriteMultipleRegisters(in);
            case FunctionCode.READ_FIFO_QUEUE -> exact(in, 3, () -> new ReadFifoQueue(in.u16(1)));
            case FunctionCode.ENCAPSULATED_INTERFACE -> encapsulatedInterface(in);
            default -> ok(new Unknown(fc, in.bytes(1, in.length() - 1)));
        };
    }

    /** fc, address, quantity, byte count, packed coils (section 6.11). */
    private static PduDecode<ModbusRequest> writeMultipleCoils(PduReader in) {
        return counted(
                in, 5, n -> ok(new WriteMultipleCoils(in.u16(1), in.u16(3), PackedBits.fromBytes(in.bytes(6, n)))));
    }

    /** fc, address, quantity, byte count, registers (section 6.12). */
    private static PduDecode<ModbusRequest> writeMultipleRegisters(PduReader in) {
        return counted(
                in,
                5,
                n -> n % 2 != 0
                        ? malformed(PduError.ODD_LENGTH, 5)
                        : ok(new WriteMultipleRegisters(in.u16(1), in.u16(3), in.registers(6, n / 2))));
    }

    /** fc, read address, read quantity, write address, write quantity, byte count, registers (6.17). */
    private static PduDecode<ModbusRequest> readWriteMultipleRegisters(PduReader in) {
        return counted(
                in,
                9,
                n -> n % 2 != 0
                        ? malformed(PduError.ODD_LENGTH, 9)
                        : ok(new ReadWriteMultipleRegisters(
                                in.u16(1), in.u16(3), in.u16(5), in.u16(7), in.registers(10, n / 2))));
    }

    private static PduDecode<ModbusRequest> readFileRecord(PduReader in, ModbusLimits limits) {
        return counted(in, 1, n -> FileRecordDecoding.references(in, n, limits).map(ReadFileRecord::new));
    }

    private static PduDecode<ModbusRequest> writeFileRecord(PduReader in, ModbusLimits limits) {
        return counted(in, 1, n -> FileRecordDecoding.writes(in, n, limits).map(WriteFileRecord::new));
    }

    /** fc, MEI type, MEI data (sections 6.19 to 6.21). */
    private static PduDecode<ModbusRequest> encapsulatedInterface(PduReader in) {
        if (in.length() < 2) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        return switch (in.u8(1)) {
            case FunctionCode.MEI_READ_DEVICE_IDENTIFICATION ->
                exact(in, 4, () -> new ReadDeviceIdentification(in.u8(2), in.u8(3)));
            case FunctionCode.MEI_CANOPEN_GENERAL_REFERENCE ->
                ok(new EncapsulatedInterface(in.u8(1), in.bytes(2, in.length() - 2)));
            default -> malformed(PduError.RESERVED_MEI_TYPE, 1);
        };
    }
}
