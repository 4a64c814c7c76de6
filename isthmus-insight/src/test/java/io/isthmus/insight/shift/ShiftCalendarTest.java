package io.isthmus.insight.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShiftCalendarTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Shift NIGHT = new Shift(
            "night",
            LocalTime.of(22, 0),
            LocalTime.of(6, 0),
            List.of(new PlannedBreak("meal", LocalTime.of(2, 0), Duration.ofMinutes(30))));
    static final Shift EARLY = new Shift("early", LocalTime.of(6, 0), LocalTime.of(14, 0));

    @Test
    void aNightShiftBelongsToTheDayItStartsOnAndItsBreakToTheNextMorning() {
        ShiftCalendar cal = ShiftCalendar.everyDay(BERLIN, List.of(EARLY, NIGHT));
        ShiftPeriod p = cal.period(NIGHT, LocalDate.of(2026, 11, 24));
        assertThat(p.start()).isEqualTo(Instant.parse("2026-11-24T21:00:00Z")); // CET = UTC+1
        assertThat(p.end()).isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));
        assertThat(p.breaks())
                .containsExactly(
                        new TimeSpan(Instant.parse("2026-11-25T01:00:00Z"), Instant.parse("2026-11-25T01:30:00Z")));
        assertThat(p.plannedSeconds(p.span())).isCloseTo(27_000, within(1e-9));
        assertThat(cal.periodAt(Instant.parse("2026-11-25T00:00:00Z"))
                        .orElseThrow()
                        .day())
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void theNightTheClocksGoBackIsAnHourLonger() {
        // 25 October 2026, 03:00 CEST → 02:00 CET: the night shift of the 24th runs 9 hours
        ShiftCalendar cal = ShiftCalendar.everyDay(BERLIN, List.of(NIGHT));
        ShiftPeriod p = cal.period(NIGHT, LocalDate.of(2026, 10, 24));
        assertThat(p.span().length()).isEqualTo(Duration.ofHours(9));
        assertThat(p.plannedSeconds(p.span())).isCloseTo(9 * 3600 - 1800, within(1e-9));
    }

    @Test
    void nonWorkingDaysAndDatesHaveNoShifts() {
        ShiftCalendar cal = new ShiftCalendar(
                ZoneId.of("UTC"),
                List.of(EARLY),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.of(2026, 12, 25)));
        // Mon 21 Dec .. Sun 27 Dec 2026: Christmas (Friday) and the weekend are off
        List<ShiftPeriod> week =
                cal.periods(new TimeSpan(Instant.parse("2026-12-21T00:00:00Z"), Instant.parse("2026-12-28T00:00:00Z")));
        assertThat(week)
                .extracting(ShiftPeriod::day)
                .extracting(LocalDate::getDayOfMonth)
                .containsExactly(21, 22, 23, 24);
        assertThat(cal.periodAt(Instant.parse("2026-12-25T08:00:00Z"))).isEmpty();
    }

    @Test
    void thePeriodLocatorFindsShiftsAndGapsInTimeOrder() {
        ShiftCalendar cal = ShiftCalendar.everyDay(ZoneId.of("UTC"), List.of(EARLY));
        PeriodLocator l = new PeriodLocator(cal);
        assertThat(l.at(Instant.parse("2026-11-25T05:59:59Z"))).isEmpty();
        assertThat(l.at(Instant.parse("2026-11-25T06:00:00Z")).orElseThrow().shift())
                .isEqualTo("early");
        assertThat(l.at(Instant.parse("2026-11-25T13:59:59Z"))).isPresent();
        assertThat(l.at(Instant.parse("2026-11-25T14:00:00Z"))).isEmpty();
        assertThat(l.at(Instant.parse("2026-11-26T07:00:00Z")).orElseThrow().day())
                .isEqualTo(LocalDate.of(2026, 11, 26));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "overlapping shifts",
                        (Supplier<Object>) () -> ShiftCalendar.everyDay(
                                BERLIN, List.of(EARLY, new Shift("late", LocalTime.of(13, 0), LocalTime.of(21, 0)))),
                        "shifts 'early' and 'late' overlap"),
                Arguments.of(
                        "night overlapping early",
                        (Supplier<Object>) () -> ShiftCalendar.everyDay(
                                BERLIN, List.of(EARLY, new Shift("n", LocalTime.of(22, 0), LocalTime.of(7, 0)))),
                        "overlap"),
                Arguments.of(
                        "same name twice",
                        (Supplier<Object>) () -> ShiftCalendar.everyDay(
                                BERLIN, List.of(EARLY, new Shift("early", LocalTime.of(14, 0), LocalTime.of(22, 0)))),
                        "shift name 'early' is used twice"),
                Arguments.of(
                        "no shifts",
                        (Supplier<Object>) () -> ShiftCalendar.everyDay(BERLIN, List.of()),
                        "1..24 shifts"),
                Arguments.of(
                        "break after the shift",
                        (Supplier<Object>) () -> new Shift(
                                "early",
                                LocalTime.of(6, 0),
                                LocalTime.of(14, 0),
                                List.of(new PlannedBreak("b", LocalTime.of(13, 45), Duration.ofMinutes(30)))),
                        "does not lie inside shift 'early'"),
                Arguments.of(
                        "zero-length break",
                        (Supplier<Object>) () -> new PlannedBreak("b", LocalTime.NOON, Duration.ZERO),
                        "length must be positive"),
                Arguments.of(
                        "blank name",
                        (Supplier<Object>) () -> new Shift(" ", LocalTime.NOON, LocalTime.MIDNIGHT),
                        "shift name must be 1..64 characters"),
                Arguments.of(
                        "reversed span",
                        (Supplier<Object>) () -> new TimeSpan(Instant.EPOCH.plusSeconds(1), Instant.EPOCH),
                        "ends"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCalendarsAreRefusedWithTheReason(String name, Supplier<Object> build, String message) {
        assertThatThrownBy(build::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
