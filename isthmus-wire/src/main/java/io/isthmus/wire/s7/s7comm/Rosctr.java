package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.CodeTable;

/**
 * The S7comm PDU type (the "remote operating service control" octet of the header): a job from
 * the client, its acknowledgement with or without data, or userdata (the extended functions).
 */
public enum Rosctr {
    JOB(1, "job"),
    ACK(2, "ack"),
    ACK_DATA(3, "ack_data"),
    USERDATA(7, "userdata"),
    UNKNOWN(-1, "unknown");

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final Rosctr[] VALUES = values();

    private final int code;
    private final String id;

    Rosctr(int code, String id) {
        this.code = code;
        this.id = id;
    }

    /** The constants by their one-octet code (an array read per PDU header, not a search). */
    private static final Rosctr[] BY_CODE = CodeTable.of(VALUES, c -> c.code, 0x100, UNKNOWN);

    public static Rosctr of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    public int code() {
        return code;
    }

    /** The stable lower-case name used in the {@code rosctr} attribute. */
    public String id() {
        return id;
    }

    /** Ack and Ack_Data headers carry two more octets: error class and error code. */
    public boolean hasErrorFields() {
        return this == ACK || this == ACK_DATA;
    }
}
