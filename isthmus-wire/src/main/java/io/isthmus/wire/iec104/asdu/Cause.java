package io.isthmus.wire.iec104.asdu;

/**
 * Causes of transmission (IEC 60870-5-101 clause 7.2.3), keyed by the 6-bit cause;
 * the group interrogation causes 21–36 and counter groups 38–41 share one constant each.
 */
public enum Cause {
    PERIODIC(1, 1, "per/cyc"),
    BACKGROUND(2, 2, "back"),
    SPONTANEOUS(3, 3, "spont"),
    INITIALIZED(4, 4, "init"),
    REQUEST(5, 5, "req"),
    ACTIVATION(6, 6, "act"),
    ACTIVATION_CON(7, 7, "actcon"),
    DEACTIVATION(8, 8, "deact"),
    DEACTIVATION_CON(9, 9, "deactcon"),
    ACTIVATION_TERMINATION(10, 10, "actterm"),
    RETURN_REMOTE(11, 11, "retrem"),
    RETURN_LOCAL(12, 12, "retloc"),
    FILE_TRANSFER(13, 13, "file"),
    INTERROGATED_STATION(20, 20, "inrogen"),
    INTERROGATED_GROUP(21, 36, "inro"),
    COUNTER_GENERAL(37, 37, "reqcogen"),
    COUNTER_GROUP(38, 41, "reqco"),
    UNKNOWN_TYPE(44, 44, "unknown type identification"),
    UNKNOWN_CAUSE(45, 45, "unknown cause of transmission"),
    UNKNOWN_COMMON_ADDRESS(46, 46, "unknown common address of ASDU"),
    UNKNOWN_OBJECT_ADDRESS(47, 47, "unknown information object address"),
    /** 0 (not used) and the reserved values. */
    UNKNOWN(-1, -1, "unknown");

    private final int low;
    private final int high;
    private final String abbreviation;

    Cause(int low, int high, String abbreviation) {
        this.low = low;
        this.high = high;
        this.abbreviation = abbreviation;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final Cause[] VALUES = values();

    public static Cause of(int cause) {
        for (Cause c : VALUES) {
            if (cause >= c.low && cause <= c.high) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** The standard's abbreviation, with the group number for group causes ({@code inro5}). */
    public String abbreviation(int cause) {
        return low == high || this == UNKNOWN ? abbreviation : abbreviation + (cause - low + 1);
    }

    /** True for the negative replies of clause 7.2.3 that name what the station did not know (44–47). */
    public boolean rejection() {
        return low >= 44 && low <= 47;
    }
}
