package io.isthmus.wire.modbus;

import static io.isthmus.wire.modbus.RequestChecks.OK;
import static io.isthmus.wire.modbus.RequestChecks.addressIf;
import static io.isthmus.wire.modbus.RequestChecks.quantityAndSpan;
import static io.isthmus.wire.modbus.RequestChecks.span;
import static io.isthmus.wire.modbus.RequestChecks.valueIf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request PDU from client to server (Modbus Application Protocol Specification V1.1b3, section
 * 6), one record per public function code plus {@link Unknown} for all others.
 *
 * <p>Decoding and validation are separate on purpose. A PDU that is syntactically whole decodes
 * even when a field is out of range; {@link #validate} then names the exception code the
 * specification's server state diagrams prescribe (ILLEGAL_DATA_VALUE for quantities, byte counts
 * and values; ILLEGAL_DATA_ADDRESS for ranges past the 16-bit address space). A server answers with
 * that code, a sensor records it as an anomaly. Table sizes of a particular device are the
 * server's business, not the codec's.
 *
 * <p>Constructors reject values that cannot be put on the wire at all (a 17-bit address, more
 * data than a byte count can describe) with {@link IllegalArgumentException}; the decoder never
 * produces such values.
 */
public sealed interface ModbusRequest {

    /** The function code on the wire (1..127). */
    int functionCode();

    /** Checks the fields against {@code limits}; empty when the request is acceptable. */
    Optional<ExceptionCode> validate(ModbusLimits limits);

    /** {@link #validate(ModbusLimits)} against {@link ModbusLimits#SPEC}. */
    default Optional<ExceptionCode> validate() {
        return validate(ModbusLimits.SPEC);
    }

    /** FC 1 (section 6.1): read 1..2000 contiguous coils. */
    record ReadCoils(int address, int quantity) implements ModbusRequest {
        public ReadCoils {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_COILS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return quantityAndSpan(address, quantity, limits.maxReadCoils());
        }
    }

    /** FC 2 (section 6.2): read 1..2000 contiguous discrete inputs. */
    record ReadDiscreteInputs(int address, int quantity) implements ModbusRequest {
        public ReadDiscreteInputs {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_DISCRETE_INPUTS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return quantityAndSpan(address, quantity, limits.maxReadCoils());
        }
    }

    /** FC 3 (section 6.3): read 1..125 contiguous holding registers. */
    record ReadHoldingRegisters(int address, int quantity) implements ModbusRequest {
        public ReadHoldingRegisters {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_HOLDING_REGISTERS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return quantityAndSpan(address, quantity, limits.maxReadRegisters());
        }
    }

    /** FC 4 (section 6.4): read 1..125 contiguous input registers. */
    record ReadInputRegisters(int address, int quantity) implements ModbusRequest {
        public ReadInputRegisters {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_INPUT_REGISTERS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return quantityAndSpan(address, quantity, limits.maxReadRegisters());
        }
    }

    /**
     * FC 5 (section 6.5): set one coil; {@code value} is 0xFF00 for ON, 0x0000 for OFF, anything
     * else is ILLEGAL_DATA_VALUE.
     */
    record WriteSingleCoil(int address, int value) implements ModbusRequest {
        public static final int ON = 0xFF00;
        public static final int OFF = 0x0000;

        public WriteSingleCoil {
            Fields.requireU16("address", address);
            Fields.requireU16("value", value);
        }

        public static WriteSingleCoil of(int address, boolean on) {
            return new WriteSingleCoil(address, on ? ON : OFF);
        }

        /** True for 0xFF00; meaningful only when {@link #validate} passes. */
        public boolean on() {
            return value == ON;
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_SINGLE_COIL;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return valueIf(value != ON && value != OFF);
        }
    }

    /** FC 6 (section 6.6): write one holding register. */
    record WriteSingleRegister(int address, int value) implements ModbusRequest {
        public WriteSingleRegister {
            Fields.requireU16("address", address);
            Fields.requireU16("value", value);
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_SINGLE_REGISTER;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /** FC 7 (section 6.7, serial line only): read the eight exception status outputs. */
    record ReadExceptionStatus() implements ModbusRequest {
        @Override
        public int functionCode() {
            return FunctionCode.READ_EXCEPTION_STATUS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /**
     * FC 8 (section 6.8, serial line only): a diagnostics sub-function and its data (N x 2
     * bytes). Sub-function 0, Return Query Data, asks the server to echo the data.
     */
    record Diagnostics(int subFunction, byte[] data) implements ModbusRequest {
        public static final int RETURN_QUERY_DATA = 0x0000;

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
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
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

    /** FC 11 (section 6.9, serial line only): get the communication event counter. */
    record GetCommEventCounter() implements ModbusRequest {
        @Override
        public int functionCode() {
            return FunctionCode.GET_COMM_EVENT_COUNTER;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /** FC 12 (section 6.10, serial line only): get the communication event log. */
    record GetCommEventLog() implements ModbusRequest {
        @Override
        public int functionCode() {
            return FunctionCode.GET_COMM_EVENT_LOG;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /**
     * FC 15 (section 6.11): force 1..1968 coils. The byte count on the wire is {@code
     * values.byteCount()}; it must equal {@code ceil(quantity / 8)}.
     */
    record WriteMultipleCoils(int address, int quantity, PackedBits values) implements ModbusRequest {
        public WriteMultipleCoils {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
            Objects.requireNonNull(values, "values");
            Fields.requireU8("byte count", values.byteCount());
        }

        public static WriteMultipleCoils of(int address, boolean... coils) {
            return new WriteMultipleCoils(address, coils.length, PackedBits.pack(coils));
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_MULTIPLE_COILS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            if (quantity < 1 || quantity > limits.maxWriteCoils()) {
                return valueIf(true);
            }
            return valueIf(values.byteCount() != PackedBits.byteCountFor(quantity))
                    .or(() -> span(address, quantity));
        }
    }

    /**
     * FC 16 (section 6.12): write 1..123 holding registers. The byte count on the wire is {@code
     * 2 * values.size()}; it must equal {@code 2 * quantity}.
     */
    record WriteMultipleRegisters(int address, int quantity, Registers values) implements ModbusRequest {
        public WriteMultipleRegisters {
            Fields.requireU16("address", address);
            Fields.requireU16("quantity", quantity);
            Objects.requireNonNull(values, "values");
            Fields.requireU8("byte count", values.byteCount());
        }

        public static WriteMultipleRegisters of(int address, Registers values) {
            return new WriteMultipleRegisters(address, values.size(), values);
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_MULTIPLE_REGISTERS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            if (quantity < 1 || quantity > limits.maxWriteRegisters()) {
                return valueIf(true);
            }
            return valueIf(values.size() != quantity).or(() -> span(address, quantity));
        }
    }

    /** FC 17 (section 6.13, serial line only): report the server's id and run status. */
    record ReportServerId() implements ModbusRequest {
        @Override
        public int functionCode() {
            return FunctionCode.REPORT_SERVER_ID;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /**
     * FC 20 (section 6.14): read records of files. Byte count 7..245 (1..35 sub-requests) or
     * ILLEGAL_DATA_VALUE; reference type other than 6 or record number past 0x270F is
     * ILLEGAL_DATA_ADDRESS.
     */
    record ReadFileRecord(List<FileRecordReference> references) implements ModbusRequest {
        public ReadFileRecord {
            references = List.copyOf(references);
            Fields.requireU8("byte count", 7 * references.size());
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_FILE_RECORD;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            int byteCount = 7 * references.size();
            if (byteCount < 0x07 || byteCount > 0xF5 || references.size() > limits.maxFileSubRequests()) {
                return valueIf(true);
            }
            return addressIf(references.stream()
                    .anyMatch(r -> r.referenceType() != FileRecordReference.REFERENCE_TYPE
                            || r.recordNumber() > FileRecordReference.MAX_RECORD_NUMBER));
        }
    }

    /**
     * FC 21 (section 6.15): write records of files. Request data length 9..251 or
     * ILLEGAL_DATA_VALUE; reference type other than 6 or record number past 0x270F is
     * ILLEGAL_DATA_ADDRESS.
     */
    record WriteFileRecord(List<FileRecordWrite> records) implements ModbusRequest {
        public WriteFileRecord {
            records = List.copyOf(records);
            Fields.requireU8("request data length", dataLength(records));
        }

        /** The request data length field: the sum of the sub-requests' encoded lengths. */
        public int dataLength() {
            return dataLength(records);
        }

        private static int dataLength(List<FileRecordWrite> records) {
            return records.stream().mapToInt(FileRecordWrite::encodedLength).sum();
        }

        @Override
        public int functionCode() {
            return FunctionCode.WRITE_FILE_RECORD;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            int length = dataLength();
            if (length < 0x09 || length > 0xFB || records.size() > limits.maxFileSubRequests()) {
                return valueIf(true);
            }
            return addressIf(records.stream()
                    .anyMatch(r -> r.referenceType() != FileRecordReference.REFERENCE_TYPE
                            || r.recordNumber() > FileRecordReference.MAX_RECORD_NUMBER));
        }
    }

    /** FC 22 (section 6.16): register = (register AND andMask) OR (orMask AND NOT andMask). */
    record MaskWriteRegister(int address, int andMask, int orMask) implements ModbusRequest {
        public MaskWriteRegister {
            Fields.requireU16("address", address);
            Fields.requireU16("andMask", andMask);
            Fields.requireU16("orMask", orMask);
        }

        @Override
        public int functionCode() {
            return FunctionCode.MASK_WRITE_REGISTER;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /**
     * FC 23 (section 6.17): write 1..121 registers, then read 1..125 registers, in one
     * transaction. The write byte count on the wire is {@code 2 * values.size()}; it must equal
     * {@code 2 * writeQuantity}.
     */
    record ReadWriteMultipleRegisters(
            int readAddress, int readQuantity, int writeAddress, int writeQuantity, Registers values)
            implements ModbusRequest {
        public ReadWriteMultipleRegisters {
            Fields.requireU16("readAddress", readAddress);
            Fields.requireU16("readQuantity", readQuantity);
            Fields.requireU16("writeAddress", writeAddress);
            Fields.requireU16("writeQuantity", writeQuantity);
            Objects.requireNonNull(values, "values");
            Fields.requireU8("write byte count", values.byteCount());
        }

        public static ReadWriteMultipleRegisters of(
                int readAddress, int readQuantity, int writeAddress, Registers values) {
            return new ReadWriteMultipleRegisters(readAddress, readQuantity, writeAddress, values.size(), values);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_WRITE_MULTIPLE_REGISTERS;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            boolean badQuantities = readQuantity < 1
                    || readQuantity > limits.maxReadRegisters()
                    || writeQuantity < 1
                    || writeQuantity > limits.maxReadWriteWriteRegisters()
                    || values.size() != writeQuantity;
            if (badQuantities) {
                return valueIf(true);
            }
            return span(readAddress, readQuantity).or(() -> span(writeAddress, writeQuantity));
        }
    }

    /** FC 24 (section 6.18): read the FIFO queue whose count register is at {@code fifoPointerAddress}. */
    record ReadFifoQueue(int fifoPointerAddress) implements ModbusRequest {
        public ReadFifoQueue {
            Fields.requireU16("fifoPointerAddress", fifoPointerAddress);
        }

        @Override
        public int functionCode() {
            return FunctionCode.READ_FIFO_QUEUE;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
        }
    }

    /**
     * FC 43 with an MEI type other than 14 (section 6.19): the MEI payload kept as bytes. The
     * decoder produces it only for MEI type 13 (CANopen General Reference, section 6.20); other
     * MEI types are reserved and decode as malformed.
     */
    record EncapsulatedInterface(int meiType, byte[] data) implements ModbusRequest {
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
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return OK;
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
     * FC 43 / MEI 14 (section 6.21): read device identification. Read device id code 1 basic, 2
     * regular, 3 extended (stream access), 4 one specific object; any other code is
     * ILLEGAL_DATA_VALUE.
     */
    record ReadDeviceIdentification(int readDeviceIdCode, int objectId) implements ModbusRequest {
        public static final int BASIC = 0x01;
        public static final int REGULAR = 0x02;
        public static final int EXTENDED = 0x03;
        public static final int SPECIFIC = 0x04;

        public ReadDeviceIdentification {
            Fields.requireU8("readDeviceIdCode", readDeviceIdCode);
            Fields.requireU8("objectId", objectId);
        }

        @Override
        public int functionCode() {
            return FunctionCode.ENCAPSULATED_INTERFACE;
        }

        @Override
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return valueIf(readDeviceIdCode < BASIC || readDeviceIdCode > SPECIFIC);
        }
    }

    /**
     * Any function code without a record of its own (user-defined 65..72 and 100..110, reserved
     * codes): the data kept as bytes. Validation answers ILLEGAL_FUNCTION.
     */
    record Unknown(int functionCode, byte[] data) implements ModbusRequest {
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
        public Optional<ExceptionCode> validate(ModbusLimits limits) {
            return RequestChecks.illegalFunction();
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
