package io.isthmus.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a permission holds: on {@code days}, from {@code from} (inclusive) to {@code to} (exclusive)
 * local time in {@code zone}. A window whose end is before its start runs over midnight (a night
 * shift 22:00–06:00), and then the day is the day it started.
 */
public record TimeWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
    public TimeWindow {
        days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (from.equals(to)) {
            throw new IllegalArgumentException("time window from " + from + " to " + to + " is empty");
        }
    }

    public boolean contains(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (from.isBefore(to)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        if (!time.isBefore(from)) {
            return days.contains(local.getDayOfWeek());
        }
        return time.isBefore(to) && days.contains(local.getDayOfWeek().minus(1));
    }

    @Override
    public String toString() {
        return days + " " + from + "-" + to + " " + zone;
    }
}
