package io.isthmus.wire.iec104.apci;

/** Why an APDU was rejected; each maps to the stable anomaly code detection sees. */
public enum ApciError {
    /** Bytes where an APDU should start are not the start octet 0x68 (clause 5). */
    START_MISSING("iec104_start_missing"),
    /** The length octet is below 4 (the control field) or above 253 (clause 5). */
    LENGTH_INVALID("iec104_apdu_length_invalid"),
    /** A U-format control octet with no or several of STARTDT/STOPDT/TESTFR set (clause 5.3). */
    U_FUNCTION_INVALID("iec104_u_function_invalid"),
    /** An S- or U-format APDU longer than its 4 control octets: they never carry an ASDU. */
    FORMAT_LENGTH_MISMATCH("iec104_apci_length_mismatch");

    private final String code;

    ApciError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for errors met while searching for an APDU start, reported once per damaged stretch. */
    public boolean lostSynchronisation() {
        return this == START_MISSING || this == LENGTH_INVALID;
    }
}
