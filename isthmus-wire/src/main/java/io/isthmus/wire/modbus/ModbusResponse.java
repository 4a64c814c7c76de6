package io.isthmus.wire.modbus;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A response PDU from server to client (Modbus Application Protocol Specification V1.1b3, section
 * 6), one record per public function code, {@link ExceptionResponse} for section 7 and {@link
 * Unknown} for all other function codes.
 *
 * <p>Responses carry no quantities of their own: a Read Coils response of 2 bytes holds 9..16
 * coils, and only the request says how many. Pair them with the request by the MBAP transaction
 * identifier.
 */
public sealed interface ModbusResponse {

    /** The function code of the request this answers (1..127, without the exception bit). */
    int functionCode();

    /** The function code byte on the wire: {@link #functionCode()}, plus 0x80 for an exception. */
    default int wireFunctionCode() {
        return functionCode();
    }

    /** FC 1 (section 6.1): coil states, packed. */
    record ReadCoils(PackedBits coils) implements ModbusResponse {
        public ReadCoils {
            Objects.requireNonNull(coils, "coils");
            Fields.requireU8("byte count", coils.byteCount());
        }

        public static ReadCoils of(boolean... coils) {
            return new ReadCoils(PackedBits.pack(coils));
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_COILS;
        }
    }

    /** FC 2 (section 6.2): discrete input states, packed. */
    record ReadDiscreteInputs(PackedBits inputs) implements ModbusResponse {
        public ReadDiscreteInputs {
            Objects.requireNonNull(inputs, "inputs");
            Fields.requireU8("byte count", inputs.byteCount());
        }

        public static ReadDiscreteInputs of(boolean... inputs) {
            return new ReadDiscreteInputs(PackedBits.pack(inputs));
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_DISCRETE_INPUTS;
        }
    }

    /** FC 3 (section 6.3). */
    record ReadHoldingRegisters(Registers registers) implements ModbusResponse {
        public ReadHoldingRegisters {
            Objects.requireNonNull(registers, "registers");
            Fields.requireU8("byte count", registers.byteCount());
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_HOLDING_REGISTERS;
        }
    }

    /** FC 4 (section 6.4). */
    record ReadInputRegisters(Registers registers) implements ModbusResponse {
        public ReadInputRegisters {
            Objects.requireNonNull(registers, "registers");
            Fields.requireU8("byte count", registers.byteCount());
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_INPUT_REGISTERS;
        }
    }

    /** FC 5 (section 6.5): an echo of the request. */
    record WriteSingleCoil(int address, int value) implements ModbusResponse {
        public WriteSingleCoil {
            Fields.requireU16("address", address);
            Fields.requireU16("value", value);
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_SINGLE_COIL;
        }
    }

    /** FC 6 (section 6.6): an echo of the request. */
    record WriteSingleRegister(int address, int value) implements ModbusResponse {
        public WriteSingleRegister {
            Fields.requireU16("address", address);
            Fields.requireU16("value", value);
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_SINGLE_REGISTER;
        }
    }

    /** FC 7 (section 6.7): the eight exception status outputs. */
    record ReadExceptionStatus(int outputData) implements ModbusResponse {
        public ReadExceptionStatus {
            Fields.requireU8("outputData", outputData);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_EXCEPTION_STATUS;
        }
    }

    /** FC 8 (section 6.8): the sub-function and its data (an echo for sub-function 0). */
    record Diagnostics(int subFunction, byte[] data) implements ModbusResponse {
        public Diagnostics {
            Fields.requireU16("subFunction", subFunction);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int functionCode() {
            return FunctionCode.DIAGNOSTICS;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Diagnostics d && subFunction == d.subFunction && Arrays.equals(data, d.data);
        }

        @Override
        public int hashCode() {
            return 31 * subFunction + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Diagnostics[subFunction=" + subFunction + ", data=" + Fields.hex(data) + "]";
        }
    }

    /** FC 11 (section 6.9). */
    record GetCommEventCounter(int status, int eventCount) implements ModbusResponse {
        public GetCommEventCounter {
            Fields.requireU16("status", status);
            Fields.requireU16("eventCount", eventCount);
        }

        @Override
        public int functionCode() {
            return FunctionCode.GET_COMM_EVENT_COUNTER;
        }
    }

    /** FC 12 (section 6.10): status, counters and up to 64 event bytes. */
    record GetCommEventLog(int status, int eventCount, int messageCount, byte[] events) implements ModbusResponse {
        public GetCommEventLog {
            Fields.requireU16("status", status);
            Fields.requireU16("eventCount", eventCount);
            Fields.requireU16("messageCount", messageCount);
            events = Fields.requireLength("events", events.clone(), 0xFF - 6);
        }

        @Override
        public byte[] events() {
            return events.clone();
        }

        @Override
        public int functionCode() {
            return FunctionCode.GET_COMM_EVENT_LOG;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GetCommEventLog g
                    && status == g.status
                    && eventCount == g.eventCount
                    && messageCount == g.messageCount
                    && Arrays.equals(events, g.events);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, eventCount, messageCount, Arrays.hashCode(events));
        }

        @Override
        public String toString() {
            return "GetCommEventLog[status=" + status + ", eventCount=" + eventCount + ", messageCount=" + messageCount
                    + ", events=" + Fields.hex(events) + "]";
        }
    }

    /** FC 15 (section 6.11): starting address and quantity written. */
    record WriteMultipleCoils(int address, int quantity) implements ModbusResponse {
        public WriteMultipleCoils {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_MULTIPLE_COILS;
        }
    }

    /** FC 16 (section 6.12): starting address and quantity written. */
    record WriteMultipleRegisters(int address, int quantity) implements ModbusResponse {
        public WriteMultipleRegisters {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_MULTIPLE_REGISTERS;
        }
    }

    /**
     * FC 17 (section 6.13): server id, run indicator (0x00 OFF, 0xFF ON) and additional data;
     * their split is device specific, so the bytes after the byte count are kept whole.
     */
    record ReportServerId(byte[] data) implements ModbusResponse {
        public ReportServerId {
            data = Fields.requireLength("data", data.clone(), 0xFF);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int functionCode() {
            return FunctionCode.REPORT_SERVER_ID;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ReportServerId r && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "ReportServerId[data=" + Fields.hex(data) + "]";
        }
    }

    /** FC 20 (section 6.14): one group of records per sub-request. */
    record ReadFileRecord(List<FileRecordData> records) implements ModbusResponse {
        public ReadFileRecord {
            records = List.copyOf(records);
            Fields.requireU8(
                    "response data length",
                    records.stream().mapToInt(FileRecordData::encodedLength).sum());
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_FILE_RECORD;
        }
    }

    /** FC 21 (section 6.15): an echo of the request. */
    record WriteFileRecord(List<FileRecordWrite> records) implements ModbusResponse {
        public WriteFileRecord {
            records = List.copyOf(records);
            Fields.requireU8(
                    "response data length",
                    records.stream().mapToInt(FileRecordWrite::encodedLength).sum());
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_FILE_RECORD;
        }
    }

    /** FC 22 (section 6.16): an echo of the request. */
    record MaskWriteRegister(int address, int andMask, int orMask) implements ModbusResponse {
        public MaskWriteRegister {
            Fields.requireU16("address", address);
            Fields.requireU16("andMask", andMask);
            Fields.requireU16("orMask", orMask);
        }

        @Override
        public int functionCode() {
            return FunctionCode.MASK_WRITE_REGISTER;
        }
    }

    /** FC 23 (section 6.17): the registers read. */
    record ReadWriteMultipleRegisters(Registers registers) implements ModbusResponse {
        public ReadWriteMultipleRegisters {
            Objects.requireNonNull(registers, "registers");
            Fields.requireU8("byte count", registers.byteCount());
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_WRITE_MULTIPLE_REGISTERS;
        }
    }

    /** FC 24 (section 6.18): the queued registers, at most 31. */
    record ReadFifoQueue(Registers values) implements ModbusResponse {
        public ReadFifoQueue {
            Objects.requireNonNull(values, "values");
            Fields.requireU16("byte count", 2 + values.byteCount());
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_FIFO_QUEUE;
        }
    }

    /** FC 43 with MEI type 13 (section 6.20): the MEI payload kept as bytes. */
    record EncapsulatedInterface(int meiType, byte[] data) implements ModbusResponse {
        public EncapsulatedInterface {
            Fields.requireU8("meiType", meiType);
            if (meiType == FunctionCode.MEI_READ_DEVICE_IDENTIFICATION) {
                throw new IllegalArgumentException("MEI type 14 is ReadDeviceIdentification");
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int functionCode() {
            return FunctionCode.ENCAPSULATED_INTERFACE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EncapsulatedInterface e && meiType == e.meiType && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return 31 * meiType + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "EncapsulatedInterface[meiType=" + meiType + ", data=" + Fields.hex(data) + "]";
        }
    }

    /**
     * FC 43 / MEI 14 (section 6.21). When {@code moreFollows}, the client asks again starting at
     * {@code nextObjectId}.
     *
     * @param readDeviceIdCode echoed from the request
     * @param conformityLevel 0x01..0x03 or 0x81..0x83 (with individual access)
     */
    record ReadDeviceIdentification(
            int readDeviceIdCode,
            int conformityLevel,
            boolean moreFollows,
            int nextObjectId,
            List<DeviceIdObject> objects)
            implements ModbusResponse {
        public ReadDeviceIdentification {
            Fields.requireU8("readDeviceIdCode", readDeviceIdCode);
            Fields.requireU8("conformityLevel", conformityLevel);
            Fields.requireU8("nextObjectId", nextObjectId);
            objects = List.copyOf(objects);
            Fields.requireU8("number of objects", objects.size());
        }

        @Override
        public int functionCode() {
            return FunctionCode.ENCAPSULATED_INTERFACE;
        }
    }

    /**
     * Section 7: the server could not or would not perform the request. On the wire the function
     * code carries the exception bit 0x80 ({@link #wireFunctionCode()}).
     *
     * @param functionCode the request's function code (0..127)
     */
    record ExceptionResponse(int functionCode, ExceptionCode code) implements ModbusResponse {
        public ExceptionResponse {
            if (functionCode < 0 || functionCode > 0x7F) {
                throw new IllegalArgumentException("functionCode must be 0..127, was " + functionCode);
            }
            Objects.requireNonNull(code, "code");
        }

        @Override
        public int wireFunctionCode() {
            return functionCode | FunctionCode.EXCEPTION_BIT;
        }
    }

    /** Any function code without a record of its own: the data kept as bytes. */
    record Unknown(int functionCode, byte[] data) implements ModbusResponse {
        public Unknown {
            if (functionCode < 1 || functionCode > 0x7F) {
                throw new IllegalArgumentException("functionCode must be 1..127, was " + functionCode);
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && functionCode == u.functionCode && Arrays.equals(data, u.data);
        }

        @Override
        public int hashCode() {
            return 31 * functionCode + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[functionCode=" + functionCode + ", data=" + Fields.hex(data) + "]";
        }
    }
}
