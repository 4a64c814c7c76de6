package io.isthmus.insight.shift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One occurrence of a shift: the planned operating span and its breaks as instants.
 *
 * @param shift the shift's name
 * @param day the production day: the local date the shift starts on
 * @param span the shift from start to end
 * @param breaks the planned breaks, inside {@code span}, in time order
 */
public record ShiftPeriod(String shift, LocalDate day, TimeSpan span, List<TimeSpan> breaks) {
    public ShiftPeriod {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(span, "span");
        breaks = List.copyOf(breaks);
    }

    public Instant start() {
        return span.from();
    }

    public Instant end() {
        return span.to();
    }

    /**
     * Seconds of {@code window} that are planned busy time: inside the shift and outside its
     * breaks (ISO 22400-2, 5.2.5: planned busy time = planned operation time − planned downtime).
     */
    public double plannedSeconds(TimeSpan window) {
        TimeSpan in = span.intersect(window);
        double s = in.seconds();
        for (TimeSpan b : breaks) {
            s -= b.intersect(in).seconds();
        }
        return s;
    }

    /** Whether {@code t} lies in the shift but in none of its breaks. */
    public boolean isPlanned(Instant t) {
        return span.contains(t) && breaks.stream().noneMatch(b -> b.contains(t));
    }
}
