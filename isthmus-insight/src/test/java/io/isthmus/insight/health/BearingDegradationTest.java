package io.isthmus.insight.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import io.isthmus.sim.process.FaultCode;
import io.isthmus.sim.process.MachineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The health scorer on the virtual factory's process model: a bearing worn to failure by the
 * {@code DegradeBearing} action is flagged long before it trips, and a healthy line raises nothing.
 * The lead times are printed; docs/insight.md records them.
 */
class BearingDegradationTest {
    private static final Duration DEGRADATION = Duration.ofHours(4);

    @Test
    void aWearingBearingIsFlaggedLongBeforeItTripsAndBeforeThePlcWarns() {
        SimulatedLine sim = new SimulatedLine(7);
        MotorHealthScorer scorer = new MotorHealthScorer(HealthConfig.DEFAULT);
        List<MotorHealth> filler = new ArrayList<>();
        Map<String, Integer> anomaliesElsewhere = new HashMap<>();
        Instant[] plcWarning = {null};
        String fillerCell = MachineKind.FILLER.cell();
        java.util.function.Consumer<Sample> sink = s -> {
            boolean isFiller = s.path().cell().equals(fillerCell);
            if (isFiller
                    && s.path().point().equals("vibrationWarning")
                    && s.value().equals(Value.of(true))) {
                if (plcWarning[0] == null) {
                    plcWarning[0] = s.sourceTime();
                }
            }
            scorer.accept(s).ifPresent(h -> {
                if (isFiller) {
                    filler.add(h);
                } else if (h.anomaly()) {
                    anomaliesElsewhere.merge(h.equipment(), 1, Integer::sum);
                }
            });
        };

        sim.run(Duration.ofMinutes(90), sink);
        assertThat(filler).anyMatch(h -> h.phase() == MotorHealth.Phase.MONITORING);
        assertThat(filler).noneMatch(MotorHealth::anomaly);
        Instant degradeFrom = sim.line.now();
        sim.line.degradeBearing(MachineKind.FILLER, DEGRADATION);
        sim.run(Duration.ofHours(12), sink, () -> sim.line.fault(MachineKind.FILLER) == FaultCode.BEARING_FAILURE);
        Instant failure = sim.line.now();

        assertThat(sim.line.fault(MachineKind.FILLER)).isEqualTo(FaultCode.BEARING_FAILURE);
        MotorHealth firstAnomaly = filler.stream()
                .filter(MotorHealth::anomaly)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the worn bearing was never flagged"));
        Duration lead = Duration.between(firstAnomaly.time(), failure);
        Duration plcLead = Duration.between(plcWarning[0], failure);
        Duration degradation = Duration.between(degradeFrom, failure);
        Optional<Duration> rulAtPlcWarning = filler.stream()
                .filter(h -> !h.time().isBefore(plcWarning[0]))
                .findFirst()
                .flatMap(MotorHealth::remainingLife);
        System.out.printf(
                "bearing degradation: degraded for %s until the trip; anomaly flagged %s before the trip"
                        + " (%.0f%% of the degradation), the PLC's 70%% warning %s before; RUL estimate at the PLC"
                        + " warning %s (true %s); score at the warning %.1f%n",
                degradation,
                lead,
                100.0 * lead.toSeconds() / degradation.toSeconds(),
                plcLead,
                rulAtPlcWarning.map(Duration::toString).orElse("none"),
                plcLead,
                filler.stream()
                        .filter(h -> !h.time().isBefore(plcWarning[0]))
                        .findFirst()
                        .map(MotorHealth::score)
                        .orElse(Double.NaN));

        for (Duration before : List.of(Duration.ofHours(2), Duration.ofHours(1), Duration.ofMinutes(30))) {
            Instant at = failure.minus(before);
            System.out.printf(
                    "  %s before the trip: RUL estimate %s, score %.1f%n",
                    before,
                    filler.stream()
                            .filter(h -> !h.time().isBefore(at))
                            .findFirst()
                            .flatMap(MotorHealth::remainingLife)
                            .map(Duration::toString)
                            .orElse("none"),
                    filler.stream()
                            .filter(h -> !h.time().isBefore(at))
                            .findFirst()
                            .map(MotorHealth::score)
                            .orElse(Double.NaN));
        }

        assertThat(lead).isGreaterThan(plcLead.multipliedBy(2));
        assertThat(lead).isGreaterThan(degradation.dividedBy(2));
        assertThat(anomaliesElsewhere).isEmpty();
        assertThat(rulAtPlcWarning).isPresent();
        assertThat(rulAtPlcWarning.get()).isBetween(plcLead.dividedBy(2), plcLead.multipliedBy(2));
    }

    @Test
    void aHealthyLineRunningHalfADayRaisesNoAnomaly() {
        SimulatedLine sim = new SimulatedLine(11);
        MotorHealthScorer scorer = new MotorHealthScorer(HealthConfig.DEFAULT);
        Map<String, Integer> monitored = new HashMap<>();
        List<MotorHealth> anomalies = new ArrayList<>();
        double[] lowest = {100};
        sim.run(
                Duration.ofHours(12),
                s -> scorer.accept(s).ifPresent(h -> {
                    if (h.phase() == MotorHealth.Phase.MONITORING) {
                        monitored.merge(h.equipment(), 1, Integer::sum);
                        lowest[0] = Math.min(lowest[0], h.score());
                    }
                    if (h.anomaly()) {
                        anomalies.add(h);
                    }
                }));
        System.out.printf("healthy line, 12 h: %s judged samples per motor, lowest score %.1f%n", monitored, lowest[0]);

        assertThat(monitored).hasSize(MachineKind.values().length);
        assertThat(monitored.values()).allMatch(n -> n > 3600);
        assertThat(anomalies).isEmpty();
        assertThat(lowest[0]).isGreaterThan(50);
    }
}
