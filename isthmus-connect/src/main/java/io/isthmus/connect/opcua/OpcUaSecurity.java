package io.isthmus.connect.opcua;

import java.util.Locale;
import java.util.Objects;

/**
 * The security a client asks of an endpoint: a security policy and a message security mode (OPC UA
 * Part 4, 7.14 EndpointDescription; Part 7 profiles). Policy None goes only with mode None, and
 * Basic256Sha256 only with Sign or SignAndEncrypt.
 */
public record OpcUaSecurity(Policy policy, Mode mode) {
    public static final OpcUaSecurity NONE = new OpcUaSecurity(Policy.NONE, Mode.NONE);

    /** The security policies Isthmus supports; the older Basic128Rsa15 and Basic256 are deprecated. */
    public enum Policy {
        NONE("None"),
        BASIC256SHA256("Basic256Sha256");

        private final String specName;

        Policy(String specName) {
            this.specName = specName;
        }

        /** The name after {@code http://opcfoundation.org/UA/SecurityPolicy#}. */
        public String specName() {
            return specName;
        }

        /** Accepts the spec name in any case, e.g. {@code None}, {@code basic256sha256}. */
        public static Policy parse(String text) {
            for (Policy p : values()) {
                if (p.specName.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException(
                    "unknown security policy '" + text + "'; expected None or Basic256Sha256");
        }
    }

    /** MessageSecurityMode (Part 4, 7.20). */
    public enum Mode {
        NONE("None"),
        SIGN("Sign"),
        SIGN_AND_ENCRYPT("SignAndEncrypt");

        private final String specName;

        Mode(String specName) {
            this.specName = specName;
        }

        public String specName() {
            return specName;
        }

        /** Accepts {@code None}, {@code Sign}, {@code SignAndEncrypt} or {@code sign-and-encrypt}, any case. */
        public static Mode parse(String text) {
            String key = text == null ? "" : text.strip().replace("-", "").replace("_", "");
            for (Mode m : values()) {
                if (m.specName.equalsIgnoreCase(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(
                    "unknown message security mode '" + text + "'; expected None, Sign or SignAndEncrypt");
        }
    }

    public OpcUaSecurity {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mode, "mode");
        if ((policy == Policy.NONE) != (mode == Mode.NONE)) {
            throw new IllegalArgumentException("security policy " + policy.specName() + " cannot go with mode "
                    + mode.specName() + ": None goes with None, Basic256Sha256 with Sign or SignAndEncrypt");
        }
    }

    /**
     * Parses {@code none}, {@code basic256sha256-sign} or {@code basic256sha256-sign-and-encrypt}
     * (the policy and mode joined by the first '-' after the policy name).
     */
    public static OpcUaSecurity parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        String prefix = Policy.BASIC256SHA256.specName().toLowerCase(Locale.ROOT);
        if (t.startsWith(prefix + "-")) {
            return new OpcUaSecurity(Policy.BASIC256SHA256, Mode.parse(t.substring(prefix.length() + 1)));
        }
        throw new IllegalArgumentException("unknown security '" + text
                + "'; expected none, basic256sha256-sign or basic256sha256-sign-and-encrypt");
    }

    public boolean isNone() {
        return policy == Policy.NONE;
    }

    /** The form {@link #parse} reads. */
    @Override
    public String toString() {
        return isNone()
                ? "none"
                : policy.specName().toLowerCase(Locale.ROOT) + "-" + (mode == Mode.SIGN ? "sign" : "sign-and-encrypt");
    }
}
