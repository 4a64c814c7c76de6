package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.console.TagJson;
import io.isthmus.model.AssetId;
import io.isthmus.model.EventKind;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Severity;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultWatcherTest {
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final TagPath FILLER_CODE = TagPath.parse("acme/springfield/packaging/line1/filling/filler/faultCode");
    static final TagPath FILLER_STATE = FILLER_CODE.withPoint("state");
    static final MachineAssets ASSETS = new MachineAssets(
            List.of(new TagJson(FILLER_STATE.toString(), "ir0", "", false, "", "filler (modbus://10.1.1.21:502)")));

    final List<EventLog.Received> raised = new ArrayList<>();

    FaultWatcher watcher(List<Sample> known) {
        return new FaultWatcher(ASSETS, known, 41, raised::add);
    }

    static Sample code(TagPath tag, int seconds, long value) {
        return new Sample(tag, T0.plusSeconds(seconds), Value.of(value), Quality.GOOD);
    }

    @Test
    void aNonZeroCodeRaisesAFaultOfItsClassAndZeroClearsIt() {
        FaultWatcher w = watcher(List.of());
        w.accept(List.of(code(FILLER_CODE, 0, 0)));
        w.accept(List.of(code(FILLER_STATE, 10, 3), code(FILLER_CODE, 10, 104)));
        w.accept(List.of(code(FILLER_CODE, 11, 104)));
        w.accept(List.of(code(FILLER_CODE, 70, 0)));

        assertThat(raised).hasSize(2);
        var fault = raised.get(0);
        assertThat(fault.edge()).isEqualTo("hub");
        assertThat(fault.sequence()).isEqualTo(42);
        assertThat(fault.event().kind()).isEqualTo(EventKind.MACHINE_FAULT);
        assertThat(fault.event().time()).isEqualTo(T0.plusSeconds(10));
        assertThat(fault.event().severity()).isEqualTo(Severity.HIGH);
        assertThat(fault.event().title()).isEqualTo("filler fault 104: motor over temperature (thermal)");
        assertThat(fault.event().assets()).containsExactly(new AssetId("ip:10.1.1.21"));
        assertThat(fault.event().evidence().fact("fault_class")).contains("thermal");
        assertThat(fault.event().evidence().fact("state")).contains("3");
        assertThat(fault.event().evidence().fact("endpoint")).contains("10.1.1.21:502");
        var cleared = raised.get(1);
        assertThat(cleared.sequence()).isEqualTo(43);
        assertThat(cleared.event().severity()).isEqualTo(Severity.INFO);
        assertThat(cleared.event().title()).isEqualTo("filler fault 104 cleared");
    }

    @Test
    void theCodesKnownAtStartAreNotRaisedAgain() {
        FaultWatcher w = watcher(List.of(code(FILLER_CODE, 0, 202)));
        w.accept(List.of(code(FILLER_CODE, 5, 202)));
        assertThat(raised).isEmpty();
        w.accept(List.of(code(FILLER_CODE, 6, 101)));
        assertThat(raised)
                .singleElement()
                .satisfies(r ->
                        assertThat(r.event().evidence().fact("previous_code")).contains("202"));
    }

    @Test
    void badQualityOtherPointsAndUnknownCodesAreHandled() {
        FaultWatcher w = watcher(List.of());
        w.accept(List.of(new Sample(FILLER_CODE, T0, Value.of(101L), Quality.BAD_COMM)));
        w.accept(List.of(code(FILLER_CODE.withPoint("speed"), 1, 500)));
        assertThat(raised).isEmpty();
        TagPath unknown = TagPath.parse("acme/springfield/packaging/line1/filling/mixer/faultCode");
        w.accept(List.of(new Sample(unknown, T0, Value.of(999.0), Quality.GOOD)));
        assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.event().severity()).isEqualTo(Severity.MEDIUM);
            assertThat(r.event().evidence().fact("fault_class")).contains("unknown");
            assertThat(r.event().assets())
                    .containsExactly(new AssetId("equipment:acme/springfield/packaging/line1/filling/mixer"));
        });
    }

    @Test
    void theHubsFaultTableIsTheVirtualFactorysTable() {
        for (io.isthmus.sim.process.FaultCode f : io.isthmus.sim.process.FaultCode.values()) {
            if (f == io.isthmus.sim.process.FaultCode.NONE) {
                continue;
            }
            var known = io.isthmus.insight.incident.FaultCatalog.VIRTUAL_FACTORY.fault(f.code());
            assertThat(known).as("code %d", f.code()).hasValueSatisfying(k -> {
                assertThat(k.faultClass()).isEqualTo(f.faultClass().name().toLowerCase(java.util.Locale.ROOT));
                assertThat(k.meaning()).isEqualTo(f.description());
            });
        }
        assertThat(io.isthmus.insight.incident.FaultCatalog.VIRTUAL_FACTORY.byCode())
                .hasSize(io.isthmus.sim.process.FaultCode.values().length - 1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "conveyor (modbus-tcp://127.0.0.1:5020) | 127.0.0.1:5020 | ip:127.0.0.1",
                "plc (opcua://10.0.0.5:4840/isthmus)    | 10.0.0.5:4840  | ip:10.0.0.5",
                "plc (modbus-tcp://[fd00::7]:502)       | [fd00::7]:502  | ip:fd00::7",
                "plc (modbus-tcp://plc7.plant:502)      | plc7.plant:502 | host:plc7.plant",
                "no endpoint at all                     | none           | none",
                "broken (modbus-tcp://)                 | none           | none",
                "''                                     | none           | none",
            })
    void machineAssetsReadTheSourceEndpointOfTheCatalog(String source, String endpoint, String asset) {
        assertThat(MachineAssets.endpoint(source)).isEqualTo(Optional.ofNullable(endpoint));
        if (asset != null) {
            assertThat(MachineAssets.assetOf(MachineAssets.host(endpoint))).isEqualTo(new AssetId(asset));
        }
    }
}
