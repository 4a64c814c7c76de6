package io.isthmus.insight.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the shift period an instant falls in, fast for instants that come in time order (one
 * lookup per shift change instead of one per sample). Not thread-safe.
 */
public final class PeriodLocator {
    private final ShiftCalendar calendar;
    private ShiftPeriod current;
    private TimeSpan gap;

    public PeriodLocator(ShiftCalendar calendar) {
        this.calendar = calendar;
    }

    /** The period whose span (breaks included) contains {@code t}. */
    public Optional<ShiftPeriod> at(Instant t) {
        if (current != null && current.span().contains(t)) {
            return Optional.of(current);
        }
        if (gap != null && gap.contains(t)) {
            return Optional.empty();
        }
        var ahead = calendar.periods(new TimeSpan(t, t.plus(Duration.ofDays(2))));
        for (ShiftPeriod p : ahead) {
            if (p.span().contains(t)) {
                current = p;
                return Optional.of(p);
            }
        }
        Instant next = ahead.stream()
                .map(ShiftPeriod::start)
                .filter(s -> s.isAfter(t))
                .findFirst()
                .orElse(t.plus(Duration.ofDays(1)));
        gap = new TimeSpan(t, next);
        return Optional.empty();
    }
}
