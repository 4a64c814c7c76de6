package io.isthmus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.config.TagConfigYaml;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusSource;
import io.isthmus.connect.modbus.ReadBlock;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the demo's tag configuration asks of each PLC (issue 9: a setpoint change must reach the
 * console within 1 s at p95, so the line's setpoints, speeds and states are polled every 250 ms).
 * The request rate comes from the reads the Modbus source plans, not from a clock: it must stay
 * within each source's request budget, so a faster poll never floods a PLC.
 */
class DemoPollLoadTest {
    static ConnectConfig shipped() throws Exception {
        try (InputStream in = DemoRuntime.class.getResourceAsStream(DemoRuntime.TAGS)) {
            return TagConfigYaml.parse("virtual-factory-edge.yaml", in.readAllBytes());
        }
    }

    /** Requests per second the source's plan issues: every block once per its group's period. */
    static double requestsPerSecond(ConnectConfig config, SourceConfig source) {
        Map<Duration, List<ReadBlock>> plan = ModbusSource.create(source, config.tagsOf(source.id()), s -> {}, s -> {})
                .plan();
        return plan.entrySet().stream()
                .mapToDouble(e -> e.getValue().size() * 1000.0 / e.getKey().toMillis())
                .sum();
    }

    @Test
    void theMachinesSetpointsAndSpeedsArePolledEvery250Ms() throws Exception {
        ConnectConfig config = shipped();
        for (String machine : List.of("conveyor", "filler", "capper", "labeler", "palletizer")) {
            assertThat(config.tagsOf(machine))
                    .filteredOn(t -> t.path().toString().endsWith("/speedSetpoint")
                            || t.path().toString().endsWith("/speed")
                            || t.path().toString().endsWith("/state"))
                    .hasSize(3)
                    .allSatisfy(t ->
                            assertThat(t.pollRate(sourceOf(config, machine))).isEqualTo(Duration.ofMillis(250)));
        }
    }

    @Test
    void everyPlcIsAskedWellWithinItsRequestBudget() throws Exception {
        ConnectConfig config = shipped();
        for (SourceConfig source : config.sources()) {
            double rate = requestsPerSecond(config, source);
            System.out.printf(
                    "%s: %.1f requests/s (budget %.0f/s)%n",
                    source.id(), rate, source.budget().requestsPerSecond());
            assertThat(rate)
                    .as("%s's requests per second", source.id())
                    .isGreaterThan(0)
                    .isLessThanOrEqualTo(0.75 * source.budget().requestsPerSecond());
        }
    }

    static SourceConfig sourceOf(ConnectConfig config, String id) {
        return config.sources().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
