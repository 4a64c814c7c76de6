package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.UnknownTechniqueException.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttackIcsTest {
    private static final AttackIcs CATALOG = AttackIcs.bundled();

    @Test
    void holdsTheEightyThreeTechniquesOfVersionSeventeen() {
        assertThat(CATALOG.version()).isEqualTo("17.1");
        assertThat(CATALOG.all()).hasSize(83);
        assertThat(CATALOG.all()).extracting(Technique::id).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "T0855 | Unauthorized Command Message | IMPAIR_PROCESS_CONTROL",
                "T0843 | Program Download | LATERAL_MOVEMENT",
                "T0816 | Device Restart/Shutdown | INHIBIT_RESPONSE_FUNCTION",
                "T0858 | Change Operating Mode | EXECUTION EVASION",
                "T0846 | Remote System Discovery | DISCOVERY",
                "T0888 | Remote System Information Discovery | DISCOVERY",
                "T0836 | Modify Parameter | IMPAIR_PROCESS_CONTROL",
                "T0831 | Manipulation of Control | IMPACT",
                "T0813 | Denial of Control | IMPACT",
                "T0814 | Denial of Service | INHIBIT_RESPONSE_FUNCTION",
                "T0845 | Program Upload | COLLECTION",
                "T0869 | Standard Application Layer Protocol | COMMAND_AND_CONTROL",
                "T0886 | Remote Services | INITIAL_ACCESS LATERAL_MOVEMENT",
                "T0801 | Monitor Process State | COLLECTION",
                "T0861 | Point & Tag Identification | COLLECTION",
                "T0881 | Service Stop | INHIBIT_RESPONSE_FUNCTION",
                "T0878 | Alarm Suppression | INHIBIT_RESPONSE_FUNCTION",
                "T0806 | Brute Force I/O | IMPAIR_PROCESS_CONTROL",
                "T0857 | System Firmware | PERSISTENCE INHIBIT_RESPONSE_FUNCTION",
                "T0800 | Activate Firmware Update Mode | INHIBIT_RESPONSE_FUNCTION",
                "T0839 | Module Firmware | PERSISTENCE IMPAIR_PROCESS_CONTROL",
                "T0874 | Hooking | EXECUTION PRIVILEGE_ESCALATION",
                "T0887 | Wireless Sniffing | DISCOVERY COLLECTION",
                "T0830 | Adversary-in-the-Middle | COLLECTION",
            })
    void knowsTheNameAndTacticsOfATechnique(String id, String name, String tactics) {
        Technique technique = CATALOG.technique(id);
        assertThat(technique.id()).isEqualTo(id);
        assertThat(technique.name()).isEqualTo(name);
        assertThat(technique.tactics())
                .containsExactlyElementsOf(
                        Arrays.stream(tactics.split(" ")).map(Tactic::valueOf).toList());
        assertThat(CATALOG.isKnown(id)).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"T855", "T08555", "", "0855", "T0855.001", "TA0106", "T 0855"})
    void rejectsAMalformedIdSayingWhatAnIdLooksLike(String id) {
        assertThatThrownBy(() -> CATALOG.technique(id))
                .isInstanceOfSatisfying(UnknownTechniqueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.id()).isEqualTo(id);
                })
                .hasMessageStartingWith(
                        "'" + id + "' is not a technique id; expected T followed by 4 digits, e.g. T0855");
        assertThat(CATALOG.isKnown(id)).isFalse();
    }

    @Test
    void pointsOutTheUpperCaseFormOfALowerCaseId() {
        assertThatThrownBy(() -> CATALOG.technique("t0855"))
                .hasMessage("'t0855' is not a technique id; expected T followed by 4 digits, e.g. T0855"
                        + " (ids are upper case without spaces: T0855)");
        assertThatThrownBy(() -> CATALOG.technique("t855"))
                .hasMessage("'t855' is not a technique id; expected T followed by 4 digits, e.g. T0855");
    }

    @Test
    void rejectsAWellFormedIdThatIsNoIcsTechnique() {
        assertThatThrownBy(() -> CATALOG.technique("T0999"))
                .isInstanceOfSatisfying(
                        UnknownTechniqueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_IN_CATALOG))
                .hasMessage("T0999 is not an ATT&CK for ICS technique (v17.1)");
        assertThatThrownBy(() -> CATALOG.technique("T1059"))
                .hasMessageStartingWith("T1059 is not an ATT&CK for ICS technique (v17.1); T1xxx ids are ATT&CK"
                        + " Enterprise techniques");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "T0808 | Control Device Identification",
                "T0810 | Data Historian Compromise",
                "T0818 | Engineering Workstation Compromise",
                "T0824 | I/O Module Discovery",
                "T0825 | Location Identification",
                "T0833 | Modify Control Logic",
                "T0841 | Network Service Scanning",
                "T0844 | Program Organization Units",
                "T0850 | Role Identification",
                "T0854 | Serial Connection Enumeration",
                "T0870 | Detect Program State",
                "T0875 | Change Program State",
            })
    void rejectsADeprecatedTechniqueSayingItIsDeprecated(String id, String name) {
        assertThatThrownBy(() -> CATALOG.technique(id))
                .isInstanceOfSatisfying(
                        UnknownTechniqueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DEPRECATED))
                .hasMessage(id + " (" + name + ") is deprecated in ATT&CK for ICS and no longer a technique in v17.1");
        assertThat(CATALOG.isKnown(id)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Tactic.class)
    void hasTechniquesForEveryTactic(Tactic tactic) {
        assertThat(CATALOG.serving(tactic)).isNotEmpty().allMatch(t -> t.serves(tactic));
    }

    @Test
    void countsTheTechniquesOfEachTacticAsTheMatrixDoes() {
        assertThat(CATALOG.serving(Tactic.INITIAL_ACCESS)).hasSize(12);
        assertThat(CATALOG.serving(Tactic.EXECUTION)).hasSize(10);
        assertThat(CATALOG.serving(Tactic.PERSISTENCE)).hasSize(6);
        assertThat(CATALOG.serving(Tactic.PRIVILEGE_ESCALATION)).hasSize(2);
        assertThat(CATALOG.serving(Tactic.EVASION)).hasSize(7);
        assertThat(CATALOG.serving(Tactic.DISCOVERY)).hasSize(5);
        assertThat(CATALOG.serving(Tactic.LATERAL_MOVEMENT)).hasSize(7);
        assertThat(CATALOG.serving(Tactic.COLLECTION)).hasSize(11);
        assertThat(CATALOG.serving(Tactic.COMMAND_AND_CONTROL)).hasSize(3);
        assertThat(CATALOG.serving(Tactic.INHIBIT_RESPONSE_FUNCTION)).hasSize(14);
        assertThat(CATALOG.serving(Tactic.IMPAIR_PROCESS_CONTROL)).hasSize(5);
        assertThat(CATALOG.serving(Tactic.IMPACT)).hasSize(12);
    }

    @Test
    void returnsTheSameTechniqueObjectEachTime() {
        assertThat(CATALOG.technique("T0855")).isSameAs(CATALOG.technique("T0855"));
        assertThat(AttackIcs.bundled()).isSameAs(CATALOG);
    }

    @Test
    void refusesACatalogWithoutAVersion() {
        assertThatThrownBy(() -> AttackIcs.parse(List.of("T0855\tactive\tUnauthorized Command Message\timpact")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no '# version:' line");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "T0855\\tactive\\tUnauthorized Command Message | line 2: has 3 tab-separated columns; expected 4",
                "T0855\\tactive\\tUnauthorized Command Message\\timpair-control | line 2: 'impair-control' is not an ATT&CK for ICS tactic",
                "T0855\\tretired\\tUnauthorized Command Message\\t- | line 2: status 'retired' is neither active nor deprecated",
                "T855\\tactive\\tUnauthorized Command Message\\timpact | line 2: 'T855' is not a technique id",
                "T0841\\tdeprecated\\tNetwork Service Scanning\\tdiscovery | line 2: deprecated technique T0841 lists tactics 'discovery'; write -",
                "T0855\\tactive\\t \\timpact | line 2: name of technique T0855 must not be blank",
                "T0855\\tactive\\tUnauthorized Command Message\\t | line 2: technique T0855 serves no tactic",
            })
    void refusesACorruptCatalogNamingTheLine(String row, String message) {
        List<String> lines = List.of("# version: 17.1", row.replace("\\t", "\t"));
        assertThatThrownBy(() -> AttackIcs.parse(lines))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("attack-ics-techniques.tsv " + message);
    }

    @Test
    void refusesACatalogListingAnIdTwice() {
        List<String> lines = List.of(
                "# version: 17.1",
                "T0855\tactive\tUnauthorized Command Message\timpair-process-control",
                "T0855\tdeprecated\tUnauthorized Command Message\t-");
        assertThatThrownBy(() -> AttackIcs.parse(lines))
                .hasMessage("attack-ics-techniques.tsv line 3: lists T0855 a second time");
    }

    @Test
    void resolvesTacticsByIdOrShortName() {
        assertThat(Tactic.fromId("TA0106")).isEqualTo(Tactic.IMPAIR_PROCESS_CONTROL);
        assertThat(Tactic.fromId("impair-process-control")).isEqualTo(Tactic.IMPAIR_PROCESS_CONTROL);
        assertThat(Tactic.INITIAL_ACCESS.id()).isEqualTo("TA0108");
        assertThat(Tactic.INHIBIT_RESPONSE_FUNCTION.displayName()).isEqualTo("Inhibit Response Function");
        assertThatThrownBy(() -> Tactic.fromId("TA0001"))
                .hasMessageStartingWith("'TA0001' is not an ATT&CK for ICS tactic");
    }

    @Test
    void givesEveryTacticItsOwnId() {
        assertThat(Arrays.stream(Tactic.values()).map(Tactic::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("TA01(0\\d|1[01])"));
    }

    @Test
    void checksTheShapeOfATechniqueBuiltByHand() {
        assertThatThrownBy(() -> new Technique("T0855", "Unauthorized Command Message", Set.of()))
                .hasMessage("technique T0855 serves no tactic; ATT&CK names at least one");
        assertThat(new Technique("T0855", "Unauthorized Command Message", Set.of(Tactic.IMPAIR_PROCESS_CONTROL)))
                .isEqualTo(CATALOG.technique("T0855"))
                .hasToString("T0855 Unauthorized Command Message");
    }
}
