package io.isthmus.wire.modbus;

/**
 * The public function codes this codec decodes into their own records (Modbus Application Protocol
 * Specification V1.1b3, section 5.1). Other codes decode as {@code Unknown}.
 */
public final class FunctionCode {
    public static final int READ_COILS = 0x01;
    public static final int READ_DISCRETE_INPUTS = 0x02;
    public static final int READ_HOLDING_REGISTERS = 0x03;
    public static final int READ_INPUT_REGISTERS = 0x04;
    public static final int WRITE_SINGLE_COIL = 0x05;
    public static final int WRITE_SINGLE_REGISTER = 0x06;
    public static final int READ_EXCEPTION_STATUS = 0x07;
    public static final int DIAGNOSTICS = 0x08;
    public static final int GET_COMM_EVENT_COUNTER = 0x0B;
    public static final int GET_COMM_EVENT_LOG = 0x0C;
    public static final int WRITE_MULTIPLE_COILS = 0x0F;
    public static final int WRITE_MULTIPLE_REGISTERS = 0x10;
    public static final int REPORT_SERVER_ID = 0x11;
    public static final int READ_FILE_RECORD = 0x14;
    public static final int WRITE_FILE_RECORD = 0x15;
    public static final int MASK_WRITE_REGISTER = 0x16;
    public static final int READ_WRITE_MULTIPLE_REGISTERS = 0x17;
    public static final int READ_FIFO_QUEUE = 0x18;
    public static final int ENCAPSULATED_INTERFACE = 0x2B;

    /** The bit a server sets in the function code of an exception response (section 7). */
    public static final int EXCEPTION_BIT = 0x80;

    /** MEI type of Read Device Identification (section 6.21). */
    public static final int MEI_READ_DEVICE_IDENTIFICATION = 0x0E;
    /** MEI type of CANopen General Reference (section 6.20). */
    public static final int MEI_CANOPEN_GENERAL_REFERENCE = 0x0D;

    private FunctionCode() {}
}
