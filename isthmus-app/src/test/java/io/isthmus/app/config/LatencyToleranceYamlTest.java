package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.observe.detect.LatencyTolerances;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The latency tolerances of critical processes: {@code detection: latency-tolerance:} in a policy
 * file maps conduit names to the longest response time; each mistake names file, line, column and
 * the value.
 */
class LatencyToleranceYamlTest {
    private static final String POLICY = """
            zones:
              - name: cell
                level: "1"
                networks: [10.1.1.0/24]
              - name: supervisory
                level: "2"
                networks: [10.1.2.0/24]
            conduits:
              - name: hmi-to-cell
                from: supervisory
                to: cell
                protocols: [modbus]
                access: [read, write]
            """;

    private static PolicyYaml.PolicyFile policy(String yaml) throws Exception {
        return PolicyYaml.parseFile("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noSectionMeansNoTolerances() throws Exception {
        assertThat(policy(POLICY).latencyTolerances()).isEqualTo(LatencyTolerances.NONE);
    }

    @Test
    void aToleranceIsReadPerConduitInMillisecondsOrMicroseconds() throws Exception {
        assertThat(policy(POLICY + "detection:\n  latency-tolerance:\n    hmi-to-cell: 50ms\n")
                        .latencyTolerances()
                        .byConduit())
                .isEqualTo(Map.of("hmi-to-cell", Duration.ofMillis(50)));
        assertThat(policy(POLICY + "detection:\n  latency-tolerance:\n    hmi-to-cell: 750us\n")
                        .latencyTolerances()
                        .byConduit())
                .isEqualTo(Map.of("hmi-to-cell", Duration.ofNanos(750_000)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "conveyor: 50ms | p.yaml:16:5: detection.latency-tolerance: no conduit named 'conveyor'; the policy's conduits are [hmi-to-cell]",
                "hmi-to-cell: 0ms | p.yaml:16:5: detection.latency-tolerance.hmi-to-cell: must be positive, was '0ms'",
                "hmi-to-cell: fast | p.yaml:16:5: detection.latency-tolerance.hmi-to-cell: 'fast' is not a duration; write e.g. 90s, 5m, 1h30m or 250ms (units d, h, m, s, ms, us), was 'fast'",
                "hmi-to-cell: 99999999999999999999us | p.yaml:16:5: detection.latency-tolerance.hmi-to-cell: '99999999999999999999us' is too long a duration, was '99999999999999999999us'",
                "hmi-to-cell: [50ms] | p.yaml:16:5: 'latency-tolerance' is a mapping from conduit name to a duration, e.g. 'hmi-to-cell: 50ms'",
            })
    void mistakesNameTheLineAndTheValue(String entry, String message) {
        assertThatThrownBy(() -> policy(POLICY + "detection:\n  latency-tolerance:\n    " + entry + "\n"))
                .isInstanceOf(PolicyYaml.PolicyFileException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theSectionMustBeAMapping() {
        assertThatThrownBy(() -> policy(POLICY + "detection:\n  latency-tolerance: 50ms\n"))
                .isInstanceOf(PolicyYaml.PolicyFileException.class)
                .hasMessageContaining("p.yaml:15:3: 'latency-tolerance' is a mapping from conduit name to a duration");
    }
}
