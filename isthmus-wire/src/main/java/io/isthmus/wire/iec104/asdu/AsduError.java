package io.isthmus.wire.iec104.asdu;

/** Problems in an ASDU; each maps to the stable anomaly code detection sees. */
public enum AsduError {
    /** Fewer than the 6 octets of type, qualifier, cause, originator and common address. */
    TOO_SHORT("iec104_asdu_too_short"),
    /** A type identification the standard does not define. */
    TYPE_UNKNOWN("iec104_type_unknown"),
    /** A cause of transmission the standard does not define (0 or reserved). */
    CAUSE_UNKNOWN("iec104_cause_unknown"),
    /** More information objects than the configured maximum. */
    TOO_MANY_OBJECTS("iec104_asdu_too_many_objects"),
    /** The objects the qualifier announces need more octets than the APDU holds. */
    OBJECTS_TRUNCATED("iec104_asdu_objects_truncated"),
    /** Octets left over after the announced objects. */
    TRAILING_OCTETS("iec104_asdu_trailing_octets");

    private final String code;

    AsduError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
