package io.isthmus.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval of source time, {@code [from, to)}: a sample at {@code from} is inside, one
 * at {@code to} is not, so consecutive ranges never count a sample twice. An empty range ({@code
 * from == to}) is allowed and selects nothing.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.RANGE_REVERSED, "from " + from + " is after to " + to);
        }
    }

    public static TimeRange of(Instant from, Instant to) {
        return new TimeRange(from, to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
