package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.observe.detect.PollingDriftLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The polling-drift tolerances are one validated record, bound from a policy file's {@code
 * detection: polling-drift:} mapping and from a hub's {@code sensor:} section, where a field given
 * overrides the policy file's; every mistake names file, line, column, field and value.
 */
class PollingDriftYamlTest {
    private static final String ZONES = "zones:\n  - name: cell\n    level: \"1\"\n    networks: [10.1.1.0/24]\n";
    private static final String HUB = "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n";

    @TempDir
    Path dir;

    private static PolicyYaml.PolicyFile policy(String yaml) throws Exception {
        return PolicyYaml.parseFile("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPolicyWithoutADetectionSectionKeepsTheDefaults() throws Exception {
        assertThat(policy(ZONES).pollingDrift()).isEqualTo(PollingDriftLimits.DEFAULT);
    }

    @Test
    void everyToleranceIsReadFromThePolicyFile() throws Exception {
        PollingDriftLimits l = policy(ZONES + """
                detection:
                  description: tighter for the filler line
                  polling-drift:
                    relative-tolerance: 0.2
                    absolute-tolerance: 50ms
                    spread-factor: 0
                    window: 4
                    min-intervals: 3
                    max-irregularity: 0.25
                    stop-periods: 5
                """).pollingDrift();
        assertThat(l).isEqualTo(new PollingDriftLimits(3, 0.25, 4, 0.2, Duration.ofMillis(50), 0, 5));
    }

    @Test
    void fieldsLeftOutKeepTheirDefaults() throws Exception {
        PollingDriftLimits l = policy(ZONES + "detection:\n  polling-drift:\n    relative-tolerance: 1.5\n")
                .pollingDrift();
        PollingDriftLimits d = PollingDriftLimits.DEFAULT;
        assertThat(l)
                .isEqualTo(new PollingDriftLimits(
                        d.minIntervals(),
                        d.maxIrregularity(),
                        d.window(),
                        1.5,
                        d.absoluteTolerance(),
                        d.spreadFactor(),
                        d.stopPeriods()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "relative-tolerance | -0.5 | p.yaml:7:5: detection.polling-drift.relative-tolerance: must be a finite number not below 0, was '-0.5'",
                "relative-tolerance | 0 | p.yaml:7:5: detection.polling-drift.relative-tolerance: must be above 0, was '0'",
                "relative-tolerance | half | p.yaml:7:5: detection.polling-drift.relative-tolerance: expected a number, was 'half'",
                "relative-tolerance | 1e999 | p.yaml:7:5: detection.polling-drift.relative-tolerance: must be a finite number not below 0, was '1e999'",
                "absolute-tolerance | 250 | p.yaml:7:5: detection.polling-drift.absolute-tolerance: '250' is not a duration",
                "spread-factor | -1 | p.yaml:7:5: detection.polling-drift.spread-factor: must be a finite number not below 0, was '-1'",
                "window | 0 | p.yaml:7:5: detection.polling-drift.window: must be 1..64, was '0'",
                "window | 65 | p.yaml:7:5: detection.polling-drift.window: must be 1..64, was '65'",
                "window | 2.5 | p.yaml:7:5: detection.polling-drift.window: expected a whole number, was '2.5'",
                "min-intervals | 1 | p.yaml:7:5: detection.polling-drift.min-intervals: must be 2..1000000, was '1'",
                "stop-periods | 1 | p.yaml:7:5: detection.polling-drift.stop-periods: must be 2..1000000, was '1'",
                "max-irregularity | 0 | p.yaml:7:5: detection.polling-drift.max-irregularity: must be above 0, was '0'",
                "jitter | 3 | p.yaml:7:5: detection.polling-drift: unknown field 'jitter'",
            })
    void aBadToleranceNamesFileLineFieldAndValue(String field, String value, String message) {
        String yaml = ZONES + "detection:\n  polling-drift:\n    " + field + ": " + value + "\n";
        assertThatThrownBy(() -> policy(yaml))
                .isInstanceOf(PolicyYaml.PolicyFileException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aDetectionSectionOfTheWrongShapeIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> policy(ZONES + "detection:\n  polling: {}\n"))
                .hasMessageStartingWith("p.yaml:6:3: unknown field 'polling' in detection; expected polling-drift");
        assertThatThrownBy(() -> policy(ZONES + "detection: 3\n"))
                .hasMessageStartingWith("p.yaml:5:12: 'detection' is a mapping with 'polling-drift'");
    }

    @Test
    void theHubsSensorTakesThePolicyFilesTolerancesAndOverridesSomeOfThem() throws Exception {
        Files.writeString(
                dir.resolve("zones.yaml"),
                ZONES + "detection:\n  polling-drift:\n    relative-tolerance: 0.2\n    window: 4\n");
        String yaml = HUB + "sensor:\n  capture: x\n  policy: zones.yaml\n  polling-drift-window: 6\n";
        var s = SensorConfigYaml.parse("hub.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir)
                .orElseThrow();
        assertThat(s.pollingDrift().relativeTolerance()).isEqualTo(0.2);
        assertThat(s.pollingDrift().window()).isEqualTo(6);
        assertThat(s.pollingDrift().stopPeriods()).isEqualTo(PollingDriftLimits.DEFAULT.stopPeriods());
        String plain = HUB + "sensor:\n  capture: x\n";
        assertThat(SensorConfigYaml.parse("hub.yaml", plain.getBytes(StandardCharsets.UTF_8), dir)
                        .orElseThrow()
                        .pollingDrift())
                .isEqualTo(PollingDriftLimits.DEFAULT);
    }

    @Test
    void aBadSensorToleranceNamesHubFileLineAndValue() {
        String yaml = HUB + "sensor:\n  capture: x\n  polling-drift-absolute-tolerance: soon\n";
        assertThatThrownBy(() -> SensorConfigYaml.parse("hub.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith("hub.yaml:6:3: sensor.polling-drift-absolute-tolerance: ")
                .hasMessageContaining("'soon'");
    }
}
