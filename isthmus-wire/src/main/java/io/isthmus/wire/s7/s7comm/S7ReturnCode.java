package io.isthmus.wire.s7.s7comm;

/** The per-item return code in Read Var and Write Var responses. */
public enum S7ReturnCode {
    RESERVED(0x00, "Reserved"),
    HARDWARE_FAULT(0x01, "Hardware fault"),
    ACCESS_DENIED(0x03, "Accessing the object not allowed"),
    INVALID_ADDRESS(0x05, "Invalid address"),
    DATA_TYPE_NOT_SUPPORTED(0x06, "Data type not supported"),
    DATA_TYPE_INCONSISTENT(0x07, "Data type inconsistent"),
    OBJECT_DOES_NOT_EXIST(0x0A, "Object does not exist"),
    SUCCESS(0xFF, "Success"),
    UNKNOWN(-1, "Unknown return code");

    /** The constants by their one-octet code; null where none is defined. */
    private static final S7ReturnCode[] BY_CODE = new S7ReturnCode[256];

    static {
        for (S7ReturnCode c : values()) {
            if (c.code >= 0) {
                BY_CODE[c.code] = c;
            }
        }
    }

    private final int code;
    private final String displayName;

    S7ReturnCode(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public static S7ReturnCode of(int code) {
        S7ReturnCode c = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return c == null ? UNKNOWN : c;
    }

    public String displayName() {
        return displayName;
    }
}
