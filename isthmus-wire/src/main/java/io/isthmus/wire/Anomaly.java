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
        if (!code.matches("[a-z0-9_]{3,64}")) {
            throw new IllegalArgumentException("anomaly codes are lower_snake_case, was '" + code + "'");
        }
    }
}
