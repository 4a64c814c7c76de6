package io.isthmus.insight.shift;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the plant plans to produce: shifts by local time in one zone, the weekdays worked, and
 * non-working dates (holidays, shutdowns). Time outside every shift is not planned and counts
 * neither for nor against OEE; breaks inside a shift are planned downtime.
 *
 * <p>Local times are turned into instants with {@link ZonedDateTime}, so a shift on the night of a
 * DST change is an hour shorter or longer, as it is on the shop floor. A shift belongs to the day
 * it starts on; that day must be a working day and not a non-working date.
 *
 * @param zone the plant's time zone
 * @param shifts at least one; names unique; they must not overlap one another
 * @param workingDays weekdays with production
 * @param nonWorkingDates dates without production even on a working weekday
 */
public record ShiftCalendar(
        ZoneId zone, List<Shift> shifts, Set<DayOfWeek> workingDays, Set<LocalDate> nonWorkingDates) {
    /** Upper bound of the periods one call returns (ten years of three shifts a day). */
    public static final int MAX_PERIODS = 11_000;

    public ShiftCalendar {
        Objects.requireNonNull(zone, "zone");
        shifts = List.copyOf(shifts);
        workingDays = workingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
        nonWorkingDates = Set.copyOf(nonWorkingDates);
        if (shifts.isEmpty() || shifts.size() > 24) {
            throw new IllegalArgumentException("a shift calendar needs 1..24 shifts, has " + shifts.size());
        }
        Set<String> names = new HashSet<>();
        for (Shift s : shifts) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("shift name '" + s.name() + "' is used twice");
            }
        }
        checkNoOverlap(shifts);
    }

    /** Every day worked, no exceptions. */
    public static ShiftCalendar everyDay(ZoneId zone, List<Shift> shifts) {
        return new ShiftCalendar(zone, shifts, EnumSet.allOf(DayOfWeek.class), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !nonWorkingDates.contains(day);
    }

    /** The shift periods that overlap {@code window}, in time order. */
    public List<ShiftPeriod> periods(TimeSpan window) {
        List<ShiftPeriod> out = new ArrayList<>();
        LocalDate first = window.from().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = window.to().atZone(zone).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (Shift s : shifts) {
                ShiftPeriod p = period(s, d);
                if (p.end().isAfter(window.from()) && p.start().isBefore(window.to())) {
                    out.add(p);
                    if (out.size() > MAX_PERIODS) {
                        throw new IllegalArgumentException("the range " + window.from() + " to " + window.to()
                                + " holds more than " + MAX_PERIODS + " shifts; ask for a shorter range");
                    }
                }
            }
        }
        out.sort(Comparator.comparing(ShiftPeriod::start));
        return out;
    }

    /** The shift period containing {@code t} (breaks included), if any. */
    public Optional<ShiftPeriod> periodAt(Instant t) {
        return periods(new TimeSpan(t, t.plusNanos(1))).stream()
                .filter(p -> p.span().contains(t))
                .findFirst();
    }

    /** The occurrence of {@code shift} that starts on {@code day}. */
    public ShiftPeriod period(Shift shift, LocalDate day) {
        Instant start = ZonedDateTime.of(day, shift.start(), zone).toInstant();
        LocalDate endDay = shift.crossesMidnight() ? day.plusDays(1) : day;
        Instant end = ZonedDateTime.of(endDay, shift.end(), zone).toInstant();
        List<TimeSpan> breaks = new ArrayList<>();
        for (PlannedBreak b : shift.breaks()) {
            LocalDate bDay = b.start().isBefore(shift.start()) ? day.plusDays(1) : day;
            Instant bs = ZonedDateTime.of(bDay, b.start(), zone).toInstant();
            Instant be = bs.plus(b.length());
            TimeSpan inShift = new TimeSpan(start, end).intersect(new TimeSpan(bs, be.isAfter(bs) ? be : bs));
            breaks.add(inShift);
        }
        breaks.sort(Comparator.comparing(TimeSpan::from));
        return new ShiftPeriod(shift.name(), day, new TimeSpan(start, end), breaks);
    }

    private static void checkNoOverlap(List<Shift> shifts) {
        for (int i = 0; i < shifts.size(); i++) {
            for (int j = i + 1; j < shifts.size(); j++) {
                if (overlaps(shifts.get(i), shifts.get(j)) || overlaps(shifts.get(j), shifts.get(i))) {
                    throw new IllegalArgumentException("shifts '"
                            + shifts.get(i).name() + "' and '" + shifts.get(j).name() + "' overlap");
                }
            }
        }
    }

    /** Whether {@code b} starts inside {@code a} (by wall clock, wrapping at midnight). */
    private static boolean overlaps(Shift a, Shift b) {
        return Shift.offsetFromStart(a.start(), b.start()).compareTo(a.nominalLength()) < 0;
    }
}
