package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.PduLayout.counted;
import static io.isthmus.wire.modbus.PduLayout.exact;
import static io.isthmus.wire.modbus.PduLayout.malformed;
import static io.isthmus.wire.modbus.PduLayout.ok;

import io.isthmus.wire.modbus.ModbusResponse.*;
import java.util.ArrayList;

/** Response PDUs, server to client (Modbus Application Protocol Specification V1.1b3, sections 6, 7). */
final class ResponseDecoder {
    private static final int DEVICE_ID_HEADER = 7;

    private ResponseDecoder() {}

    static PduDecode<ModbusResponse> decode(PduReader in, ModbusLimits limits) {
        if (in.length() == 0) {
            return malformed(PduError.EMPTY, 0);
        }
        if (in.length() > limits.maxPdu()) {
            return malformed(PduError.TOO_LONG, limits.maxPdu());
        }
        int fc = in.u8(0);
        if (fc == 0) {
            return malformed(PduError.INVALID_FUNCTION_CODE, 0);
        }
        if (fc >= FunctionCode.EXCEPTION_BIT) {
            return exception(in, fc & ~FunctionCode.EXCEPTION_BIT);
        }
        return switch (fc) {
            case FunctionCode.READ_COILS ->
                counted(in, 1, n -> ok(new ReadCoils(PackedBits.fromBytes(in.bytes(2, n)))));
            case FunctionCode.READ_DISCRETE_INPUTS ->
                counted(in, 1, n -> ok(new ReadDiscreteInputs(PackedBits.fromBytes(in.bytes(2, n)))));
            case FunctionCode.READ_HOLDING_REGISTERS -> registers(in).map(ReadHoldingRegisters::new);
            case FunctionCode.READ_INPUT_REGISTERS -> registers(in).map(ReadInputRegisters::new);
            case FunctionCode.WRITE_SINGLE_COIL -> exact(in, 5, () -> new WriteSingleCoil(in.u16(1), in.u16(3)));
            case FunctionCode.WRITE_SINGLE_REGISTER ->
                exact(in, 5, () -> new WriteSingleRegister(in.u16(1), in.u16(3)));
            case FunctionCode.READ_EXCEPTION_STATUS -> exact(in, 2, () -> new ReadExceptionStatus(in.u8(1)));
            case FunctionCode.DIAGNOSTICS -> PduLayout.diagnostics(in, Diagnostics::new);
            case FunctionCode.GET_COMM_EVENT_COUNTER ->
                exact(in, 5, () -> new GetCommEventCounter(in.u16(1), in.u16(3)));
            case FunctionCode.GET_COMM_EVENT_LOG -> commEventLog(in);
            case FunctionCode.WRITE_MULTIPLE_COILS -> exact(in, 5, () -> new WriteMultipleCoils(in.u16(1), in.u16(3)));
            case FunctionCode.WRITE_MULTIPLE_REGISTERS ->
                exact(in, 5, () -> new WriteMultipleRegisters(in.u16(1), in.u16(3)));
            case FunctionCode.REPORT_SERVER_ID -> counted(in, 1, n -> ok(new ReportServerId(in.bytes(2, n))));
            case FunctionCode.READ_FILE_RECORD ->
                counted(in, 1, n -> FileRecordDecoding.data(in, n, limits).map(ReadFileRecord::new));
            case FunctionCode.WRITE_FILE_RECORD ->
                counted(in, 1, n -> FileRecordDecoding.writes(in, n, limits).map(WriteFileRecord::new));
            case FunctionCode.MASK_WRITE_REGISTER ->
                exact(in, 7, () -> new MaskWriteRegister(in.u16(1), in.u16(3), in.u16(5)));
            case FunctionCode.READ_WRITE_MULTIPLE_REGISTERS -> registers(in).map(ReadWriteMultipleRegisters::new);
            case FunctionCode.READ_FIFO_QUEUE -> fifoQueue(in, limits);
            case FunctionCode.ENCAPSULATED_INTERFACE -> encapsulatedInterface(in, limits);
            default -> ok(new Unknown(fc, in.bytes(1, in.length() - 1)));
        };
    }

    /** fc | 0x80, exception code (section 7). */
    private static PduDecode<ModbusResponse> exception(PduReader in, int functionCode) {
        if (in.length() != 2) {
            return in.length() < 2 ? malformed(PduError.TRUNCATED, in.length()) : malformed(PduError.TRAILING_BYTES, 2);
        }
        return ExceptionCode.fromCode(in.u8(1))
                .<PduDecode<ModbusResponse>>map(code -> ok(new ExceptionResponse(functionCode, code)))
                .orElseGet(() -> malformed(PduError.UNKNOWN_EXCEPTION_CODE, 1));
    }

    /** fc, byte count, registers (sections 6.3, 6.4, 6.17). */
    private static PduDecode<Registers> registers(PduReader in) {
        return counted(in, 1, n -> n % 2 != 0 ? malformed(PduError.ODD_LENGTH, 1) : ok(in.registers(2, n / 2)));
    }

    /** fc, byte count, status, event count, message count, events (section 6.10). */
    private static PduDecode<ModbusResponse> commEventLog(PduReader in) {
        return counted(
                in,
                1,
                n -> n < 6
                        ? malformed(PduError.BYTE_COUNT_MISMATCH, 1)
                        : ok(new GetCommEventLog(in.u16(2), in.u16(4), in.u16(6), in.bytes(8, n - 6))));
    }

    /** fc, byte count (2 bytes), FIFO count (2 bytes), values (section 6.18). */
    private static PduDecode<ModbusResponse> fifoQueue(PduReader in, ModbusLimits limits) {
        if (in.length() < 5) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        int byteCount = in.u16(1);
        int fifoCount = in.u16(3);
        if (in.length() - 3 != byteCount) {
            return in.length() - 3 < byteCount
                    ? malformed(PduError.TRUNCATED, in.length())
                    : malformed(PduError.TRAILING_BYTES, 3 + byteCount);
        }
        if (byteCount != 2 + 2 * fifoCount) {
            return malformed(PduError.BYTE_COUNT_MISMATCH, 1);
        }
        if (fifoCount > limits.maxFifoCount()) {
            return malformed(PduError.LIMIT_EXCEEDED, 3);
        }
        return ok(new ReadFifoQueue(in.registers(5, fifoCount)));
    }

    private static PduDecode<ModbusResponse> encapsulatedInterface(PduReader in, ModbusLimits limits) {
        if (in.length() < 2) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        return switch (in.u8(1)) {
            case FunctionCode.MEI_READ_DEVICE_IDENTIFICATION -> deviceIdentification(in, limits);
            case FunctionCode.MEI_CANOPEN_GENERAL_REFERENCE ->
                ok(new EncapsulatedInterface(in.u8(1), in.bytes(2, in.length() - 2)));
            default -> malformed(PduError.RESERVED_MEI_TYPE, 1);
        };
    }

    /**
     * fc, MEI 14, read device id code, conformity level, more follows (0x00 or 0xFF), next object
     * id, number of objects, then per object: id, length, value (section 6.21).
     */
    private static PduDecode<ModbusResponse> deviceIdentification(PduReader in, ModbusLimits limits) {
        if (in.length() < DEVICE_ID_HEADER) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        int moreFollows = in.u8(4);
        if (moreFollows != 0x00 && moreFollows != 0xFF) {
            return malformed(PduError.INVALID_FIELD, 4);
        }
        int count = in.u8(6);
        if (count > limits.maxDeviceIdObjects()) {
            return malformed(PduError.LIMIT_EXCEEDED, 6);
        }
        var objects = new ArrayList<DeviceIdObject>(Math.min(count, (in.length() - DEVICE_ID_HEADER) / 2));
        int pos = DEVICE_ID_HEADER;
        for (int i = 0; i < count; i++) {
            if (in.length() - pos < 2 || in.length() - pos - 2 < in.u8(pos + 1)) {
                return malformed(PduError.TRUNCATED, in.length());
            }
            int length = in.u8(pos + 1);
            objects.add(new DeviceIdObject(in.u8(pos), in.bytes(pos + 2, length)));
            pos += 2 + length;
        }
        if (pos != in.length()) {
            return malformed(PduError.TRAILING_BYTES, pos);
        }
        return ok(new ReadDeviceIdentification(in.u8(2), in.u8(3), moreFollows == 0xFF, in.u8(5), objects));
    }
}
