package io.isthmus.insight.oee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.isthmus.insight.shift.PlannedBreak;
import io.isthmus.insight.shift.Shift;
import io.isthmus.insight.shift.ShiftCalendar;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.model.Quality;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * OEE on a hand-built night shift (22:00–06:00 UTC, crossing midnight, a 30-minute break at 02:00),
 * two machines: {@code a} feeds {@code b}, the line's output; ideal cycle time 1 s. Every expected
 * number is worked out in the comments.
 */
class OeeTrackerTest {
    static final Instant NIGHT_START = Instant.parse("2026-11-24T22:00:00Z");
    static final Instant NIGHT_END = Instant.parse("2026-11-25T06:00:00Z");
    static final double EPS = 1e-9;

    static OeeConfig config() {
        ShiftCalendar cal = ShiftCalendar.everyDay(
                ZoneOffset.UTC,
                List.of(
                        new Shift(
                                "day",
                                LocalTime.of(6, 0),
                                LocalTime.of(14, 0),
                                List.of(new PlannedBreak("lunch", LocalTime.of(10, 0), Duration.ofMinutes(30)))),
                        new Shift(
                                "night",
                                LocalTime.of(22, 0),
                                LocalTime.of(6, 0),
                                List.of(new PlannedBreak("meal", LocalTime.of(2, 0), Duration.ofMinutes(30))))));
        LineSpec line = new LineSpec(
                "line1",
                "b",
                List.of(
                        new MachineSpec("a", Readings.equipment("a"), Duration.ofSeconds(1)),
                        new MachineSpec("b", Readings.equipment("b"), Duration.ofSeconds(1))));
        return new OeeConfig(
                cal, line, FaultCatalog.DEFAULT, OeePoints.DEFAULT, Duration.ofSeconds(30), 4_294_967_296.0);
    }

    /**
     * b: running, except faulted (201, bottle jam) 23:00–23:20, idle 01:00–01:10 (starved: a
     * faulted 101), stopped in the break, silent 05:00–05:15. a: running, except faulted (101)
     * 01:00–01:10 and stopped in the break. Polled every 30 s, each reading holding 30 s.
     */
    static Readings night() {
        Readings r = new Readings(Duration.ofSeconds(30));
        r.state("a", "2026-11-24T21:50:00Z", "2026-11-25T01:00:00Z", MachineState.RUNNING, 0)
                .state("a", "2026-11-25T01:00:00Z", "2026-11-25T01:10:00Z", MachineState.FAULTED, 101)
                .state("a", "2026-11-25T01:10:00Z", "2026-11-25T02:00:00Z", MachineState.RUNNING, 0)
                .state("a", "2026-11-25T02:00:00Z", "2026-11-25T02:30:00Z", MachineState.STOPPED, 0)
                .state("a", "2026-11-25T02:30:00Z", "2026-11-25T06:00:00Z", MachineState.RUNNING, 0);
        r.state("b", "2026-11-24T21:50:00Z", "2026-11-24T23:00:00Z", MachineState.RUNNING, 0)
                .state("b", "2026-11-24T23:00:00Z", "2026-11-24T23:20:00Z", MachineState.FAULTED, 201)
                .state("b", "2026-11-24T23:20:00Z", "2026-11-25T01:00:00Z", MachineState.RUNNING, 0)
                .state("b", "2026-11-25T01:00:00Z", "2026-11-25T01:10:00Z", MachineState.IDLE, 0)
                .state("b", "2026-11-25T01:10:00Z", "2026-11-25T02:00:00Z", MachineState.RUNNING, 0)
                .state("b", "2026-11-25T02:00:00Z", "2026-11-25T02:30:00Z", MachineState.STOPPED, 0)
                .state("b", "2026-11-25T02:30:00Z", "2026-11-25T05:00:00Z", MachineState.RUNNING, 0)
                .state("b", "2026-11-25T05:15:00Z", "2026-11-25T06:00:00Z", MachineState.RUNNING, 0);
        // b's good counter rolls over at 2^32: 4,294,967,000 → 2,704 is +3,000 (296 to the wrap, 2,704 after)
        r.count("b", "goodCount", "2026-11-24T21:59:30Z", 4_294_967_000L)
                .count("b", "goodCount", "2026-11-24T23:00:00Z", 2_704)
                .count("b", "goodCount", "2026-11-25T05:59:30Z", 20_704) // +18,000: 21,000 good in the shift
                .count("b", "rejectCount", "2026-11-24T21:59:30Z", 100)
                .count("b", "rejectCount", "2026-11-25T05:59:30Z", 400); // +300 rejected
        // a's good counter is reset at 03:00 (PLC restart): 5,000 → 9,000 (+4,000), then 10 (+10), then 1,010 (+1,000)
        r.count("a", "goodCount", "2026-11-24T21:59:30Z", 5_000)
                .count("a", "goodCount", "2026-11-25T02:59:30Z", 9_000)
                .count("a", "goodCount", "2026-11-25T03:00:00Z", 10)
                .count("a", "goodCount", "2026-11-25T05:59:30Z", 1_010)
                .count("a", "rejectCount", "2026-11-24T21:59:30Z", 7)
                .count("a", "rejectCount", "2026-11-25T05:59:30Z", 7);
        return r;
    }

    static OeeResult find(List<OeeResult> results, Scope scope, String id) {
        return results.stream()
                .filter(r -> r.scope() == scope && r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static Loss loss(OeeResult r, MachineState state, int faultCode) {
        return r.losses().stream()
                .filter(l ->
                        l.state() == state && l.fault().map(FaultInfo::code).orElse(0) == faultCode)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + state + "/" + faultCode + " loss in " + r.losses()));
    }

    @Test
    void nightShiftCrossingMidnightGivesHandCheckedOee() {
        List<OeeResult> results = OeeTracker.compute(
                config(), night().inTimeOrder(), new TimeSpan(NIGHT_START, NIGHT_END), Grouping.SHIFT);

        OeeResult b = find(results, Scope.MACHINE, "b");
        // PBT = 8 h − 30 min break = 27,000 s
        assertThat(b.plannedBusySeconds()).isCloseTo(27_000, within(EPS));
        // APT = 3,600 (22–23) + 6,000 (23:20–01:00) + 3,000 (01:10–02:00) + 9,000 (02:30–05:00) + 2,700 (05:15–06:00)
        assertThat(b.productionSeconds()).isCloseTo(24_300, within(EPS));
        assertThat(b.availability()).isCloseTo(0.9, within(EPS));
        assertThat(b.good()).isEqualTo(21_000);
        assertThat(b.produced()).isEqualTo(21_300);
        assertThat(b.performance()).isCloseTo(21_300.0 / 24_300, within(EPS)); // 0.8765
        assertThat(b.quality()).isCloseTo(21_000.0 / 21_300, within(EPS)); // 0.9859
        assertThat(b.oee()).isCloseTo(0.9 * 21_000 / 24_300, within(EPS)); // 0.7778
        assertThat(b.period().shift()).contains("night");
        assertThat(b.period().day()).hasToString("2026-11-24"); // the day the shift started
        assertThat(b.period().span()).isEqualTo(new TimeSpan(NIGHT_START, NIGHT_END));

        Loss jam = loss(b, MachineState.FAULTED, 201);
        assertThat(jam.seconds()).isCloseTo(1_200, within(EPS));
        assertThat(jam.count()).isEqualTo(1);
        assertThat(jam.fault().orElseThrow().faultClass()).isEqualTo("material");
        assertThat(loss(b, MachineState.IDLE, 0).seconds()).isCloseTo(600, within(EPS));
        assertThat(loss(b, MachineState.IDLE, 0).count()).isEqualTo(1);
        assertThat(loss(b, MachineState.UNKNOWN, 0).seconds()).isCloseTo(900, within(EPS)); // 05:00–05:15 silent
        assertThat(b.losses().stream().mapToDouble(Loss::seconds).sum()).isCloseTo(27_000 - 24_300, within(EPS));
        // the break is planned downtime, not a loss
        assertThat(b.losses()).noneMatch(l -> l.state() == MachineState.STOPPED);
    }

    @Test
    void aCounterResetCountsFromZeroAndARolloverThroughTheTop() {
        List<OeeResult> results = OeeTracker.compute(
                config(), night().inTimeOrder(), new TimeSpan(NIGHT_START, NIGHT_END), Grouping.SHIFT);
        OeeResult a = find(results, Scope.MACHINE, "a");
        assertThat(a.good()).isEqualTo(4_000 + 10 + 1_000);
        assertThat(a.produced()).isEqualTo(5_010);
        // a ran the whole planned time but for the 10-minute overload trip
        assertThat(a.productionSeconds()).isCloseTo(27_000 - 600, within(EPS));
        assertThat(loss(a, MachineState.FAULTED, 101).seconds()).isCloseTo(600, within(EPS));
        assertThat(find(results, Scope.MACHINE, "b").good()).isEqualTo(21_000); // +3,000 across the wrap
    }

    @Test
    void theLineIsHeldByTheFirstFaultedMachine() {
        List<OeeResult> results = OeeTracker.compute(
                config(), night().inTimeOrder(), new TimeSpan(NIGHT_START, NIGHT_END), Grouping.SHIFT);
        OeeResult line = find(results, Scope.LINE, "line1");
        assertThat(line.productionSeconds()).isCloseTo(24_300, within(EPS));
        assertThat(line.good()).isEqualTo(21_000);
        // 01:00–01:10 b was only idle; the line's loss is a's overload trip
        Loss trip = loss(line, MachineState.FAULTED, 101);
        assertThat(trip.seconds()).isCloseTo(600, within(EPS));
        assertThat(trip.machine()).isEqualTo("a");
        assertThat(loss(line, MachineState.FAULTED, 201).seconds()).isCloseTo(1_200, within(EPS));
        assertThat(loss(line, MachineState.UNKNOWN, 0).seconds()).isCloseTo(900, within(EPS));
        assertThat(line.losses()).noneMatch(l -> l.state() == MachineState.IDLE);
        assertThat(line.oee()).isCloseTo(0.9 * 21_000 / 24_300, within(EPS));
    }

    @Test
    void aDayAddsUpItsShifts() {
        Readings r = night();
        r.state("a", "2026-11-25T06:00:00Z", "2026-11-25T14:00:00Z", MachineState.RUNNING, 0)
                .state("b", "2026-11-25T06:00:00Z", "2026-11-25T14:00:00Z", MachineState.RUNNING, 0)
                .count("b", "goodCount", "2026-11-25T13:59:30Z", 30_704) // +10,000 in the day shift
                .count("b", "rejectCount", "2026-11-25T13:59:30Z", 400);
        TimeSpan window = new TimeSpan(NIGHT_START, Instant.parse("2026-11-25T14:00:00Z"));
        List<OeeResult> byShift = OeeTracker.compute(config(), r.inTimeOrder(), window, Grouping.SHIFT);
        List<OeeResult> byDay = OeeTracker.compute(config(), r.inTimeOrder(), window, Grouping.DAY);

        List<OeeResult> bShifts =
                byShift.stream().filter(x -> x.id().equals("b")).toList();
        assertThat(bShifts).extracting(x -> x.period().shift().orElseThrow()).containsExactly("night", "day");
        OeeResult dayShift = bShifts.get(1);
        assertThat(dayShift.plannedBusySeconds()).isCloseTo(27_000, within(EPS)); // 8 h − lunch
        assertThat(dayShift.availability()).isCloseTo(1.0, within(EPS)); // lunch is planned, so it is not a loss
        assertThat(dayShift.good()).isEqualTo(10_000);

        // by day: the night shift belongs to 24 November, the day shift to 25 November
        List<OeeResult> bDays = byDay.stream().filter(x -> x.id().equals("b")).toList();
        assertThat(bDays).extracting(x -> x.period().day().toString()).containsExactly("2026-11-24", "2026-11-25");
        assertThat(bDays).allMatch(x -> x.period().shift().equals(Optional.empty()));
        assertThat(bDays.get(0).good()).isEqualTo(21_000);
        assertThat(bDays.get(1).good()).isEqualTo(10_000);
    }

    @Test
    void liveFiguresCountTheCurrentStateUpToNow() {
        OeeTracker t = new OeeTracker(config(), NIGHT_START);
        night().inTimeOrder().stream()
                .filter(s -> s.sourceTime().isBefore(Instant.parse("2026-11-24T23:10:00Z")))
                .forEach(t::accept);
        // at 23:10:10 b has run 3,600 s and been jammed 600 s; its last reading (23:09:30) holds 30 s
        List<OeeResult> now =
                t.results(Grouping.SHIFT, new TimeSpan(NIGHT_START, Instant.parse("2026-11-24T23:10:00Z")));
        OeeResult b = find(now, Scope.MACHINE, "b");
        assertThat(b.plannedBusySeconds()).isCloseTo(4_200, within(EPS));
        assertThat(b.productionSeconds()).isCloseTo(3_600, within(EPS));
        assertThat(loss(b, MachineState.FAULTED, 201).seconds()).isCloseTo(600, within(EPS));
        assertThat(b.good()).isEqualTo(3_000);
    }

    @Test
    void badQualityStateIsNoDataAndOlderSamplesAreDropped() {
        OeeTracker t = new OeeTracker(config(), NIGHT_START);
        Readings r = new Readings(Duration.ofSeconds(30));
        r.state("b", "2026-11-24T22:00:00Z", "2026-11-24T22:10:00Z", MachineState.RUNNING, 0)
                .sample("b", "state", "2026-11-24T22:10:00Z", Value.of(1), Quality.BAD_COMM)
                .state("b", "2026-11-24T22:20:00Z", "2026-11-24T22:30:00Z", MachineState.RUNNING, 0);
        r.inTimeOrder().forEach(t::accept);
        t.accept(new io.isthmus.model.Sample(
                Readings.tag("b", "state"), Instant.parse("2026-11-24T22:00:00Z"), Value.of(3), Quality.GOOD));
        assertThat(t.outOfOrder()).isEqualTo(1);
        OeeResult b = find(
                t.results(Grouping.SHIFT, new TimeSpan(NIGHT_START, Instant.parse("2026-11-24T22:30:00Z"))),
                Scope.MACHINE,
                "b");
        assertThat(b.productionSeconds()).isCloseTo(1_200, within(EPS));
        assertThat(loss(b, MachineState.UNKNOWN, 0).seconds()).isCloseTo(600, within(EPS));
    }
}
