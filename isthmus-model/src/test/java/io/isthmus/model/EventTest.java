package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Evidence.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTest {
    private static final Instant AT = Instant.parse("2025-03-01T08:15:30Z");
    private static final AssetId PLC = new AssetId("mac:00:1b:1b:aa:bb:cc");
    private static final AssetId EWS = new AssetId("ip:10.10.2.5");
    private static final Technique T0855 = AttackIcs.bundled().technique("T0855");

    private static Evidence writeEvidence() {
        return Evidence.of(
                "Modbus write to a holding register from a host outside the conduit",
                new Fact("src_ip", "10.10.2.5"),
                new Fact("dst_ip", "10.10.1.20"),
                new Fact("function_code", "16"),
                new Fact("register", "40001"));
    }

    @Test
    void carriesAnAlertWithItsAssetsTechniquesAndEvidenceInOrder() {
        Event event = new Event(
                AT,
                EventKind.NETWORK_ALERT,
                Severity.HIGH,
                "Unauthorized Modbus write",
                List.of(PLC, EWS),
                List.of(T0855),
                writeEvidence());
        assertThat(event.assets()).containsExactly(PLC, EWS);
        assertThat(event.techniques()).extracting(Technique::id).containsExactly("T0855");
        assertThat(event.evidence().facts())
                .extracting(Fact::name)
                .containsExactly("src_ip", "dst_ip", "function_code", "register");
        assertThat(event.evidence().fact("function_code")).hasValue("16");
        assertThat(event.evidence().fact("unit_id")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n"})
    void rejectsABlankTitle(String title) {
        assertThatThrownBy(() ->
                        new Event(AT, EventKind.SYSTEM, Severity.INFO, title, List.of(), List.of(), writeEvidence()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("title must not be blank");
    }

    @Test
    void rejectsAMissingTitleOrTime() {
        assertThatThrownBy(() ->
                        new Event(AT, EventKind.SYSTEM, Severity.INFO, null, List.of(), List.of(), writeEvidence()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("title");
        assertThatThrownBy(() ->
                        new Event(null, EventKind.SYSTEM, Severity.INFO, "x", List.of(), List.of(), writeEvidence()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("time");
    }

    @Test
    void keepsMachineFaultsFreeOfAttackTechniques() {
        Evidence fault = Evidence.of("Drive tripped on overcurrent", new Fact("alarm", "F0001"));
        assertThat(new Event(
                                AT,
                                EventKind.MACHINE_FAULT,
                                Severity.MEDIUM,
                                "Pump 4 tripped",
                                List.of(PLC),
                                List.of(),
                                fault)
                        .techniques())
                .isEmpty();
        assertThatThrownBy(() -> new Event(
                        AT,
                        EventKind.MACHINE_FAULT,
                        Severity.MEDIUM,
                        "Pump 4 tripped",
                        List.of(PLC),
                        List.of(T0855),
                        fault))
                .hasMessage("machine fault 'Pump 4 tripped' names techniques [T0855]; a fault reports the machine,"
                        + " raise a NETWORK_ALERT for adversary behaviour");
    }

    @Test
    void copiesItsListsSoTheCallerCannotChangeThem() {
        List<AssetId> assets = new ArrayList<>(List.of(PLC));
        Event event = new Event(AT, EventKind.NETWORK_ALERT, Severity.LOW, "x", assets, List.of(), writeEvidence());
        assets.add(EWS);
        assertThat(event.assets()).containsExactly(PLC);
        assertThatThrownBy(() -> event.assets().add(EWS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesTheListThatHoldsANull() {
        List<AssetId> assets = new ArrayList<>();
        assets.add(PLC);
        assets.add(null);
        assertThatThrownBy(() ->
                        new Event(AT, EventKind.NETWORK_ALERT, Severity.LOW, "x", assets, List.of(), writeEvidence()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("assets must not contain null (element 1)");
    }

    @Test
    void addsFactsAtTheEndAndAllowsAnEmptyValue() {
        Evidence evidence = writeEvidence().with("payload", "");
        assertThat(evidence.facts()).last().isEqualTo(new Fact("payload", ""));
        assertThat(evidence.facts()).hasSize(5);
    }

    @Test
    void rejectsABlankFactNameOrSummary() {
        assertThatThrownBy(() -> new Fact(" ", "16")).hasMessage("fact name must not be blank");
        assertThatThrownBy(() -> new Fact("function_code", null)).hasMessage("value of fact function_code");
        assertThatThrownBy(() -> Evidence.of("")).hasMessage("evidence summary must not be blank");
    }
}
