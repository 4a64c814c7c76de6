package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.ModbusTable;
import io.isthmus.connect.config.SourceKind;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.model.TagPath;
import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterPoint;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LinePlcMaps;
import io.isthmus.sim.process.MachineKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TagConfigYamlTest {
    private static final String RESOURCE = "/io/isthmus/app/config/virtual-factory-edge.yaml";

    private static ConnectConfig shipped() throws Exception {
        try (InputStream in = TagConfigYaml.class.getResourceAsStream(RESOURCE)) {
            return TagConfigYaml.parse("virtual-factory-edge.yaml", in.readAllBytes());
        }
    }

    @Test
    void theShippedConfigurationCoversEveryPointOfTheVirtualLine() throws Exception {
        ConnectConfig config = shipped();
        Map<TagPath, TagConfig> tags =
                config.tags().stream().collect(Collectors.toMap(TagConfig::path, Function.identity()));
        int points = 0;
        for (MachineKind kind : MachineKind.values()) {
            points += check(tags, kind.cell(), LinePlcMaps.machine(kind), kind.id());
        }
        points += check(tags, LineNames.UTILITIES_CELL, LinePlcMaps.meter(), "meter");
        assertThat(config.tags()).hasSize(points);
        assertThat(config.sources())
                .extracting(s -> s.endpoint().port())
                .containsExactly(5020, 5021, 5022, 5023, 5024, 5025);
    }

    private static int check(Map<TagPath, TagConfig> tags, String cell, PlcMap map, String source) {
        for (RegisterPoint p : map.points()) {
            TagPath path = LineNames.DEFAULT.path(cell, map.device(), p.name());
            TagConfig t = tags.get(path);
            assertThat(t).as("tag for %s", path).isNotNull();
            assertThat(t.source()).isEqualTo(source);
            ModbusAddress a = t.address();
            assertThat(a.table().name())
                    .as(path.toString())
                    .isEqualTo(
                            switch (p.table()) {
                                case COIL -> ModbusTable.COIL.name();
                                case DISCRETE_INPUT -> ModbusTable.DISCRETE_INPUT.name();
                                case HOLDING_REGISTER -> ModbusTable.HOLDING_REGISTER.name();
                                case INPUT_REGISTER -> ModbusTable.INPUT_REGISTER.name();
                            });
            assertThat(a.address()).as(path.toString()).isEqualTo(p.address());
            assertThat(a.width()).as(path.toString()).isEqualTo(p.encoding().width());
            if (a instanceof ModbusAddress.RegisterPoint r) {
                assertThat(r.type().name())
                        .as(path.toString())
                        .isEqualTo(p.encoding().name());
                assertThat(t.scaling().scale())
                        .as(path.toString())
                        .isCloseTo(1 / p.scale(), org.assertj.core.data.Offset.offset(1e-12));
            }
            assertThat(t.unit()).as(path.toString()).isEqualTo(p.unit());
        }
        return map.points().size();
    }

    @Test
    void sourceFieldsBindToTypedValues() throws Exception {
        var conveyor = shipped().sources().getFirst();
        assertThat(conveyor.kind()).isEqualTo(SourceKind.MODBUS_TCP);
        assertThat(conveyor.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(conveyor.budget().requestsPerSecond()).isEqualTo(20);
        assertThat(conveyor.backoff().initial()).isEqualTo(Duration.ofMillis(500));
    }

    private static void assertError(String yaml, String... parts) {
        assertThatThrownBy(() -> TagConfigYaml.parse("edge.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TagConfigYaml.TagConfigException.class)
                .message()
                .contains(parts);
    }

    private static final String SOURCE = """
            sources:
              - id: plc
                kind: modbus-tcp
                endpoint: 10.0.0.5:502
            tags:
            """;

    @Test
    void aBadAddressNamesFileLineAndField() {
        assertError(SOURCE + """
                  - path: a/b/c/d/e/f/ok
                    source: plc
                    address: holding:1
                  - path: a/b/c/d/e/f/g
                    source: plc
                    address: holding:1:float16
                """, "edge.yaml:9:", "tags entry 2", "'float16' is not a type");
    }

    @Test
    void anUnknownSourceNamesTheTagsLine() {
        assertError(SOURCE + """
                  - path: a/b/c/d/e/f/g
                    source: plc2
                    address: coil:1
                """, "edge.yaml:6:", "source 'plc2' is not defined");
    }

    @Test
    void sourceMistakesAreReportedWithTheirLine() {
        assertError("""
                sources:
                  - id: plc
                    kind: modbus-udp
                    endpoint: 10.0.0.5:502
                """, "edge.yaml:2:", "unknown source kind 'modbus-udp'");
        assertError("""
                sources:
                  - id: plc
                    kind: modbus-tcp
                    endpoint: 10.0.0.5:502
                    request-timeout: 2 seconds
                """, "edge.yaml:2:", "is not a duration");
        assertError("""
                sources:
                  - id: plc
                    kind: modbus-tcp
                    endpoint: 10.0.0.5:502
                    budget: { requests-per-second: 10, bursts: 3 }
                """, "unknown field 'bursts' in budget");
        assertError("""
                sources:
                  - id: plc
                    kind: modbus-tcp
                    endpoint: 10.0.0.5:502
                    timeout: 1s
                """, "edge.yaml:", "unknown field 'timeout'");
    }

    @Test
    void aBadTagPathNamesTheSegment() {
        assertError(SOURCE + """
                  - path: a/b/c/d/e/f
                    source: plc
                    address: coil:1
                """, "edge.yaml:6:", "segment 7 (point) is missing");
    }
}
