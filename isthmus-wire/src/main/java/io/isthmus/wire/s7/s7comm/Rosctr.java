package io.isthmus.wire.s7.s7comm;

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

    public static Rosctr of(int code) {
        for (Rosctr r : VALUES) {
            if (r.code == code) {
                return r;
            }
        }
        return UNKNOWN;
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
