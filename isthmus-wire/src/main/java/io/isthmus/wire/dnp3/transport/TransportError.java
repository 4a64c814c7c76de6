package io.isthmus.wire.dnp3.transport;

/** Why transport reassembly dropped data; each maps to the stable anomaly code detection sees. */
public enum TransportError {
    /** A segment without FIR arrived while no fragment was being assembled (IEEE 1815-2012 clause 8). */
    NO_FIRST_SEGMENT("dnp3_transport_no_first_segment"),
    /** A segment's sequence number is not the previous one plus one modulo 64 (IEEE 1815-2012 clause 8). */
    OUT_OF_SEQUENCE("dnp3_transport_out_of_sequence"),
    /** A new FIR arrived before the previous fragment's FIN: the unfinished fragment is dropped. */
    FRAGMENT_UNFINISHED("dnp3_transport_fragment_unfinished"),
    /** The fragment grew past the configured maximum fragment size. */
    FRAGMENT_TOO_LARGE("dnp3_transport_fragment_too_large"),
    /** The fragment needed more segments than the configured maximum. */
    TOO_MANY_SEGMENTS("dnp3_transport_too_many_segments"),
    /** More address pairs were assembling fragments at once than allowed: the oldest was dropped. */
    TOO_MANY_REASSEMBLIES("dnp3_transport_too_many_reassemblies"),
    /** A user-data frame without even the transport header octet. */
    EMPTY_SEGMENT("dnp3_transport_empty_segment");

    private final String code;

    TransportError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
