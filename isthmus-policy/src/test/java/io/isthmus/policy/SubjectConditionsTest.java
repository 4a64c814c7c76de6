package io.isthmus.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.AccessDecision.Reason;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions on the subject's attributes (NIST SP 800-162 ABAC beside the roles): a vendor's
 * technician may touch only its own company's machines, a site's staff only their site's tags, and
 * approving needs a clearance. A condition either names a fixed value or the same property of the
 * resource; a subject without the attribute never meets it.
 */
class SubjectConditionsTest {
    static final Instant DAY = Instant.parse("2026-11-26T10:00:00Z");
    static final AccessResource SPRINGFIELD_FILLER = new AccessResource(
            Optional.of("cell"), "filler", TagPath.parse("acme/springfield/packaging/line1/filler/plc/setpoint"));
    static final AccessResource SHELBYVILLE_FILLER = new AccessResource(
            Optional.of("cell"), "filler", TagPath.parse("acme/shelbyville/packaging/line1/filler/plc/setpoint"));
    static final AccessResource SPRINGFIELD_PRESS = new AccessResource(
            Optional.of("cell"), "press", TagPath.parse("acme/springfield/forming/line2/press/plc/force"));

    static AccessRules rules() throws PolicyException {
        ResourcePattern cell = new ResourcePattern(Optional.of("cell"), Optional.empty(), Optional.empty());
        ResourcePattern filler = new ResourcePattern(Optional.empty(), Optional.of("filler"), Optional.empty());
        Role vendor = new Role(
                "vendor",
                List.of(new Permission(
                        filler,
                        Set.of(AccessKind.READ, AccessKind.PROGRAM),
                        false,
                        Optional.empty(),
                        List.of(),
                        false,
                        List.of(SubjectCondition.parse("company", "fillco")))));
        Role siteOperator = new Role(
                "site-operator",
                List.of(new Permission(
                        cell,
                        Set.of(AccessKind.READ, AccessKind.WRITE),
                        false,
                        Optional.empty(),
                        List.of(),
                        false,
                        List.of(SubjectCondition.parse("site", "$site")))));
        Role approver = new Role(
                "approver",
                List.of(new Permission(
                        cell,
                        Set.of(AccessKind.READ),
                        true,
                        Optional.empty(),
                        List.of(),
                        false,
                        List.of(SubjectCondition.parse("clearance", "2"), SubjectCondition.parse("site", "$site")))));
        return AccessRules.of(List.of(vendor, siteOperator, approver), Set.of("cell"), PolicyTest.policy());
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> m = new HashMap<>();
        if (!text.isBlank()) {
            for (String pair : text.split("\\+")) {
                String[] kv = pair.split("=", 2);
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0} [{1}] {2} {3}: {4} ({5})")
    @CsvSource({
        // role,        attributes,                        action,  resource,    outcome,         reason
        "vendor,        company=fillco,                    READ,    filler-spr,  ALLOW,           GRANTED",
        "vendor,        company=fillco,                    PROGRAM, filler-spr,  NEEDS_APPROVAL,  APPROVAL_REQUIRED",
        "vendor,        company=pressco,                   READ,    filler-spr,  DENY,            SUBJECT_NOT_MATCHED",
        "vendor,        '',                                READ,    filler-spr,  DENY,            SUBJECT_NOT_MATCHED",
        "vendor,        company=FILLCO,                    READ,    filler-spr,  DENY,            SUBJECT_NOT_MATCHED",
        "vendor,        company=fillco,                    WRITE,   filler-spr,  DENY,            ACTION_NOT_GRANTED",
        "vendor,        company=fillco,                    READ,    press-spr,   DENY,            NO_PERMISSION",
        "site-operator, site=springfield,                  WRITE,   filler-spr,  NEEDS_APPROVAL,  APPROVAL_REQUIRED",
        "site-operator, site=springfield,                  READ,    press-spr,   ALLOW,           GRANTED",
        "site-operator, site=springfield,                  READ,    filler-shb,  DENY,            SUBJECT_NOT_MATCHED",
        "site-operator, site=shelbyville,                  READ,    filler-shb,  ALLOW,           GRANTED",
        "site-operator, company=springfield,               READ,    filler-spr,  DENY,            SUBJECT_NOT_MATCHED",
        "site-operator, site=springfield+company=fillco,   READ,    filler-spr,  ALLOW,           GRANTED",
    })
    void theMatrix(String role, String attrs, AccessKind action, String resource, Outcome outcome, Reason reason)
            throws Exception {
        AccessResource on = switch (resource) {
            case "filler-spr" -> SPRINGFIELD_FILLER;
            case "filler-shb" -> SHELBYVILLE_FILLER;
            default -> SPRINGFIELD_PRESS;
        };
        AccessDecision d = rules().decide(new AccessRequest(
                "sam", Set.of(role), InetAddress.getByName("10.1.2.5"), DAY, action, on, attributes(attrs)));
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.reason()).isEqualTo(reason);
        if (reason == Reason.SUBJECT_NOT_MATCHED) {
            assertThat(d.explanation()).contains("sam's attributes do not meet the conditions");
        }
    }

    @ParameterizedTest(name = "approver [{0}] on {1}: {2}")
    @CsvSource({
        "clearance=2+site=springfield,   filler-spr, true",
        "clearance=1+site=springfield,   filler-spr, false",
        "site=springfield,               filler-spr, false",
        "clearance=2+site=springfield,   filler-shb, false",
        "clearance=2+site=shelbyville,   filler-shb, true",
    })
    void approvingNeedsEveryConditionOfTheApprovePermission(String attrs, String resource, boolean may)
            throws Exception {
        AccessResource on = resource.equals("filler-spr") ? SPRINGFIELD_FILLER : SHELBYVILLE_FILLER;
        AccessDecision d =
                rules().mayApprove(Set.of("approver"), attributes(attrs), InetAddress.getByName("10.1.2.5"), DAY, on);
        assertThat(d.allowed()).isEqualTo(may);
        if (!may) {
            assertThat(d.reason()).isEqualTo(Reason.SUBJECT_NOT_MATCHED);
        }
        assertThat(rules().mayApprove(Set.of("approver"), InetAddress.getByName("10.1.2.5"), DAY, on)
                        .reason())
                .as("the old entry point: an approver without attributes")
                .isEqualTo(Reason.SUBJECT_NOT_MATCHED);
    }

    @Test
    void aReferenceComparesWithTheResourcesProperty() {
        SubjectCondition zone = SubjectCondition.parse("zone", "$zone");
        assertThat(zone).isEqualTo(new SubjectCondition.SameAs("zone", SubjectCondition.ResourceProperty.ZONE));
        assertThat(zone.holds(Map.of("zone", "cell"), SPRINGFIELD_FILLER)).isTrue();
        AccessResource unzoned = new AccessResource(Optional.empty(), "x", SPRINGFIELD_FILLER.tag());
        assertThat(zone.holds(Map.of("zone", "cell"), unzoned))
                .as("no zone is nobody's zone")
                .isFalse();
        assertThat(SubjectCondition.parse("line", "$line").holds(Map.of("line", "line1"), SPRINGFIELD_FILLER))
                .isTrue();
        assertThat(SubjectCondition.parse("asset", "$asset").holds(Map.of("asset", "press"), SPRINGFIELD_FILLER))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "site|$planet| names no resource property",
                "Site|x| attribute name 'Site' must be",
                "site|| must be 1..64 of letters",
                "site|two words| must be 1..64 of letters",
                "site|a;b| must be 1..64 of letters",
                "1site|x| attribute name '1site' must be",
            })
    void malformedConditionsAreRefusedWithTheReason(String name, String value, String message) {
        assertThatThrownBy(() -> SubjectCondition.parse(name, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.strip());
    }

    @Test
    void attributesAreBoundedAndChecked() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= SubjectAttributes.MAX_ATTRIBUTES; i++) {
            many.put("a" + i, "v");
        }
        assertThatThrownBy(() -> SubjectAttributes.check("person x", many)).hasMessageContaining("at most 16");
        assertThatThrownBy(() -> SubjectAttributes.check("person x", Map.of("site", "x".repeat(65))))
                .hasMessageContaining("person x: attribute site");
        assertThat(SubjectAttributes.check("person x", Map.of("site", "springfield", "clearance", "2")))
                .containsExactly(Map.entry("clearance", "2"), Map.entry("site", "springfield"));
    }
}
