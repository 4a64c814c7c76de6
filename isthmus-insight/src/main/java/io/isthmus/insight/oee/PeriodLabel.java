package io.isthmus.insight.oee;

import io.isthmus.insight.shift.TimeSpan;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The period a result covers.
 *
 * @param span the part of the shift (or of the day's shifts) that was evaluated: clipped to the
 *     range asked for
 * @param day the production day
 * @param shift the shift's name; empty for a whole day
 */
public record PeriodLabel(TimeSpan span, LocalDate day, Optional<String> shift) {
    public PeriodLabel {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(shift, "shift");
    }
}
