package io.isthmus.insight.incident;

import static io.isthmus.insight.incident.Events.CONVEYOR_PLC;
import static io.isthmus.insight.incident.Events.FILLER_PLC;
import static io.isthmus.insight.incident.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AssetId;
import io.isthmus.model.EventKind;
import io.isthmus.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentsTest {
    static final AssetId OTHER_HOST = new AssetId("ip:10.9.0.7");
    final List<IncidentChange> journal = new ArrayList<>();
    final Incidents incidents = new Incidents(IncidentConfig.DEFAULT, journal::add);

    static Stream<Arguments> correlation() {
        return Stream.of(
                Arguments.of(
                        "alert then fault on the same PLC within the window",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        Events.fault(300, CONVEYOR_PLC, "material", Severity.MEDIUM),
                        1),
                Arguments.of(
                        "fault then alert (the sensor delivers later) on the same PLC",
                        Events.fault(0, CONVEYOR_PLC, "material", Severity.MEDIUM),
                        Events.alert(5, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        1),
                Arguments.of(
                        "exactly at the window's edge (10 min)",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        Events.fault(600, CONVEYOR_PLC, "material", Severity.MEDIUM),
                        1),
                Arguments.of(
                        "outside the window",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        Events.fault(601, CONVEYOR_PLC, "material", Severity.MEDIUM),
                        2),
                Arguments.of(
                        "different PLCs, different zone pairs",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        Events.fault(60, FILLER_PLC, "material", Severity.MEDIUM),
                        2),
                Arguments.of(
                        "two alerts on different PLCs over the same conduit",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH, "enterprise -> cell"),
                        Events.alertFrom(60, FILLER_PLC, OTHER_HOST, "T0836", Severity.HIGH, "enterprise -> cell"),
                        1),
                Arguments.of(
                        "two alerts between different hosts over different conduits",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH, "enterprise -> cell"),
                        Events.alertFrom(60, FILLER_PLC, OTHER_HOST, "T0836", Severity.HIGH, "supervisory -> cell"),
                        2),
                Arguments.of(
                        "data loss is not a kind that correlates or opens",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        Events.of(10, EventKind.DATA_LOSS, CONVEYOR_PLC, Severity.HIGH),
                        1),
                Arguments.of(
                        "a low-severity fault on its own PLC opens nothing",
                        Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH),
                        Events.fault(10, FILLER_PLC, "material", Severity.INFO),
                        1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correlation")
    void correlatesBySharedAssetOrConduitWithinTheWindow(String name, Occurrence a, Occurrence b, int expected) {
        incidents.observe(a);
        incidents.observe(b);
        assertThat(incidents.size()).as(name).isEqualTo(expected);
    }

    @Test
    void anAlertAndAFaultOnOnePlcBecomeOneCriticalIncidentNamingBoth() {
        incidents.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH));
        List<IncidentChange> c = incidents.observe(Events.fault(5, CONVEYOR_PLC, "material", Severity.MEDIUM));

        assertThat(c).singleElement().isInstanceOfSatisfying(IncidentChange.Attached.class, a -> {
            assertThat(a.rule()).isEqualTo("same-asset");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        });
        Incident i = incidents.list(Optional.empty(), 10, 0).items().getFirst();
        assertThat(i.title()).isEqualTo("Network alert and machine fault on ip:10.1.1.20");
        assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.eventCount()).isEqualTo(2);
        assertThat(i.techniques()).containsExactly("T0855");
        assertThat(i.faultClasses()).containsExactly("material");
        assertThat(i.assets()).containsExactly(CONVEYOR_PLC, Events.LAPTOP);
        assertThat(i.opened()).isEqualTo(T0);
        assertThat(i.updated()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aRuleOfOtherKindsDoesNotJoin() {
        var onlyFaults = new IncidentConfig(
                List.of(new CorrelationRule(
                        "faults",
                        EnumSet.of(EventKind.MACHINE_FAULT),
                        CorrelationRule.Join.SAME_ASSET,
                        Duration.ofMinutes(10),
                        Severity.HIGH)),
                EnumSet.of(EventKind.NETWORK_ALERT, EventKind.MACHINE_FAULT),
                Severity.MEDIUM,
                Duration.ZERO,
                IncidentLimits.DEFAULT);
        Incidents store = new Incidents(onlyFaults, c -> {});
        store.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH));
        store.observe(Events.fault(5, CONVEYOR_PLC, "material", Severity.MEDIUM));
        store.observe(Events.fault(9, CONVEYOR_PLC, "material", Severity.MEDIUM));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.get("INC-2").orElseThrow().eventCount()).isEqualTo(2);
        assertThat(store.get("INC-2").orElseThrow().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void lifecycleRecordsEveryTransitionAssigneeAndNotes() throws Exception {
        incidents.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH));
        incidents.assign("INC-1", "maria", "lead", T0.plusSeconds(10));
        incidents.acknowledge("INC-1", "maria", T0.plusSeconds(20));
        incidents.note("INC-1", "maria", "laptop blocked at the IDMZ", T0.plusSeconds(30));
        Incident i = incidents.resolve("INC-1", "maria", Optional.of("PLC program verified"), T0.plusSeconds(40));

        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.assignee()).contains("maria");
        assertThat(i.history())
                .containsExactly(
                        new Transition(T0.plusSeconds(20), "maria", IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED),
                        new Transition(
                                T0.plusSeconds(40), "maria", IncidentStatus.ACKNOWLEDGED, IncidentStatus.RESOLVED));
        assertThat(i.notes())
                .extracting(Note::text)
                .containsExactly("laptop blocked at the IDMZ", "PLC program verified");
        assertThat(i.updated()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void invalidTransitionsAreRefusedAndChangeNothing() throws Exception {
        incidents.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH));
        assertThatThrownBy(() -> incidents.reopen("INC-1", "maria", T0))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("incident INC-1 is open");
        incidents.acknowledge("INC-1", "maria", T0);
        assertThatThrownBy(() -> incidents.acknowledge("INC-1", "maria", T0))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("acknowledged");
        incidents.resolve("INC-1", "maria", Optional.empty(), T0);
        assertThatThrownBy(() -> incidents.resolve("INC-1", "maria", Optional.empty(), T0))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> incidents.acknowledge("INC-1", "maria", T0))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> incidents.acknowledge("INC-9", "maria", T0))
                .isInstanceOf(IncidentNotFoundException.class);
        assertThatThrownBy(() -> incidents.note("INC-1", " ", "x", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'by'");
        assertThat(incidents.get("INC-1").orElseThrow().history()).hasSize(2);
        assertThat(journal).hasSize(3); // opened, acknowledged, resolved
    }

    @Test
    void aMatchingEventReopensAResolvedIncidentWithinTheReopenWindowOnly() throws Exception {
        incidents.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH));
        incidents.resolve("INC-1", "maria", Optional.empty(), T0.plusSeconds(60));

        List<IncidentChange> c = incidents.observe(Events.fault(120, CONVEYOR_PLC, "material", Severity.MEDIUM));
        assertThat(c).hasSize(2).first().isInstanceOf(IncidentChange.StatusChanged.class);
        Incident i = incidents.get("INC-1").orElseThrow();
        assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(i.history().getLast())
                .isEqualTo(new Transition(
                        T0.plusSeconds(120), Incidents.SYSTEM, IncidentStatus.RESOLVED, IncidentStatus.OPEN));

        incidents.resolve("INC-1", "maria", Optional.empty(), T0.plusSeconds(180));
        // within the rule's window of the fault, but 31 minutes after resolution: a new incident
        incidents.observe(Events.alert(180 + 31 * 60, CONVEYOR_PLC, "T0855", Severity.HIGH));
        assertThat(incidents.size()).isEqualTo(2);
        assertThat(incidents.get("INC-1").orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void replayingTheJournalRebuildsTheSameIncidents() throws Exception {
        incidents.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH));
        incidents.observe(Events.fault(5, CONVEYOR_PLC, "material", Severity.MEDIUM));
        incidents.observe(Events.fault(50, FILLER_PLC, "thermal", Severity.HIGH));
        incidents.assign("INC-1", "maria", "lead", T0.plusSeconds(70));
        incidents.acknowledge("INC-1", "maria", T0.plusSeconds(80));
        incidents.resolve("INC-2", "joe", Optional.of("fan cleaned"), T0.plusSeconds(90));

        Incidents replayed = new Incidents(IncidentConfig.DEFAULT, c -> {});
        journal.forEach(replayed::apply);

        assertThat(replayed.list(Optional.empty(), 10, 0))
                .usingRecursiveComparison()
                .isEqualTo(incidents.list(Optional.empty(), 10, 0));
        replayed.observe(Events.alert(4000, FILLER_PLC, "T0836", Severity.HIGH));
        assertThat(replayed.get("INC-3")).as("numbering continues after replay").isPresent();
    }

    @Test
    void listsNewestFirstByStatusWithPaging() throws Exception {
        for (int i = 0; i < 5; i++) {
            incidents.observe(Events.alert(i * 1000, new AssetId("ip:10.1.1." + i), "T0855", Severity.HIGH, "z" + i));
        }
        incidents.acknowledge("INC-2", "maria", T0);
        var open = incidents.list(Optional.of(IncidentStatus.OPEN), 2, 1);
        assertThat(open.total()).isEqualTo(4);
        assertThat(open.items()).extracting(Incident::id).containsExactly("INC-4", "INC-3");
        assertThat(incidents
                        .list(Optional.of(IncidentStatus.ACKNOWLEDGED), 10, 0)
                        .items())
                .extracting(Incident::id)
                .containsExactly("INC-2");
    }

    @Test
    void anItHostAttackingSeveralPlcsIsOneIncident() {
        incidents.observe(Events.alert(0, CONVEYOR_PLC, "T0855", Severity.HIGH, "enterprise -> transport"));
        incidents.observe(Events.alert(60, FILLER_PLC, "T0836", Severity.HIGH, "enterprise -> filling"));
        assertThat(incidents.size()).isEqualTo(1);
        assertThat(incidents.get("INC-1").orElseThrow().techniques()).containsExactly("T0855", "T0836");
    }

    @Test
    void storeAndIncidentsStayWithinTheirLimits() throws Exception {
        var config = new IncidentConfig(
                IncidentConfig.defaultRules(Duration.ofDays(1)),
                EnumSet.of(EventKind.NETWORK_ALERT),
                Severity.MEDIUM,
                Duration.ZERO,
                new IncidentLimits(3, 4, 1, 20));
        Incidents store = new Incidents(config, c -> {});
        for (int i = 0; i < 10; i++) {
            store.observe(Events.alert(i, CONVEYOR_PLC, "T0855", Severity.HIGH));
        }
        assertThat(store.get("INC-1").orElseThrow().eventCount()).isEqualTo(10);
        assertThat(store.get("INC-1").orElseThrow().events()).hasSize(4);
        store.note("INC-1", "maria", "one", T0);
        assertThatThrownBy(() -> store.note("INC-1", "maria", "two", T0))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> store.note("INC-1", "maria", "x".repeat(21), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 20");
        store.resolve("INC-1", "maria", Optional.empty(), T0);
        for (int i = 0; i < 3; i++) {
            store.observe(Events.of(0, EventKind.NETWORK_ALERT, new AssetId("ip:10.2.0." + i), Severity.HIGH));
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.get("INC-1")).as("the resolved incident goes first").isEmpty();
    }
}
