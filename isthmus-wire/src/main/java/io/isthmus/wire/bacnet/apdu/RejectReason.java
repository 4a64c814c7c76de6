package io.isthmus.wire.bacnet.apdu;

/**
 * BACnetRejectReason (ASHRAE 135 clause 18.8, 21).
 */
public enum RejectReason {
    OTHER(0, "other"),
    BUFFER_OVERFLOW(1, "buffer-overflow"),
    INCONSISTENT_PARAMETERS(2, "inconsistent-parameters"),
    INVALID_PARAMETER_DATA_TYPE(3, "invalid-parameter-data-type"),
    INVALID_TAG(4, "invalid-tag"),
    MISSING_REQUIRED_PARAMETER(5, "missing-required-parameter"),
    PARAMETER_OUT_OF_RANGE(6, "parameter-out-of-range"),
    TOO_MANY_ARGUMENTS(7, "too-many-arguments"),
    UNDEFINED_ENUMERATION(8, "undefined-enumeration"),
    UNRECOGNIZED_SERVICE(9, "unrecognized-service"),
    /** A value this table does not name (newer, proprietary or hostile). */
    UNKNOWN(-1, "unknown");

    private static final RejectReason[] BY_CODE = new RejectReason[10];

    static {
        for (RejectReason v : values()) {
            if (v.code >= 0) {
                BY_CODE[v.code] = v;
            }
        }
    }

    private final int code;
    private final String specName;

    RejectReason(int code, String specName) {
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

    public static RejectReason of(long code) {
        RejectReason v = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        return v == null ? UNKNOWN : v;
    }

    /** The name, or the number when the table does not name it. */
    public static String describe(long code) {
        RejectReason v = of(code);
        return v == UNKNOWN ? String.valueOf(code) : v.specName;
    }
}
