package io.isthmus.wire.iec104.apci;

/**
 * The U-format (unnumbered control) functions (IEC 60870-5-104 clause 5.3), keyed by the whole
 * first control octet: exactly one of STARTDT, STOPDT or TESTFR, either activation or
 * confirmation, plus the two format bits 0b11.
 */
public enum UFunction {
    STARTDT_ACT(0x07, "STARTDT act"),
    STARTDT_CON(0x0B, "STARTDT con"),
    STOPDT_ACT(0x13, "STOPDT act"),
    STOPDT_CON(0x23, "STOPDT con"),
    TESTFR_ACT(0x43, "TESTFR act"),
    TESTFR_CON(0x83, "TESTFR con"),
    /** None or several function bits set: not a valid U-format frame. */
    UNKNOWN(-1, "Unknown U-format");

    private final int control;
    private final String displayName;

    UFunction(int control, String displayName) {
        this.control = control;
        this.displayName = displayName;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final UFunction[] VALUES = values();

    public static UFunction of(int control) {
        for (UFunction f : VALUES) {
            if (f.control == control) {
                return f;
            }
        }
        return UNKNOWN;
    }

    /** The first control octet; -1 for {@link #UNKNOWN}. */
    public int control() {
        return control;
    }

    public String displayName() {
        return displayName;
    }

    /** True for the activations the controlling station (or either side for TESTFR) starts. */
    public boolean activation() {
        return this == STARTDT_ACT || this == STOPDT_ACT || this == TESTFR_ACT;
    }
}
