package io.isthmus.wire.s7.s7comm;

/** The element type of an S7ANY item in a request parameter. */
public enum S7TransportSize {
    BIT(1),
    BYTE(2),
    CHAR(3),
    WORD(4),
    INT(5),
    DWORD(6),
    DINT(7),
    REAL(8),
    DATE(9),
    TOD(10),
    TIME(11),
    S5TIME(12),
    DATE_AND_TIME(15),
    COUNTER(28),
    TIMER(29),
    IEC_TIMER(30),
    IEC_COUNTER(31),
    HS_COUNTER(32),
    UNKNOWN(-1);

    /** The constants by their one-octet code; null where none is defined. */
    private static final S7TransportSize[] BY_CODE = new S7TransportSize[256];

    static {
        for (S7TransportSize c : values()) {
            if (c.code >= 0) {
                BY_CODE[c.code] = c;
            }
        }
    }

    private final int code;

    S7TransportSize(int code) {
        this.code = code;
    }

    public static S7TransportSize of(int code) {
        S7TransportSize c = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return c == null ? UNKNOWN : c;
    }

    public int code() {
        return code;
    }
}
