package io.isthmus.wire.modbus;

import io.isthmus.model.AccessKind;

/**
 * The specification's name and the {@link AccessKind} of every public function code (Modbus
 * Application Protocol Specification V1.1b3, section 5.1, table "Public Function Code Definition"),
 * for the passive dissector's summaries.
 *
 * <p>Access kinds: reads (1-4, 20, 24) are READ; anything that changes a table (5, 6, 15, 16, 21,
 * 22, and 23, which reads and writes) is WRITE; Diagnostics (8) is DIAGNOSTIC except sub-functions
 * 1 Restart Communications Option and 4 Force Listen Only Mode, which change what the device does
 * (section 6.8.1) and are CONTROL; 7, 11, 12, 17 are DIAGNOSTIC; 43/14 Read Device Identification
 * is DISCOVERY. Unknown codes are DIAGNOSTIC and flagged by the dissector.
 */
public final class ModbusFunctionNames {
    /** Diagnostics sub-function 1 (section 6.8.1). */
    public static final int RESTART_COMMUNICATIONS_OPTION = 0x0001;
    /** Diagnostics sub-function 4 (section 6.8.1). */
    public static final int FORCE_LISTEN_ONLY_MODE = 0x0004;

    private ModbusFunctionNames() {}

    /** The name section 5.1 gives {@code functionCode} (without the exception bit). */
    public static String name(int functionCode) {
        return switch (functionCode) {
            case FunctionCode.READ_COILS -> "Read Coils";
            case FunctionCode.READ_DISCRETE_INPUTS -> "Read Discrete Inputs";
            case FunctionCode.READ_HOLDING_REGISTERS -> "Read Holding Registers";
            case FunctionCode.READ_INPUT_REGISTERS -> "Read Input Registers";
            case FunctionCode.WRITE_SINGLE_COIL -> "Write Single Coil";
            case FunctionCode.WRITE_SINGLE_REGISTER -> "Write Single Register";
            case FunctionCode.READ_EXCEPTION_STATUS -> "Read Exception Status";
            case FunctionCode.DIAGNOSTICS -> "Diagnostics";
            case FunctionCode.GET_COMM_EVENT_COUNTER -> "Get Comm Event Counter";
            case FunctionCode.GET_COMM_EVENT_LOG -> "Get Comm Event Log";
            case FunctionCode.WRITE_MULTIPLE_COILS -> "Write Multiple Coils";
            case FunctionCode.WRITE_MULTIPLE_REGISTERS -> "Write Multiple Registers";
            case FunctionCode.REPORT_SERVER_ID -> "Report Server ID";
            case FunctionCode.READ_FILE_RECORD -> "Read File Record";
            case FunctionCode.WRITE_FILE_RECORD -> "Write File Record";
            case FunctionCode.MASK_WRITE_REGISTER -> "Mask Write Register";
            case FunctionCode.READ_WRITE_MULTIPLE_REGISTERS -> "Read/Write Multiple Registers";
            case FunctionCode.READ_FIFO_QUEUE -> "Read FIFO Queue";
            case FunctionCode.ENCAPSULATED_INTERFACE -> "Encapsulated Interface Transport";
            default -> isUserDefined(functionCode) ? "User Defined Function" : "Unknown Function";
        };
    }

    /** The name of an FC 43 MEI type (sections 6.19 to 6.21). */
    public static String meiName(int meiType) {
        return switch (meiType) {
            case FunctionCode.MEI_READ_DEVICE_IDENTIFICATION -> "Read Device Identification";
            case FunctionCode.MEI_CANOPEN_GENERAL_REFERENCE -> "CANopen General Reference";
            default -> "Encapsulated Interface Transport";
        };
    }

    /** User-defined ranges 65..72 and 100..110 (section 5.1). */
    public static boolean isUserDefined(int functionCode) {
        return (functionCode >= 65 && functionCode <= 72) || (functionCode >= 100 && functionCode <= 110);
    }

    /** True for the public codes this codec knows (section 5.1). */
    public static boolean isPublic(int functionCode) {
        return !name(functionCode).endsWith("Function");
    }

    /** The access kind of a function code; Diagnostics and FC 43 need {@link #access(int, int)}. */
    public static AccessKind access(int functionCode) {
        return access(functionCode, -1);
    }

    /**
     * @param detail the Diagnostics sub-function for FC 8, the MEI type for FC 43, -1 when unknown
     */
    public static AccessKind access(int functionCode, int detail) {
        return switch (functionCode) {
            case 1, 2, 3, 4, 20, 24 -> AccessKind.READ;
            case 5, 6, 15, 16, 21, 22, 23 -> AccessKind.WRITE;
            case 8 ->
                detail == RESTART_COMMUNICATIONS_OPTION || detail == FORCE_LISTEN_ONLY_MODE
                        ? AccessKind.CONTROL
                        : AccessKind.DIAGNOSTIC;
            case 43 ->
                detail == FunctionCode.MEI_READ_DEVICE_IDENTIFICATION ? AccessKind.DISCOVERY : AccessKind.DIAGNOSTIC;
            default -> AccessKind.DIAGNOSTIC;
        };
    }
}
