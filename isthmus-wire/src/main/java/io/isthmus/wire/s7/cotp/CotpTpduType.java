package io.isthmus.wire.s7.cotp;

import io.isthmus.wire.CodeTable;

/**
 * The TPDU codes of ISO 8073 section 13.1 table 8 (the high nibble of the second header octet;
 * CR and CC carry a credit in the low nibble, which class 0 sets to 0).
 */
public enum CotpTpduType {
    CONNECTION_REQUEST(0xE, "CR", "COTP Connection Request"),
    CONNECTION_CONFIRM(0xD, "CC", "COTP Connection Confirm"),
    DISCONNECT_REQUEST(0x8, "DR", "COTP Disconnect Request"),
    DISCONNECT_CONFIRM(0xC, "DC", "COTP Disconnect Confirm"),
    DATA(0xF, "DT", "COTP Data"),
    EXPEDITED_DATA(0x1, "ED", "COTP Expedited Data"),
    DATA_ACKNOWLEDGEMENT(0x6, "AK", "COTP Data Acknowledgement"),
    EXPEDITED_DATA_ACKNOWLEDGEMENT(0x2, "EA", "COTP Expedited Data Acknowledgement"),
    REJECT(0x5, "RJ", "COTP Reject"),
    TPDU_ERROR(0x7, "ER", "COTP TPDU Error"),
    /** A code table 8 does not define. */
    UNKNOWN(-1, "unknown", "COTP Unknown TPDU");

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final CotpTpduType[] VALUES = values();

    private final int code;
    private final String abbreviation;
    private final String displayName;

    CotpTpduType(int code, String abbreviation, String displayName) {
        this.code = code;
        this.abbreviation = abbreviation;
        this.displayName = displayName;
    }

    /** The type per high nibble of the code octet: one array read per TPDU instead of a search. */
    private static final CotpTpduType[] BY_NIBBLE = CodeTable.of(VALUES, t -> t.code, 16, UNKNOWN);

    /** The type of the TPDU whose second header octet is {@code codeOctet}. */
    public static CotpTpduType ofCodeOctet(int codeOctet) {
        return BY_NIBBLE[(codeOctet >> 4) & 0x0F];
    }

    /** The TPDU code shifted into the high nibble, as it appears on the wire (0xE0 for CR). */
    public int wireCode() {
        return code < 0 ? -1 : code << 4;
    }

    public String abbreviation() {
        return abbreviation;
    }

    public String displayName() {
        return displayName;
    }
}
