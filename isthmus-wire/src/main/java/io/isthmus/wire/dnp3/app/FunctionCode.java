package io.isthmus.wire.dnp3.app;

/**
 * Application-layer function codes (IEEE 1815-2012 clause 4, application layer), keyed by their
 * octet. Codes 0–33 travel from master to outstation, 129–131 back.
 */
public enum FunctionCode {
    CONFIRM(0, "Confirm"),
    READ(1, "Read"),
    WRITE(2, "Write"),
    SELECT(3, "Select"),
    OPERATE(4, "Operate"),
    DIRECT_OPERATE(5, "Direct Operate"),
    DIRECT_OPERATE_NR(6, "Direct Operate No Ack"),
    IMMEDIATE_FREEZE(7, "Immediate Freeze"),
    IMMEDIATE_FREEZE_NR(8, "Immediate Freeze No Ack"),
    FREEZE_CLEAR(9, "Freeze and Clear"),
    FREEZE_CLEAR_NR(10, "Freeze and Clear No Ack"),
    FREEZE_AT_TIME(11, "Freeze at Time"),
    FREEZE_AT_TIME_NR(12, "Freeze at Time No Ack"),
    COLD_RESTART(13, "Cold Restart"),
    WARM_RESTART(14, "Warm Restart"),
    INITIALIZE_DATA(15, "Initialize Data"),
    INITIALIZE_APPLICATION(16, "Initialize Application"),
    START_APPLICATION(17, "Start Application"),
    STOP_APPLICATION(18, "Stop Application"),
    SAVE_CONFIGURATION(19, "Save Configuration"),
    ENABLE_UNSOLICITED(20, "Enable Unsolicited Responses"),
    DISABLE_UNSOLICITED(21, "Disable Unsolicited Responses"),
    ASSIGN_CLASS(22, "Assign Class"),
    DELAY_MEASURE(23, "Delay Measurement"),
    RECORD_CURRENT_TIME(24, "Record Current Time"),
    OPEN_FILE(25, "Open File"),
    CLOSE_FILE(26, "Close File"),
    DELETE_FILE(27, "Delete File"),
    GET_FILE_INFO(28, "Get File Info"),
    AUTHENTICATE_FILE(29, "Authenticate File"),
    ABORT_FILE(30, "Abort File"),
    ACTIVATE_CONFIG(31, "Activate Config"),
    AUTHENTICATE_REQUEST(32, "Authentication Request"),
    AUTHENTICATE_REQUEST_NR(33, "Authentication Request No Ack"),
    RESPONSE(129, "Response"),
    UNSOLICITED_RESPONSE(130, "Unsolicited Response"),
    AUTHENTICATE_RESPONSE(131, "Authentication Response"),
    /** A code the standard does not define; the fragment is still reported. */
    UNKNOWN(-1, "Unknown");

    private static final FunctionCode[] BY_CODE = index();

    private final int code;
    private final String displayName;

    FunctionCode(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public static FunctionCode of(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }

    /** The wire code; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Responses carry the two IIN octets after the function code (IEEE 1815-2012 clause 4). */
    public boolean isResponse() {
        return this == RESPONSE || this == UNSOLICITED_RESPONSE || this == AUTHENTICATE_RESPONSE;
    }

    /**
     * Requests whose object headers name points without carrying their values (IEEE 1815-2012
     * clause 4: read, freeze, unsolicited enable/disable, assign class): objects occupy only their
     * index prefixes.
     */
    public boolean headersOnly() {
        return switch (this) {
            case READ,
                    IMMEDIATE_FREEZE,
                    IMMEDIATE_FREEZE_NR,
                    FREEZE_CLEAR,
                    FREEZE_CLEAR_NR,
                    FREEZE_AT_TIME,
                    FREEZE_AT_TIME_NR,
                    ENABLE_UNSOLICITED,
                    DISABLE_UNSOLICITED,
                    ASSIGN_CLASS -> true;
            default -> false;
        };
    }

    private static FunctionCode[] index() {
        FunctionCode[] table = new FunctionCode[256];
        for (FunctionCode f : values()) {
            if (f.code >= 0) {
                table[f.code] = f;
            }
        }
        return table;
    }
}
