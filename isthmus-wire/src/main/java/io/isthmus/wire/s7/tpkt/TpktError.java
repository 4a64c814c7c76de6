package io.isthmus.wire.s7.tpkt;

import io.isthmus.wire.Anomaly;

/** What can be wrong with a TPKT header (RFC 1006 section 6), with its stable anomaly code. */
public enum TpktError {
    /** The version octet is not 3. */
    VERSION("tpkt_version_invalid"),
    /** The reserved octet is not 0. */
    RESERVED("tpkt_reserved_nonzero"),
    /** The length is below 7: no room for the header and a COTP TPDU. */
    LENGTH_TOO_SHORT("tpkt_length_too_short"),
    /** The length is above the configured maximum. */
    LENGTH_EXCEEDS_LIMIT("tpkt_length_exceeds_limit");

    private final String code;

    TpktError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Anomaly anomaly(String detail) {
        return new Anomaly(code, detail);
    }
}
