package io.isthmus.wire.opcua.securechannel;

/**
 * MessageSecurityMode (IEC 62541-4 §7.20), as the OpenSecureChannel request carries it: with
 * {@link #SIGN} the symmetric messages are signed but their bodies stay readable; only {@link
 * #SIGN_AND_ENCRYPT} hides them.
 */
public enum SecurityMode {
    INVALID(0),
    NONE(1),
    SIGN(2),
    SIGN_AND_ENCRYPT(3),
    UNKNOWN(-1);

    private final int code;

    SecurityMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final SecurityMode[] VALUES = values();

    public static SecurityMode of(long code) {
        for (SecurityMode m : VALUES) {
            if (m.code == code) {
                return m;
            }
        }
        return UNKNOWN;
    }
}
