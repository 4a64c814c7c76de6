package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.AccessRequest;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.AccessRules;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The access section of a policy file: roles and permissions bound, mistakes pointed at by line. */
class AccessYamlTest {
    static final String ACCESS = PolicyYamlTest.ZONES + """
            access:
              protected-zones: [cell]
              roles:
                - name: operator
                  permissions:
                    - zone: cell
                      actions: [read, write]
                      time: { days: [mon, tue, wed, thu, fri], from: "06:00", to: "22:00", zone: UTC }
                      sources: [10.1.2.0/24]
                - name: approver
                  permissions:
                    - zone: cell
                      tags: acme/springfield
                      actions: [read, approve]
            """;

    static AccessRules rules(String yaml) throws Exception {
        return PolicyYaml.parseFile("zones.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .access();
    }

    @Test
    void theSectionBindsToRulesThatDecide() throws Exception {
        AccessRules r = rules(ACCESS);
        assertThat(r.protectedZones()).containsExactly("cell");
        var res = new AccessResource(Optional.of("cell"), "filler", TagPath.parse("acme/springfield/p/l/c/filler/sp"));
        var hmi = InetAddress.getByName("10.1.2.7");
        Instant thursday = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(r.decide(new AccessRequest("alice", Set.of("operator"), hmi, thursday, AccessKind.READ, res))
                        .outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(r.decide(new AccessRequest("alice", Set.of("operator"), hmi, thursday, AccessKind.WRITE, res))
                        .outcome())
                .isEqualTo(Outcome.NEEDS_APPROVAL);
        assertThat(r.mayApprove(Set.of("approver"), hmi, thursday, res).allowed())
                .isTrue();
    }

    @Test
    void aPolicyWithoutAccessSectionAllowsNothing() throws Exception {
        assertThat(rules(PolicyYamlTest.ZONES)).isSameAs(AccessRules.NONE);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "actions: [read, fly]| zones.yaml:13:7: roles entry 1: 'fly' is not an access kind.*",
                "actions: [diagnostic]| zones.yaml:13:7: roles entry 1: action 'diagnostic' is not one of.*",
                "zone: mars\\nactions: [read]| zones.yaml:13:7: role a: permission 1: no zone named mars",
                "actions: [read]\\ntime: { from: '25:00', to: '06:00' }| zones.yaml:13:7: roles entry 1: .*times are HH:MM.*",
                "actions: [read]\\ntime: { days: [someday], from: '06:00', to: '07:00' }| zones.yaml:13:7: .*'someday' is not a day.*",
                "actions: [read]\\nsources: [10.1.2.0/33]| zones.yaml:13:7: roles entry 1: .*",
                "actions: [read]\\ncolour: red| zones.yaml:13:7: roles entry 1: unknown field 'colour'.*",
                "actions: [read]\\nsubject: { site: $planet }| zones.yaml:13:7: roles entry 1: .*names no resource property.*",
                "actions: [read]\\nsubject: { Site: x }| zones.yaml:13:7: roles entry 1: .*attribute name 'Site' must be.*",
                "actions: [read]\\nsubject: { site: 'two words' }| zones.yaml:13:7: roles entry 1: .*must be 1..64 of letters.*",
                "actions: [read]\\nsubject: [site]| zones.yaml:13:7: roles entry 1: .*",
            })
    void mistakesNameFileLineAndColumn(String permission, String expected) {
        String yaml = PolicyYamlTest.ZONES + "access:\n  roles:\n    - name: a\n      permissions:\n        - "
                + permission.replace("\\n", "\n          ") + "\n";
        assertThatThrownBy(() -> rules(yaml))
                .isInstanceOf(PolicyYaml.PolicyFileException.class)
                .hasMessageMatching("(?s)" + expected);
    }

    @Test
    void anUnknownProtectedZoneIsReported() {
        assertThatThrownBy(() -> rules(PolicyYamlTest.ZONES + "access:\n  protected-zones: [moon]\n  roles: []\n"))
                .hasMessageContaining("zone moon: is listed as protected");
    }

    @Test
    void subjectConditionsBindAndDecide() throws Exception {
        AccessRules r = rules(PolicyYamlTest.ZONES + """
                access:
                  roles:
                    - name: vendor
                      permissions:
                        - zone: cell
                          actions: [read]
                          subject: { company: fillco, site: $site, clearance: 2 }
                """);
        var res = new AccessResource(Optional.of("cell"), "filler", TagPath.parse("acme/springfield/p/l/c/filler/sp"));
        var hmi = InetAddress.getByName("10.1.2.7");
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        var fillco = java.util.Map.of("company", "fillco", "site", "springfield", "clearance", "2");
        assertThat(r.decide(new AccessRequest("sam", Set.of("vendor"), hmi, now, AccessKind.READ, res, fillco))
                        .outcome())
                .isEqualTo(Outcome.ALLOW);
        var elsewhere = java.util.Map.of("company", "fillco", "site", "shelbyville", "clearance", "2");
        assertThat(r.decide(new AccessRequest("sam", Set.of("vendor"), hmi, now, AccessKind.READ, res, elsewhere))
                        .reason())
                .isEqualTo(io.isthmus.policy.AccessDecision.Reason.SUBJECT_NOT_MATCHED);
        assertThat(r.roles().getFirst().permissions().getFirst().subject())
                .extracting(io.isthmus.policy.SubjectCondition::attribute)
                .containsExactly("company", "site", "clearance");
    }
}
