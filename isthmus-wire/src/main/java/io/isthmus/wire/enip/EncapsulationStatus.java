package io.isthmus.wire.enip;

/** The status codes of the encapsulation header (CIP Volume 2 section 2-3.3 table 2-3.3). */
public enum EncapsulationStatus {
    SUCCESS(0x0000, "Success"),
    INVALID_COMMAND(0x0001, "Invalid or unsupported command"),
    INSUFFICIENT_MEMORY(0x0002, "Insufficient memory"),
    INCORRECT_DATA(0x0003, "Incorrect data"),
    INVALID_SESSION_HANDLE(0x0064, "Invalid session handle"),
    INVALID_LENGTH(0x0065, "Invalid length"),
    UNSUPPORTED_PROTOCOL_REVISION(0x0069, "Unsupported encapsulation protocol revision"),
    UNKNOWN(-1, "Unknown status");

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final EncapsulationStatus[] VALUES = values();

    private final int code;
    private final String displayName;

    EncapsulationStatus(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public static EncapsulationStatus of(long code) {
        for (EncapsulationStatus s : VALUES) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN;
    }

    public String displayName() {
        return displayName;
    }
}
