package io.isthmus.insight.oee;

import java.util.Objects;

/**
 * What a fault code means, for loss reports.
 *
 * @param code the PLC's fault code (1..65535)
 * @param faultClass e.g. "electrical", "material"
 * @param description e.g. "bottle jam"
 */
public record FaultInfo(int code, String faultClass, String description) {
    public FaultInfo {
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(description, "description");
        if (code < 0 || code > 65_535) {
            throw new IllegalArgumentException("fault code must be 0..65535, was " + code);
        }
    }
}
