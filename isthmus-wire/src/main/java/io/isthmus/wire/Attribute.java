package io.isthmus.wire;

import java.util.Objects;

/**
 * A named fact a message carries beyond the common fields: an identity field (vendor, product
 * code, firmware, station name), a security policy URI, a written value list. Names are stable
 * lower_snake_case; values are printable text.
 */
public record Attribute(String name, String value) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
