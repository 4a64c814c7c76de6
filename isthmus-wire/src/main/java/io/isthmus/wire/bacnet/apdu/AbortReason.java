package io.isthmus.wire.bacnet.apdu;

/**
 * BACnetAbortReason (ASHRAE 135 clause 18.9, 21).
 */
public enum AbortReason {
    OTHER(0, "other"),
    BUFFER_OVERFLOW(1, "buffer-overflow"),
    INVALID_APDU_IN_THIS_STATE(2, "invalid-apdu-in-this-state"),
    PREEMPTED_BY_HIGHER_PRIORITY_TASK(3, "preempted-by-higher-priority-task"),
    SEGMENTATION_NOT_SUPPORTED(4, "segmentation-not-supported"),
    SECURITY_ERROR(5, "security-error"),
    INSUFFICIENT_SECURITY(6, "insufficient-security"),
    WINDOW_SIZE_OUT_OF_RANGE(7, "window-size-out-of-range"),
    APPLICATION_EXCEEDED_REPLY_TIME(8, "application-exceeded-reply-time"),
    OUT_OF_RESOURCES(9, "out-of-resources"),
    TSM_TIMEOUT(10, "tsm-timeout"),
    APDU_TOO_LONG(11, "apdu-too-long"),
    /** A value this table does not name (newer, proprietary or hostile). */
    UNKNOWN(-1, "unknown");

    private static final AbortReason[] BY_CODE = new AbortReason[12];

    static {
        for (AbortReason v : values()) {
            if (v.code >= 0) {
                BY_CODE[v.code] = v;
            }
        }
    }

    private final int code;
    private final String specName;

    AbortReason(int code, String specName) {
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

    public static AbortReason of(long code) {
        AbortReason v = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        return v == null ? UNKNOWN : v;
    }

    /** The name, or the number when the table does not name it. */
    public static String describe(long code) {
        AbortReason v = of(code);
        return v == UNKNOWN ? String.valueOf(code) : v.specName;
    }
}
