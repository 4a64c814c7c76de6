package io.isthmus.wire.s7.s7commplus;

import io.isthmus.wire.Anomaly;

/** What can be wrong with an S7comm-plus frame, with its stable anomaly code. */
public enum S7CommPlusError {
    /** Fewer octets than the header, integrity part and opcode fields need. */
    HEADER_TRUNCATED("s7p_header_truncated"),
    /** The data length claims more octets than the frame holds. */
    LENGTH_EXCEEDS_FRAME("s7p_length_exceeds_frame"),
    /** More frames without a trailer in a row than the limit allows. */
    FRAGMENTS_UNTERMINATED("s7p_fragments_unterminated");

    private final String code;

    S7CommPlusError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Anomaly anomaly(String detail) {
        return new Anomaly(code, detail);
    }
}
