package io.isthmus.insight.oee;

import io.isthmus.insight.shift.PeriodLocator;
import io.isthmus.insight.shift.ShiftCalendar;
import io.isthmus.insight.shift.ShiftPeriod;
import io.isthmus.insight.shift.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The condition of one scope over time, cut into shift periods as it goes. A reading holds until
 * the next one, for at most {@code maxHold}; planned time no reading covers stays unaccounted and is
 * reported as "no data". Nothing before {@code countFrom} is counted (earlier readings only set the
 * starting condition). Readings must come in time order; older ones are refused.
 */
final class ConditionTimeline {
    private final ShiftCalendar calendar;
    private final PeriodLocator locator;
    private final Duration maxHold;
    private final Instant countFrom;
    private final Map<ShiftPeriod, PeriodTotals> bins;
    private Condition current;
    private Instant since;
    private Instant lastSeen;
    private boolean occurrencePending;

    ConditionTimeline(ShiftCalendar calendar, Duration maxHold, Instant countFrom, int maxPeriods) {
        this.calendar = calendar;
        this.locator = new PeriodLocator(calendar);
        this.maxHold = maxHold;
        this.countFrom = countFrom;
        this.bins = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ShiftPeriod, PeriodTotals> eldest) {
                return size() > maxPeriods;
            }
        };
    }

    /** Records that the scope is in {@code c} at {@code t}; false (and nothing changes) if {@code t} is too old. */
    boolean observe(Instant t, Condition c) {
        if (lastSeen != null && t.isBefore(lastSeen)) {
            return false;
        }
        if (current == null) {
            start(t, c, true);
            return true;
        }
        Instant holdEnd = lastSeen.plus(maxHold);
        if (t.isAfter(holdEnd)) {
            occurrencePending = close(bins, new TimeSpan(since, holdEnd), current, occurrencePending);
            start(t, c, !c.equals(current));
        } else if (!c.equals(current)) {
            occurrencePending = close(bins, new TimeSpan(since, t), current, occurrencePending);
            start(t, c, true);
        } else {
            lastSeen = t;
        }
        return true;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** Adds produced units at {@code t} to the period they fall in (breaks included). */
    void addUnits(Instant t, long good, long reject) {
        if (t.isBefore(countFrom)) {
            return;
        }
        locator.at(t).ifPresent(p -> {
            PeriodTotals totals = bins.computeIfAbsent(p, k -> new PeriodTotals());
            totals.good += good;
            totals.reject += reject;
        });
    }

    /** The totals so far, with the current condition counted up to {@code asOf} (within its hold). */
    Map<ShiftPeriod, PeriodTotals> snapshot(Instant asOf) {
        Map<ShiftPeriod, PeriodTotals> copy = new HashMap<>(bins);
        if (current != null) {
            Instant end = lastSeen.plus(maxHold);
            end = end.isBefore(asOf) ? end : asOf;
            if (end.isAfter(since)) {
                Map<ShiftPeriod, PeriodTotals> open = new HashMap<>();
                close(open, new TimeSpan(since, end), current, occurrencePending);
                open.forEach((p, t) -> {
                    PeriodTotals merged = copy.containsKey(p) ? copy.get(p).copy() : new PeriodTotals();
                    merged.addAll(t);
                    copy.put(p, merged);
                });
            }
        }
        return copy;
    }

    private void start(Instant t, Condition c, boolean newOccurrence) {
        current = c;
        since = t;
        lastSeen = t;
        occurrencePending = newOccurrence && !c.running() && !t.isBefore(countFrom);
    }

    /**
     * Adds the planned seconds of {@code segment} in {@code c} to the periods it crosses; a pending
     * occurrence (the condition began at the segment's start) is counted in the first period with
     * planned time in it, so a fault that starts in a break counts in its shift. Returns whether
     * the occurrence is still pending (the segment held no planned time).
     */
    private boolean close(Map<ShiftPeriod, PeriodTotals> sink, TimeSpan segment, Condition c, boolean pending) {
        Instant from = segment.from().isBefore(countFrom) ? countFrom : segment.from();
        if (!segment.to().isAfter(from)) {
            return pending;
        }
        TimeSpan counted = new TimeSpan(from, segment.to());
        for (ShiftPeriod p : calendar.periods(counted)) {
            double s = p.plannedSeconds(counted);
            if (s > 0) {
                PeriodTotals totals = sink.computeIfAbsent(p, k -> new PeriodTotals());
                totals.addSeconds(c, s);
                if (pending) {
                    totals.addOccurrence(c);
                    pending = false;
                }
            }
        }
        return pending;
    }
}
