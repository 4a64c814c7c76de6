package io.isthmus.insight.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.isthmus.insight.oee.Grouping;
import io.isthmus.insight.oee.OeeConfig;
import io.isthmus.insight.oee.OeeResult;
import io.isthmus.insight.oee.OeeTracker;
import io.isthmus.insight.oee.OeeTrackerTestAccess;
import io.isthmus.insight.oee.Scope;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Energy on the same hand-built night as the OEE test (22:00–06:00 UTC, break 02:00–02:30): machine
 * b's meter is reset at midnight and silent for three hours, the line's incomer rolls over at
 * 2^32 × 0.1 kWh. Every expected number is worked out in the comments.
 */
class EnergyTrackerTest {
    static final TagPath B = OeeTrackerTestAccess.tag("b", "energy");
    static final TagPath INCOMER = new TagPath("acme", "site", "area", "line1", "utilities", "meter", "incomerEnergy");
    static final Instant NIGHT_START = Instant.parse("2026-11-24T22:00:00Z");
    static final Instant NIGHT_END = Instant.parse("2026-11-25T06:00:00Z");
    static final Instant DAY_END = Instant.parse("2026-11-25T14:00:00Z");
    static final double EPS = 1e-6;

    static EnergyConfig config(EmissionFactorTable factors) {
        OeeConfig oee = OeeTrackerTestAccess.config();
        return new EnergyConfig(
                oee.calendar(),
                List.of(new EnergyMeter(Scope.LINE, "line1", INCOMER), new EnergyMeter(Scope.MACHINE, "b", B)),
                EnergyConfig.COUNTER_MAX_32_TENTHS,
                Duration.ofHours(2),
                factors);
    }

    static final EmissionFactorTable FACTORS = new EmissionFactorTable(
            List.of(new EmissionFactors(2026, 0.4, 0.25, "test values"), new EmissionFactors(2020, 0.5, 0.5, "old")));

    static List<Sample> meterReadings() {
        List<Sample> s = new ArrayList<>();
        reading(s, B, "2026-11-24T22:00:00Z", 1000.0);
        reading(s, B, "2026-11-24T23:00:00Z", 1010.0); // +10
        reading(s, B, "2026-11-25T00:00:00Z", 2.0); // meter reset: +2 counted from zero
        reading(s, B, "2026-11-25T01:00:00Z", 12.0); // +10
        reading(s, B, "2026-11-25T04:00:00Z", 42.0); // +30 across a 3-hour gap
        reading(s, B, "2026-11-25T05:00:00Z", 52.0); // +10
        reading(s, B, "2026-11-25T05:30:00Z", 57.0); // +5
        reading(s, B, "2026-11-25T06:30:00Z", 67.0); // +10, half before 06:00 (night), half after (day)
        reading(s, B, "2026-11-25T07:00:00Z", 72.0); // +5 (day)
        s.add(new Sample(B, Instant.parse("2026-11-25T07:30:00Z"), Value.of(0.0), Quality.BAD_COMM)); // skipped
        reading(s, INCOMER, "2026-11-24T22:00:00Z", 429_496_700.0);
        reading(s, INCOMER, "2026-11-25T06:00:00Z", 100.0); // rollover: 29.6 to the top + 100 = 129.6
        reading(s, INCOMER, "2026-11-25T14:00:00Z", 300.0); // +200
        s.sort(Comparator.comparing(Sample::sourceTime));
        return s;
    }

    static void reading(List<Sample> out, TagPath tag, String at, double kwh) {
        out.add(Sample.good(tag, Instant.parse(at), Value.of(kwh)));
    }

    static EnergyResult find(List<EnergyResult> rs, String id, String shift) {
        return rs.stream()
                .filter(r -> r.id().equals(id) && r.period().shift().orElse("").equals(shift))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void kwhPerShiftWithResetGapRolloverAndShiftBoundary() {
        EnergyTracker t = new EnergyTracker(config(FACTORS), NIGHT_START);
        meterReadings().forEach(t::accept);
        List<EnergyResult> rs = t.results(Grouping.SHIFT, new TimeSpan(NIGHT_START, DAY_END), List.of());

        // b, night: 10 + 2 + 10 + 30 + 10 + 5 + 5 = 72 kWh; day: 5 + 5 = 10 kWh
        assertThat(find(rs, "b", "night").kwh()).isCloseTo(72, within(EPS));
        assertThat(find(rs, "b", "day").kwh()).isCloseTo(10, within(EPS));
        // line: 129.6 kWh across the rollover, then 200
        assertThat(find(rs, "line1", "night").kwh()).isCloseTo(129.6, within(EPS));
        assertThat(find(rs, "line1", "day").kwh()).isCloseTo(200, within(EPS));

        assertThat(t.resets()).isEqualTo(1);
        assertThat(t.rollovers()).isEqualTo(1);
        assertThat(t.refusedReadings()).isEqualTo(1);
        // the incomer's 8-hour spans and b's 3-hour silence are longer than the 2-hour max gap
        assertThat(t.gaps())
                .extracting(EnergyGap::meter, g -> g.span().from().toString(), g -> Math.round(g.kwh() * 1000) / 1000.0)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("line1", "2026-11-24T22:00:00Z", 129.6),
                        org.assertj.core.groups.Tuple.tuple("b", "2026-11-25T01:00:00Z", 30.0),
                        org.assertj.core.groups.Tuple.tuple("line1", "2026-11-25T06:00:00Z", 200.0));
    }

    @Test
    void kwhPerGoodUnitAndBothScope2Methods() {
        List<Sample> all = new ArrayList<>(OeeTrackerTestAccess.nightSamples());
        all.addAll(meterReadings());
        all.sort(Comparator.comparing(Sample::sourceTime));
        TimeSpan night = new TimeSpan(NIGHT_START, NIGHT_END);
        List<OeeResult> oee = OeeTracker.compute(OeeTrackerTestAccess.config(), all, night, Grouping.SHIFT);
        List<EnergyResult> rs = EnergyTracker.compute(config(FACTORS), all, night, Grouping.SHIFT, oee);

        EnergyResult b = find(rs, "b", "night");
        assertThat(b.goodUnits()).isEqualTo(21_000); // from the OEE test's hand-checked counters
        assertThat(b.kwhPerGoodUnit()).isCloseTo(72.0 / 21_000, within(1e-12)); // 3.43 Wh per bottle
        assertThat(b.co2eLocationKg()).isCloseTo(72 * 0.4, within(EPS)); // 28.8 kg
        assertThat(b.co2eMarketKg()).isCloseTo(72 * 0.25, within(EPS)); // 18.0 kg
        assertThat(b.factors().orElseThrow().year()).isEqualTo(2026);
        EnergyResult line = find(rs, "line1", "night");
        assertThat(line.goodUnits()).isEqualTo(21_000);
        assertThat(line.kwhPerGoodUnit()).isCloseTo(129.6 / 21_000, within(1e-9));
    }

    @Test
    void aYearWithoutFactorsUsesTheLatestEarlierYearAndNoneBeforeTheFirst() {
        EmissionFactorTable table = new EmissionFactorTable(List.of(new EmissionFactors(2024, 0.3, 0.2, "x")));
        assertThat(table.forYear(2026).orElseThrow().year()).isEqualTo(2024);
        assertThat(table.forYear(2023)).isEmpty();

        EnergyTracker t = new EnergyTracker(
                config(new EmissionFactorTable(List.of(new EmissionFactors(2030, 0.3, 0.2, "future")))), NIGHT_START);
        meterReadings().forEach(t::accept);
        EnergyResult b = find(t.results(Grouping.SHIFT, new TimeSpan(NIGHT_START, NIGHT_END), List.of()), "b", "night");
        assertThat(b.co2eLocationKg()).isNaN();
        assertThat(b.kwhPerGoodUnit()).isNaN(); // no good units known
    }

    @Test
    void byDaySumsTheShiftsOfAProductionDay() {
        EnergyTracker t = new EnergyTracker(config(FACTORS), NIGHT_START);
        meterReadings().forEach(t::accept);
        List<EnergyResult> rs = t.results(Grouping.DAY, new TimeSpan(NIGHT_START, DAY_END), List.of());
        assertThat(rs.stream().filter(r -> r.id().equals("b")))
                .extracting(r -> r.period().day().toString(), EnergyResult::kwh)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-11-24", 72.0),
                        org.assertj.core.groups.Tuple.tuple("2026-11-25", 10.0));
    }
}
