package io.isthmus.insight.shift;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A planned break inside a shift (ISO 22400-2: planned downtime, not part of the planned busy
 * time, so a break never lowers availability).
 *
 * @param name shown in reports, e.g. "lunch"
 * @param start local wall-clock start; may be after midnight for a night shift
 * @param length how long; positive, at most 12 hours
 */
public record PlannedBreak(String name, LocalTime start, Duration length) {
    public PlannedBreak {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException(
                    "break '" + name + "' length must be positive and at most 12h, was " + length);
        }
    }
}
