package io.isthmus.wire.bacnet.apdu;

/**
 * BACnetErrorClass (ASHRAE 135 clause 18, 21): the family of an Error-PDU's error.
 */
public enum ErrorClass {
    DEVICE(0, "device"),
    OBJECT(1, "object"),
    PROPERTY(2, "property"),
    RESOURCES(3, "resources"),
    SECURITY(4, "security"),
    SERVICES(5, "services"),
    VT(6, "vt"),
    COMMUNICATION(7, "communication"),
    /** A value this table does not name (newer, proprietary or hostile). */
    UNKNOWN(-1, "unknown");

    private static final ErrorClass[] BY_CODE = new ErrorClass[8];

    static {
        for (ErrorClass v : values()) {
            if (v.code >= 0) {
                BY_CODE[v.code] = v;
            }
        }
    }

    private final int code;
    private final String specName;

    ErrorClass(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public int code() {
        return code;
    }

    /** The standard's name, {@code present-value}. */
    public String specName() {
        return specName;
    }

    public static ErrorClass of(long code) {
        ErrorClass v = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        return v == null ? UNKNOWN : v;
    }

    /** The name, or the number when the table does not name it. */
    public static String describe(long code) {
        ErrorClass v = of(code);
        return v == UNKNOWN ? String.valueOf(code) : v.specName;
    }
}
