package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.Anomaly;

/** What can be wrong with an S7comm PDU, with its stable anomaly code. */
public enum S7Error {
    /** Fewer octets than the 10- or 12-octet header. */
    HEADER_TRUNCATED("s7_header_truncated"),
    /** A PDU type (ROSCTR) the protocol does not define. */
    ROSCTR_UNKNOWN("s7_rosctr_unknown"),
    /** A job, ack_data or userdata PDU without the parameter that names its function. */
    PARAMETER_MISSING("s7_parameter_missing"),
    /** Parameter plus data length in the header is more than the PDU holds. */
    LENGTH_EXCEEDS_FRAME("s7_length_exceeds_frame"),
    /** A function's parameter is shorter than its fixed fields. */
    PARAMETER_TRUNCATED("s7_parameter_truncated"),
    /** The item count is above the configured maximum. */
    ITEM_COUNT_EXCEEDS_LIMIT("s7_item_count_exceeds_limit"),
    /** The item count claims more items than the parameter or data holds. */
    ITEM_COUNT_EXCEEDS_FRAME("s7_item_count_exceeds_frame"),
    /** An item does not start with the variable specification octet 0x12. */
    ITEM_SPEC_INVALID("s7_item_spec_invalid"),
    /** A data item claims more octets than the data part holds. */
    DATA_TRUNCATED("s7_data_truncated"),
    /** An SZL answer claims more records than it holds or than the limit allows. */
    SZL_RECORDS_INVALID("s7_szl_records_invalid"),
    /** More userdata data units with "more follow" than the limit allows. */
    USERDATA_FRAGMENTS_UNTERMINATED("s7_userdata_fragments_unterminated"),
    /** The userdata data units of one answer add up to more than the limit allows. */
    USERDATA_REASSEMBLY_TOO_LARGE("s7_userdata_reassembly_too_large");

    private final String code;

    S7Error(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Anomaly anomaly(String detail) {
        return new Anomaly(code, detail);
    }
}
