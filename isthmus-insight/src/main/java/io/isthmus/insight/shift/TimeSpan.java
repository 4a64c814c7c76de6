package io.isthmus.insight.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time {@code [from, to)}; empty when {@code from} equals {@code to}. */
public record TimeSpan(Instant from, Instant to) {
    public TimeSpan {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("time span ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The overlap with {@code other}, or an empty span at {@code from} when they do not meet. */
    public TimeSpan intersect(TimeSpan other) {
        Instant a = from.isAfter(other.from) ? from : other.from;
        Instant b = to.isBefore(other.to) ? to : other.to;
        return b.isAfter(a) ? new TimeSpan(a, b) : new TimeSpan(from, from);
    }

    /** Length in seconds, with the nanoseconds. */
    public double seconds() {
        return length().toNanos() / 1e9;
    }
}
