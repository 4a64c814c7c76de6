package io.isthmus.insight.shift;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * One shift of the calendar, by local wall-clock times. A shift whose end is not after its start
 * crosses midnight (22:00–06:00) and belongs to the production day it starts on.
 *
 * @param name unique within the calendar, e.g. "early"
 * @param start local start time
 * @param end local end time; equal to {@code start} means a 24-hour shift
 * @param breaks planned breaks, each wholly inside the shift
 */
public record Shift(String name, LocalTime start, LocalTime end, List<PlannedBreak> breaks) {
    public Shift {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("shift name must be 1..64 characters, was '" + name + "'");
        }
        breaks = List.copyOf(breaks);
        for (PlannedBreak b : breaks) {
            long offset = offsetFromStart(start, b.start()).toMinutes();
            if (Duration.ofMinutes(offset).plus(b.length()).compareTo(length(start, end)) > 0) {
                throw new IllegalArgumentException("break '" + b.name() + "' (" + b.start() + ", " + b.length()
                        + ") does not lie inside shift '" + name + "' (" + start + "–" + end + ")");
            }
        }
    }

    public Shift(String name, LocalTime start, LocalTime end) {
        this(name, start, end, List.of());
    }

    /** Whether the shift ends on the next calendar day. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Nominal length by the wall clock (a DST change makes the real one an hour shorter or longer). */
    public Duration nominalLength() {
        return length(start, end);
    }

    static Duration length(LocalTime start, LocalTime end) {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.isZero() ? d.plusDays(1) : d;
    }

    /** Wall-clock distance from the shift start to {@code t}, wrapping past midnight. */
    static Duration offsetFromStart(LocalTime start, LocalTime t) {
        Duration d = Duration.between(start, t);
        return d.isNegative() ? d.plusDays(1) : d;
    }
}
