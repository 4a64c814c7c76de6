package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.insight.incident.IncidentChange;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A line of the incident journal (JSON written by the hub, but on a disk a person can edit or a
 * crash can tear) is a change or an {@link IllegalArgumentException}, never another exception.
 * Seeds: {@code IncidentJournalFuzzTestInputs/<method>/}, one of each change type.
 */
class IncidentJournalFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyLineIsAChangeOrAnIllegalArgument(byte[] line) {
        try {
            IncidentChange c = IncidentJournal.decode(new String(line, StandardCharsets.UTF_8));
            assertThat(c.incident()).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("not an incident change");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "[]",
                "{\"a\":",
                "{}",
                "{\"change\":\"opened\",\"incident\":\"INC-1\"}",
                "{\"change\":\"exploded\",\"incident\":\"INC-1\"}",
                "{\"change\":\"status\",\"incident\":\"INC-1\",\"time\":\"yesterday\",\"by\":\"m\",\"from\":\"open\",\"to\":\"acknowledged\"}",
                "{\"change\":\"status\",\"incident\":\"INC-1\",\"time\":\"2026-11-26T06:05:00Z\",\"by\":\"m\",\"from\":\"open\",\"to\":\"closed\"}",
                "{\"change\":\"attached\",\"incident\":\"INC-1\",\"rule\":\"r\",\"severity\":\"apocalyptic\",\"event\":{}}",
                "{\"change\":\"opened\",\"incident\":\"INC-1\",\"event\":{\"edge\":\"s\",\"sequence\":1,\"time\":\"2026-11-26T06:01:00Z\",\"kind\":\"network_alert\",\"severity\":\"high\",\"title\":\"t\",\"assets\":[],\"techniques\":[\"T9999\"],\"summary\":\"s\",\"facts\":[]}}",
                "{\"change\":\"opened\",\"incident\":\"INC-1\",\"event\":{\"edge\":\"s\",\"sequence\":\"x\",\"time\":\"2026-11-26T06:01:00Z\",\"kind\":\"network_alert\",\"severity\":\"high\",\"title\":\"t\",\"assets\":[],\"techniques\":[],\"summary\":\"s\",\"facts\":[]}}",
                "{\"change\":\"opened\",\"incident\":\"INC-1\",\"event\":{\"edge\":\"s\",\"sequence\":1,\"time\":\"2026-11-26T06:01:00Z\",\"kind\":\"machine_fault\",\"severity\":\"high\",\"title\":\"t\",\"assets\":[\"has space\"],\"techniques\":[],\"summary\":\"s\",\"facts\":[]}}",
            })
    void malformedLinesAreRefusedWithAReason(String line) {
        assertThatThrownBy(() -> IncidentJournal.decode(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an incident change");
    }
}
