package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.CodeTable;

/** The error class octet of an Ack or Ack_Data header; the error code octet refines it. */
public enum S7ErrorClass {
    NO_ERROR(0x00, "No error"),
    APPLICATION_RELATIONSHIP(0x81, "Application relationship error"),
    OBJECT_DEFINITION(0x82, "Object definition error"),
    NO_RESOURCES(0x83, "No resources available"),
    SERVICE_PROCESSING(0x84, "Error on service processing"),
    SUPPLIES(0x85, "Error on supplies"),
    ACCESS(0x87, "Access error"),
    UNKNOWN(-1, "Unknown error class");

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final S7ErrorClass[] VALUES = values();

    private final int code;
    private final String displayName;

    S7ErrorClass(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The constants by their one-octet code (an array read per PDU header, not a search). */
    private static final S7ErrorClass[] BY_CODE = CodeTable.of(VALUES, c -> c.code, 0x100, UNKNOWN);

    public static S7ErrorClass of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    public String displayName() {
        return displayName;
    }
}
