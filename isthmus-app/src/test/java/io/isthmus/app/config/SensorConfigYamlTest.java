package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.sensor.SensorSettings;
import io.isthmus.observe.detect.Detection.BaselineSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SensorConfigYamlTest {
    private static final String HUB = "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n";

    @TempDir
    Path dir;

    private Optional<SensorSettings> parse(String yaml) throws TagConfigException {
        return SensorConfigYaml.parse("hub.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
    }

    @Test
    void aHubWithoutASensorSectionRunsNoSensor() throws Exception {
        assertThat(parse(HUB)).isEmpty();
        assertThat(HubConfigYaml.parse("hub.yaml", HUB.getBytes(StandardCharsets.UTF_8), dir)
                        .listen()
                        .getPort())
                .isEqualTo(1);
    }

    @Test
    void theSectionIsBoundWithPathsAgainstTheFilesDirectoryAndThePolicyLoaded() throws Exception {
        Files.copy(Path.of("..", "config", "zones.yaml"), dir.resolve("zones.yaml"));
        String yaml = HUB + """
                sensor:
                  capture: span.fifo
                  policy: zones.yaml
                  learn: 10m
                  inventory: state/inventory.json
                  flow-idle-timeout: 2m
                  refresh: 10s
                """;
        SensorSettings s = parse(yaml).orElseThrow();
        assertThat(s.capture()).isEqualTo(dir.resolve("span.fifo").toString());
        assertThat(s.policy()).hasValueSatisfying(p -> assertThat(p.zones()).hasSize(5));
        assertThat(s.baseline()).isEqualTo(new BaselineSource.Learn(Duration.ofMinutes(10)));
        assertThat(s.inventoryFile()).contains(dir.resolve("state/inventory.json"));
        assertThat(s.flowIdleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.refresh()).isEqualTo(Duration.ofSeconds(10));
        // the hub section still binds beside it
        assertThat(HubConfigYaml.parse("hub.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir)
                        .listen()
                        .getPort())
                .isEqualTo(1);
    }

    @Test
    void standardInputIsADashAndDefaultsApply() throws Exception {
        SensorSettings s = parse(HUB + "sensor:\n  capture: \"-\"\n").orElseThrow();
        assertThat(s.capture()).isEqualTo("-");
        assertThat(s.baseline()).isEqualTo(new BaselineSource.None());
        assertThat(s.policy()).isEmpty();
        assertThat(s.flowIdleTimeout()).isEqualTo(SensorSettings.DEFAULT_FLOW_IDLE_TIMEOUT);
    }

    static List<Arguments> mistakes() {
        return List.of(
                Arguments.of("not a mapping", "sensor: yes\n", "hub.yaml:4:1: sensor: expected a mapping"),
                Arguments.of("no capture", "sensor:\n  learn: 1m\n", "hub.yaml:4:1: sensor: missing field 'capture'"),
                Arguments.of(
                        "unknown field",
                        "sensor:\n  capture: x\n  interface: eth1\n",
                        "hub.yaml:6:3: sensor: unknown field 'interface'; expected one of [capture"),
                Arguments.of(
                        "a list where a value belongs",
                        "sensor:\n  capture: [a, b]\n",
                        "hub.yaml:5:3: sensor.capture: expected a single value"),
                Arguments.of(
                        "learn and baseline",
                        "sensor:\n  capture: x\n  learn: 1m\n  baseline: b.json\n",
                        "hub.yaml:7:3: sensor: learn and baseline exclude each other"),
                Arguments.of(
                        "bad duration",
                        "sensor:\n  capture: x\n  learn: ten minutes\n",
                        "hub.yaml:6:3: sensor.learn: "),
                Arguments.of(
                        "refresh out of range",
                        "sensor:\n  capture: x\n  refresh: 2h\n",
                        "hub.yaml:4:1: sensor refresh must be 100ms..1h, was PT2H"),
                Arguments.of(
                        "missing policy file",
                        "sensor:\n  capture: x\n  policy: nowhere.yaml\n",
                        "hub.yaml:6:3: sensor.policy: "),
                Arguments.of(
                        "missing baseline file",
                        "sensor:\n  capture: x\n  baseline: nowhere.json\n",
                        "hub.yaml:6:3: sensor.baseline: "),
                Arguments.of(
                        "given twice",
                        "sensor:\n  capture: x\n  capture: y\n",
                        "hub.yaml:6:3: sensor.capture is given twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesNameFileLineAndColumn(String what, String sensor, String message) {
        assertThatThrownBy(() -> parse(HUB + sensor))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aBrokenPolicyIsReportedWithItsOwnFileAndLine() throws Exception {
        Files.writeString(
                dir.resolve("bad.yaml"), "zones:\n  - name: a\n    level: \"9\"\n    networks: [10.0.0.0/8]\n");
        assertThatThrownBy(() -> parse(HUB + "sensor:\n  capture: x\n  policy: bad.yaml\n"))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith("hub.yaml:6:3: sensor.policy: ")
                .hasMessageContaining("bad.yaml:2:5: zones entry 1");
    }
}
