package io.isthmus.insight.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AttackIcs;
import io.isthmus.model.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunbooksTest {
    final Runbooks bundled = Runbooks.bundled();

    @Test
    void everyDetectedTechniqueAndFaultClassHasARunbookWithTitleAndSteps() {
        assertThat(bundled.all()).hasSize(18);
        for (Runbook r : bundled.all()) {
            assertThat(r.title()).as(r.id()).isNotBlank();
            assertThat(r.markdown()).as(r.id()).containsPattern("(?m)^\\d+\\. ");
        }
        for (String t : Runbooks.BUNDLED_TECHNIQUES) {
            assertThat(bundled.get(t).orElseThrow().title())
                    .as("the title names the technique")
                    .contains(t);
            AttackIcs.bundled().technique(t); // a real ATT&CK for ICS id
        }
    }

    @Test
    void aTechniqueWinsOverAFaultClassAndAFaultClassIsTheFallback() {
        Incidents store = new Incidents(IncidentConfig.DEFAULT, c -> {});
        store.observe(Events.fault(0, Events.CONVEYOR_PLC, "material", Severity.MEDIUM));
        Incident faultOnly = store.get("INC-1").orElseThrow();
        assertThat(bundled.choose(faultOnly).map(Runbook::id)).contains("fault-material");

        store.observe(Events.alert(5, Events.CONVEYOR_PLC, "T0855", Severity.HIGH));
        Incident both = store.get("INC-1").orElseThrow();
        assertThat(bundled.choose(both).map(Runbook::id)).contains("T0855");
    }

    @Test
    void theMostSevereEventsTechniqueChoosesNotTheFirstEvents() {
        // attack-demo: a scan comes first, the unauthorized stop command is what the steps are for
        Incidents store = new Incidents(IncidentConfig.DEFAULT, c -> {});
        store.observe(Events.alert(0, Events.CONVEYOR_PLC, "T0846", Severity.MEDIUM));
        store.observe(Events.fault(30, Events.CONVEYOR_PLC, "material", Severity.MEDIUM));
        store.observe(Events.alert(35, Events.CONVEYOR_PLC, "T0855", Severity.HIGH));
        store.observe(Events.alert(40, Events.CONVEYOR_PLC, "T0836", Severity.HIGH));
        Incident incident = store.get("INC-1").orElseThrow();
        assertThat(incident.techniques()).startsWith("T0846");
        assertThat(bundled.choose(incident).map(Runbook::id))
                .as("the earliest of the most severe events")
                .contains("T0855");
    }

    @Test
    void anIncidentWithoutKnownTechniqueOrClassHasNoRunbook() {
        Incidents store = new Incidents(IncidentConfig.DEFAULT, c -> {});
        store.observe(Events.fault(0, Events.CONVEYOR_PLC, "hydraulic", Severity.HIGH));
        assertThat(bundled.choose(store.get("INC-1").orElseThrow())).isEqualTo(Optional.empty());
    }

    @Test
    void anOverrideReplacesTheBundledRunbookAndNewOnesExtendThem() {
        Runbooks site = bundled.with(List.of(
                Runbook.parse("T0855", "# Our T0855 procedure\n1. call the OT desk\n"),
                Runbook.parse("fault-hydraulic", "\n# Hydraulic fault\n1. check the pressure\n")));
        assertThat(site.get("T0855").orElseThrow().title()).isEqualTo("Our T0855 procedure");
        assertThat(site.get("fault-hydraulic").orElseThrow().title()).isEqualTo("Hydraulic fault");
        assertThat(site.all()).hasSize(19);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "T0855 | no heading | must start with a title line",
                "T0855 | '#    ' | must start with a title line",
                "'' | # Title | runbook id ''",
                "../etc/passwd | # Title | must be 1-64 letters",
            })
    void malformedRunbooksAreRefusedWithTheirId(String id, String markdown, String message) {
        assertThatThrownBy(() -> Runbook.parse(id, markdown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
