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

    /** {@code [a-z0-9_]{3,64}}, checked by hand: dissectors create an anomaly per damaged message. */
    private static boolean isCode(String code) {
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
