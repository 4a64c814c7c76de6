package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.insight.InsightSettings;
import io.isthmus.insight.oee.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsightConfigYamlTest {
    static final Path SHIPPED = Path.of("..", "config", "insight.yaml");

    static final String MINIMAL = """
            calendar:
              zone: UTC
              shifts:
                - { name: day, start: "06:00", end: "14:00" }
            line:
              id: l
              output: m
              machines:
                - { id: m, equipment: a/b/c/d/e/m, ideal-rate: 60 }
            """;

    @Test
    void theShippedFileLoadsAndTheBuiltInCopyIsTheSame() throws Exception {
        InsightSettings s = InsightConfigYaml.load(SHIPPED);
        assertThat(s.oee().calendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.oee().calendar().shifts()).extracting(x -> x.name()).containsExactly("early", "late", "night");
        assertThat(s.oee().calendar().shifts().get(2).crossesMidnight()).isTrue();
        assertThat(s.oee().line().machines()).hasSize(5);
        assertThat(s.oee().line().outputMachine().idealCycleTime()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.energy().meters()).hasSize(6);
        assertThat(s.energy().meters().getFirst().scope()).isEqualTo(Scope.LINE);
        assertThat(s.energy().factors().forYear(2026).orElseThrow().source()).startsWith("EXAMPLE ONLY");
        assertThat(InsightConfigYaml.builtIn()).isEqualTo(s);
        assertThat(Files.readString(SHIPPED))
                .isEqualTo(new String(
                        InsightConfigYaml.class
                                .getResourceAsStream(InsightConfigYaml.BUILT_IN)
                                .readAllBytes(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void defaultsFillWhatAMinimalFileLeavesOut() throws Exception {
        InsightSettings s = InsightConfigYaml.parse("min.yaml", MINIMAL.getBytes(StandardCharsets.UTF_8));
        assertThat(s.oee().calendar().workingDays()).hasSize(5);
        assertThat(s.oee().maxHold()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.energy().meters())
                .singleElement()
                .satisfies(m -> assertThat(m.tag().toString()).isEqualTo("a/b/c/d/e/m/energy"));
        assertThat(s.energy().factors().forYear(2026)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown zone              | zone: UTC|zone: Mars/Base                         | is not a time zone
            bad shift time            | start: "06:00"|start: "6 am"                       | must be a local time like "06:00"
            bad weekday               | zone: UTC|zone: UTC\\n  working-days: [funday]     | 'funday' is not a weekday
            output not a machine      | output: m|output: x                                | output 'x' is not one of its machines
            short equipment path      | equipment: a/b/c/d/e/m|equipment: a/b/m             | 6 segments
            no ideal rate             | ideal-rate: 60|energy-meter: a/b/c/d/e/m/e          | exactly one of ideal-rate
            zero ideal rate           | ideal-rate: 60|ideal-rate: 0                        | ideal rate must be in (0, 1000000]
            unknown field             | id: l|id: l\\n  colour: red                         | unknown field 'colour'
            break outside shift       | end: "14:00" }|end: "14:00", breaks: [{name: b, start: "15:00", length: 30m}] } | does not lie inside shift 'day'
            bad duration              | id: l|id: l\\n  max-hold: soon                      | is not a duration
            """)
    void malformedConfigurationsSayWhatAndWhere(String name, String from, String to, String message) {
        String yaml = MINIMAL.replace(from, to.replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(MINIMAL);
        assertThatThrownBy(() -> InsightConfigYaml.parse("bad.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TagConfigException.class)
                .hasMessageStartingWith("bad.yaml")
                .hasMessageContaining(message);
    }

    @Test
    void overlappingShiftsAreRefused() {
        String yaml = MINIMAL.replace(
                "- { name: day, start: \"06:00\", end: \"14:00\" }",
                "- { name: day, start: \"06:00\", end: \"14:00\" }\n    - { name: late, start: \"13:00\", end: \"20:00\" }");
        assertThatThrownBy(() -> InsightConfigYaml.parse("o.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("shifts 'day' and 'late' overlap");
    }
}
