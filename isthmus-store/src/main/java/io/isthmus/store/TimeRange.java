package io.isthmus.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A half-open interval of source time, {@code [from, to)}: a sample at {@code from} is inside, one
 * at {@code to} is not, so consecutive ranges never count a sample twice. An empty range ({@code
 * from == to}) is allowed and selects nothing.
 *
 * <p>The historian stores source times in {@link #STORABLE}: from the start of year -70000 up to
 * (not including) the start of year 70000, UTC. That keeps every stored time, the span between two
 * of them, and a time plus a hold or an interval within 64-bit microseconds (±2<sup>61</sup> µs is
 * about ±73,000 years), so no query or append can overflow. Queries reaching beyond it are clamped
 * to it ({@link #storable()}); samples outside it are refused one by one (see {@code
 * AppendResult#samplesRefused}).
 */
public record TimeRange(Instant from, Instant to) {

    /** The source times the historian stores: years -70000 to 69999, UTC. */
    public static final TimeRange STORABLE = new TimeRange(
            LocalDate.of(-70_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            LocalDate.of(70_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));

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

    /**
     * This range cut to {@link #STORABLE}: it selects the same stored samples, and its length and
     * bounds fit in microseconds. A range wholly outside becomes an empty range at the nearer end.
     */
    public TimeRange storable() {
        Instant f = clamp(from);
        Instant t = clamp(to);
        return f.equals(from) && t.equals(to) ? this : new TimeRange(f, t);
    }

    private static Instant clamp(Instant t) {
        if (t.isBefore(STORABLE.from)) {
            return STORABLE.from;
        }
        return t.isAfter(STORABLE.to) ? STORABLE.to : t;
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
