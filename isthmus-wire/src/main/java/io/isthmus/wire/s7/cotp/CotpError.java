package io.isthmus.wire.s7.cotp;

import io.isthmus.wire.Anomaly;

/** What can be wrong with a COTP TPDU or a sequence of them (ISO 8073), with its anomaly code. */
public enum CotpError {
    /** The length indicator is 0, 255 (reserved, section 13.2.1) or larger than the TPKT allows. */
    LENGTH_INDICATOR_INVALID("cotp_length_indicator_invalid"),
    /** The length indicator is smaller than the fixed part of this TPDU type. */
    HEADER_TRUNCATED("cotp_header_truncated"),
    /** A parameter of the variable part claims more octets than the header holds. */
    PARAMETER_TRUNCATED("cotp_parameter_truncated"),
    /** More DT TPDUs without the end-of-TSDU mark than the limit allows. */
    FRAGMENTS_UNTERMINATED("cotp_fragments_unterminated"),
    /** The fragments of one TSDU add up to more octets than the limit allows. */
    REASSEMBLY_TOO_LARGE("cotp_reassembly_too_large"),
    /** A TSDU that is neither S7comm (0x32) nor S7comm-plus (0x72) on a flow dissected as S7. */
    PAYLOAD_NOT_S7("cotp_payload_not_s7");

    private final String code;

    CotpError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Anomaly anomaly(String detail) {
        return new Anomaly(code, detail);
    }
}
