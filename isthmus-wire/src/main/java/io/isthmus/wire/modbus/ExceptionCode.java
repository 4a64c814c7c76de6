package io.isthmus.wire.modbus;

import java.util.Optional;

/**
 * The exception codes a server returns instead of a normal response (Modbus Application Protocol
 * Specification V1.1b3, section 7), keyed by their wire number.
 */
public enum ExceptionCode {
    ILLEGAL_FUNCTION(0x01),
    ILLEGAL_DATA_ADDRESS(0x02),
    ILLEGAL_DATA_VALUE(0x03),
    SERVER_DEVICE_FAILURE(0x04),
    ACKNOWLEDGE(0x05),
    SERVER_DEVICE_BUSY(0x06),
    MEMORY_PARITY_ERROR(0x08),
    GATEWAY_PATH_UNAVAILABLE(0x0A),
    GATEWAY_TARGET_FAILED_TO_RESPOND(0x0B);

    private static final ExceptionCode[] BY_CODE = new ExceptionCode[256];

    static {
        for (ExceptionCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    ExceptionCode(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The exception with wire number {@code code}, or empty for any other number (never throws). */
    public static Optional<ExceptionCode> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
