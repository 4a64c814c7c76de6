package io.isthmus.wire;

import java.util.Objects;

/**
 * Something wrong or suspicious in a message, as evidence for detection: a stable machine code
 * ({@code mbap_length_invalid}, {@code dnp3_crc_mismatch}) and a human detail naming the values.
 */
public record Anomaly(String code, String detail) {
    public Anomaly {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        if (!isCode(code)) {
            throw new IllegalArgumentException("anomaly codes are lower_snake_case, was '" + code + "'");
        }
    }

    /**
     * Codes that passed the check, by their hash's low bits: dissectors name their codes with
     * constants, so a code is nearly always the very string checked before, and then it is one
     * comparison, not a loop over its characters. Threads may race on a slot; a reader then sees a
     * valid code or another (a {@code String} is safely published) and at worst checks again.
     */
    private static final String[] CHECKED = new String[256];

    /** {@code [a-z0-9_]{3,64}}: dissectors create an anomaly per damaged message. */
    private static boolean isCode(String code) {
        int slot = code.hashCode() & (CHECKED.length - 1);
        if (CHECKED[slot] == code) {
            return true;
        }
        if (!matches(code)) {
            return false;
        }
        CHECKED[slot] = code;
        return true;
    }

    /** {@code [a-z0-9_]{3,64}}, checked by hand. */
    private static boolean matches(String code) {
        int n = code.length();
        if (n < 3 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
