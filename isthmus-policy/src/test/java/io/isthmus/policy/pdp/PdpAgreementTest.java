package io.isthmus.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three decision points — ours, jCasbin and Cedar — say the same thing about every request of
 * the generated tables, on the factory's zones and conduits and on the access-rule example. That
 * makes the benchmark's decisions/s figures comparable, and shows the policy files in
 * docs/pdp-comparison.md mean what ours means.
 */
class PdpAgreementTest {
    static List<Operation> operations;
    static List<AccessQuery> queries;
    static OurPdp ours;

    @BeforeAll
    static void tables() {
        operations = RequestTable.operations();
        queries = RequestTable.accessQueries();
        ours = new OurPdp(operations, queries);
    }

    @Test
    void theTablesExerciseBothAnswers() {
        long allowed = 0;
        for (int i = 0; i < operations.size(); i++) {
            allowed += ours.zoneAllows(i) ? 1 : 0;
        }
        assertThat(operations).hasSize(36 * 3 * 3 * 2 * 3 * 5);
        assertThat(allowed).isBetween(100L, operations.size() - 100L);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < queries.size(); i++) {
            outcomes.merge(ours.access(i), 1, Integer::sum);
        }
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Outcome.values());
        assertThat(outcomes.get(Outcome.ALLOW)).isGreaterThan(20);
        assertThat(outcomes.get(Outcome.NEEDS_APPROVAL)).isGreaterThan(20);
    }

    @Test
    void jcasbinAgreesOnEveryRequest() {
        agree(new CasbinPdp(operations, queries));
    }

    @Test
    void cedarAgreesOnEveryRequest() throws Exception {
        CedarPdp cedar = new CedarPdp(operations, queries);
        assertThat(cedar.validate()).as("Cedar's validator on both policies").isEmpty();
        agree(cedar);
    }

    private static void agree(Pdp other) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            boolean a = ours.zoneAllows(i);
            boolean b = other.zoneAllows(i);
            if (a != b) {
                differences.add(operations.get(i) + ": ours " + a + ", " + other.name() + " " + b);
            }
        }
        for (int i = 0; i < queries.size(); i++) {
            Outcome a = ours.access(i);
            Outcome b = other.access(i);
            if (a != b) {
                differences.add(queries.get(i) + ": ours " + a + ", " + other.name() + " " + b);
            }
        }
        assertThat(differences)
                .as("requests on which %s disagrees", other.name())
                .isEmpty();
    }
}
