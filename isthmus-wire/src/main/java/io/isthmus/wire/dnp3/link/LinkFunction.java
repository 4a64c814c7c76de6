package io.isthmus.wire.dnp3.link;

import java.util.Arrays;

/**
 * Link-layer function codes (IEEE 1815-2012 clause 9, control octet), keyed by
 * the PRM bit and the 4-bit code: primary-to-secondary frames carry requests and user data,
 * secondary-to-primary frames carry acknowledgements and status.
 */
public enum LinkFunction {
    RESET_LINK_STATES(true, 0, "Reset Link States"),
    TEST_LINK_STATES(true, 2, "Test Link States"),
    CONFIRMED_USER_DATA(true, 3, "Confirmed User Data"),
    UNCONFIRMED_USER_DATA(true, 4, "Unconfirmed User Data"),
    REQUEST_LINK_STATUS(true, 9, "Request Link Status"),
    ACK(false, 0, "ACK"),
    NACK(false, 1, "NACK"),
    LINK_STATUS(false, 11, "Link Status"),
    NOT_SUPPORTED(false, 15, "Not Supported"),
    /** A code the standard does not define for this PRM value (obsolete or hostile). */
    UNKNOWN(false, -1, "Unknown");

    private final boolean primary;
    private final int code;
    private final String displayName;

    LinkFunction(boolean primary, int code, String displayName) {
        this.primary = primary;
        this.code = code;
        this.displayName = displayName;
    }

    /**
     * The constant per PRM bit and code, at {@code (primary ? 16 : 0) + code} (UNKNOWN where the
     * standard defines none): a lookup, not a search, as every frame asks.
     */
    private static final LinkFunction[] BY_KEY = byKey();

    public static LinkFunction of(boolean primary, int code) {
        return code >= 0 && code < 16 ? BY_KEY[(primary ? 16 : 0) + code] : UNKNOWN;
    }

    private static LinkFunction[] byKey() {
        LinkFunction[] out = new LinkFunction[32];
        Arrays.fill(out, UNKNOWN);
        for (LinkFunction f : values()) {
            if (f.code >= 0) {
                out[(f.primary ? 16 : 0) + f.code] = f;
            }
        }
        return out;
    }

    /** True for the two functions whose frames carry transport segments. */
    public boolean carriesUserData() {
        return this == CONFIRMED_USER_DATA || this == UNCONFIRMED_USER_DATA;
    }

    public String displayName() {
        return displayName;
    }
}
