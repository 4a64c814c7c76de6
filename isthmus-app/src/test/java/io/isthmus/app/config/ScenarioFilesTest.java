package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.sim.process.FaultCode;
import io.isthmus.sim.process.MachineKind;
import io.isthmus.sim.scenario.Scenario;
import io.isthmus.sim.scenario.ScenarioAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"normal-shift", "attack-demo"})
    void everyBuiltInScenarioLoads(String name) throws Exception {
        Scenario s = ScenarioFiles.load(name);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.steps()).isNotEmpty();
        assertThat(s.description()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void theAttackDemoStopsTheConveyorFromAnItHostWhileTheConveyorFaults() throws Exception {
        Scenario s = ScenarioFiles.load("attack-demo");
        var fault = s.steps().stream()
                .filter(st -> st.action() instanceof ScenarioAction.Fault f && f.machine() == MachineKind.CONVEYOR)
                .findFirst()
                .orElseThrow();
        var stop = s.steps().stream()
                .filter(st -> st.action() instanceof ScenarioAction.WriteCoil w
                        && w.machine() == MachineKind.CONVEYOR
                        && !w.value()
                        && w.from().getHostAddress().equals("127.0.0.66"))
                .findFirst()
                .orElseThrow();
        ScenarioAction.Fault f = (ScenarioAction.Fault) fault.action();
        assertThat(f.code()).isEqualTo(FaultCode.MATERIAL_JAM);
        assertThat(stop.at()).isBetween(fault.at(), fault.at().plus(f.repairTime()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown action        | - {at: 1s, action: explode}                                              | 3:5 | unknown action 'explode'
            missing time          | - {action: fault, machine: filler, fault: material-jam}                  | 3:5 | missing field 'at'
            bad duration          | - {at: soon, action: fault, machine: filler, fault: material-jam}         | 3:5 | 'soon' is not a duration
            non-loopback host     | - {at: 1s, action: write-coil, from: 10.0.0.5, machine: filler, address: 0, value: true} | 3:5 | loopback
            host name             | - {at: 1s, action: write-coil, from: plc.example, machine: filler, address: 0, value: true} | 3:5 | not a name
            coil value            | - {at: 1s, action: write-coil, from: 127.0.0.9, machine: filler, address: 0, value: maybe} | 3:5 | true/false
            register too big      | - {at: 1s, action: write-register, from: 127.0.0.9, machine: filler, address: 0, value: 70000} | 3:5 | 0..65535
            scan range backwards  | - {at: 1s, action: recon-scan, from: 127.0.0.9, ports: 6000-5000}       | 3:5 | first <= last
            unknown fault         | - {at: 1s, action: fault, machine: filler, fault: gremlins}              | 3:5 | unknown fault 'gremlins'
            unknown field         | - {at: 1s, action: fault, machine: filler, fault: material-jam, colour: red} | 3:5 | unknown field 'colour'
            """)
    void aMistakeIsReportedWithLineColumnAndReason(String label, String step, String where, String reason) {
        String yaml = "name: t\nsteps:\n  " + step + "\n";
        assertThatThrownBy(() -> ScenarioFiles.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioFiles.ScenarioException.class)
                .hasMessageStartingWith("t.yaml:" + where)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource({"90s,90", "5m,300", "1h30m,5400", "3m10s,190", "250ms,0", "1d,86400"})
    void durationsReadAsPeopleWriteThem(String text, long seconds) {
        assertThat(DurationText.parse(text))
                .isEqualTo(Duration.ofSeconds(seconds).plusMillis(text.equals("250ms") ? 250 : 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1x", "m5", "1h 30m", "-5s"})
    void notADurationIsRefusedWithAnExample(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("90s");
    }
}
