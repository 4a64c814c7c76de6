package io.isthmus.wire.profinet;

/** DCP ServiceType (IEC 61158-6-10): request, or a response that succeeded or was not supported. */
public enum DcpServiceType {
    REQUEST(0),
    RESPONSE_SUCCESS(1),
    RESPONSE_NOT_SUPPORTED(5),
    UNKNOWN(-1);

    private final int code;

    DcpServiceType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean response() {
        return this == RESPONSE_SUCCESS || this == RESPONSE_NOT_SUPPORTED;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final DcpServiceType[] VALUES = values();

    public static DcpServiceType of(int code) {
        for (DcpServiceType t : VALUES) {
            if (t.code == code) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
