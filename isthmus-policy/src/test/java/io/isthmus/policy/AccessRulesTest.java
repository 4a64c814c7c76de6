package io.isthmus.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.AccessDecision.Reason;
import java.net.InetAddress;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roles × resources × actions × conditions; anything not granted is denied. */
class AccessRulesTest {
    /** A Thursday, 10:00 UTC. */
    static final Instant DAY = Instant.parse("2026-11-26T10:00:00Z");

    static final String FILLER = "acme/springfield/packaging/line1/filler/plc";
    static final AccessResource SETPOINT =
            new AccessResource(Optional.of("cell"), "filler", TagPath.parse(FILLER + "/setpoint"));
    static final AccessResource SITE_TAG = new AccessResource(
            Optional.of("site"), "mes", TagPath.parse("acme/springfield/packaging/line1/mes/server/orders"));
    static final AccessResource UNZONED =
            new AccessResource(Optional.empty(), "rogue", TagPath.parse("acme/springfield/packaging/line1/rogue/x/y"));

    static Permission permission(ResourcePattern on, Set<AccessKind> actions, boolean approve, boolean approval) {
        return new Permission(on, actions, approve, Optional.empty(), List.of(), approval);
    }

    static AccessRules rules() throws PolicyException {
        ResourcePattern cell = new ResourcePattern(Optional.of("cell"), Optional.empty(), Optional.empty());
        ResourcePattern fillerTags = new ResourcePattern(Optional.empty(), Optional.empty(), Optional.of(FILLER));
        Role viewer = new Role("viewer", List.of(permission(cell, Set.of(AccessKind.READ), false, false)));
        Role operator = new Role(
                "operator",
                List.of(
                        permission(cell, Set.of(AccessKind.READ), false, false),
                        new Permission(
                                fillerTags,
                                Set.of(AccessKind.WRITE, AccessKind.CONTROL),
                                false,
                                Optional.of(new TimeWindow(
                                        Set.of(
                                                DayOfWeek.MONDAY,
                                                DayOfWeek.TUESDAY,
                                                DayOfWeek.WEDNESDAY,
                                                DayOfWeek.THURSDAY,
                                                DayOfWeek.FRIDAY),
                                        LocalTime.of(6, 0),
                                        LocalTime.of(22, 0),
                                        ZoneOffset.UTC)),
                                List.of(IpNetwork.parse("10.1.2.0/24")),
                                false)));
        Role approver = new Role("approver", List.of(permission(cell, Set.of(AccessKind.READ), true, false)));
        Role planner = new Role(
                "planner",
                List.of(permission(
                        new ResourcePattern(Optional.of("site"), Optional.empty(), Optional.empty()),
                        Set.of(AccessKind.READ, AccessKind.WRITE),
                        false,
                        true)));
        return AccessRules.of(List.of(viewer, operator, approver, planner), Set.of("cell"), PolicyTest.policy());
    }

    static AccessRequest request(String roles, String source, Instant at, AccessKind action, AccessResource on)
            throws Exception {
        Set<String> r = roles.isEmpty() ? Set.of() : Set.of(roles.split("\\+"));
        return new AccessRequest("someone", r, InetAddress.getByName(source), at, action, on);
    }

    @ParameterizedTest(name = "{0} from {1} {2} {3}: {4} ({5})")
    @CsvSource({
        // roles          source       action   resource   outcome          reason
        "'',              10.1.2.5,    READ,    setpoint,  DENY,            NO_ROLE",
        "stranger,        10.1.2.5,    READ,    setpoint,  DENY,            NO_ROLE",
        "viewer,          10.1.2.5,    READ,    setpoint,  ALLOW,           GRANTED",
        "viewer,          10.1.2.5,    WRITE,   setpoint,  DENY,            ACTION_NOT_GRANTED",
        "viewer,          10.1.2.5,    READ,    site,      DENY,            NO_PERMISSION",
        "viewer,          10.1.2.5,    READ,    unzoned,   DENY,            NO_PERMISSION",
        "operator,        10.1.2.5,    WRITE,   setpoint,  NEEDS_APPROVAL,  APPROVAL_REQUIRED",
        "operator,        10.1.2.5,    CONTROL, setpoint,  NEEDS_APPROVAL,  APPROVAL_REQUIRED",
        "operator,        10.1.2.5,    PROGRAM, setpoint,  DENY,            ACTION_NOT_GRANTED",
        "operator,        192.168.1.9, WRITE,   setpoint,  DENY,            SOURCE_NOT_ALLOWED",
        "approver,        10.1.2.5,    WRITE,   setpoint,  DENY,            ACTION_NOT_GRANTED",
        "planner,         10.1.2.5,    WRITE,   site,      NEEDS_APPROVAL,  APPROVAL_REQUIRED",
        "planner,         10.1.2.5,    READ,    site,      NEEDS_APPROVAL,  APPROVAL_REQUIRED",
        "planner,         10.1.2.5,    WRITE,   setpoint,  DENY,            NO_PERMISSION",
        "viewer+planner,  10.1.2.5,    READ,    setpoint,  ALLOW,           GRANTED",
    })
    void theMatrix(String roles, String source, AccessKind action, String resource, Outcome outcome, Reason reason)
            throws Exception {
        AccessResource on = switch (resource) {
            case "setpoint" -> SETPOINT;
            case "site" -> SITE_TAG;
            default -> UNZONED;
        };
        AccessDecision d = rules().decide(request(roles, source, DAY, action, on));
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.reason()).isEqualTo(reason);
        assertThat(d.explanation()).isNotBlank();
    }

    @Test
    void outsideTheTimeWindowTheOperatorMayNotWrite() throws Exception {
        Instant night = Instant.parse("2026-11-26T23:00:00Z");
        Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(rules().decide(request("operator", "10.1.2.5", night, AccessKind.WRITE, SETPOINT))
                        .reason())
                .isEqualTo(Reason.OUTSIDE_TIME_WINDOW);
        assertThat(rules().decide(request("operator", "10.1.2.5", saturday, AccessKind.WRITE, SETPOINT))
                        .reason())
                .isEqualTo(Reason.OUTSIDE_TIME_WINDOW);
    }

    @Test
    void aWindowOverMidnightBelongsToTheDayItStarted() {
        TimeWindow night =
                new TimeWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneOffset.UTC);
        assertThat(night.contains(Instant.parse("2026-11-27T23:00:00Z"))).isTrue(); // Friday night
        assertThat(night.contains(Instant.parse("2026-11-28T05:59:00Z"))).isTrue(); // Saturday early
        assertThat(night.contains(Instant.parse("2026-11-28T06:00:00Z"))).isFalse();
        assertThat(night.contains(Instant.parse("2026-11-28T23:00:00Z"))).isFalse(); // Saturday night
    }

    @Test
    void onlyAnApproveGrantMayApprove() throws Exception {
        AccessRules r = rules();
        InetAddress a = InetAddress.getByName("10.1.2.5");
        assertThat(r.mayApprove(Set.of("approver"), a, DAY, SETPOINT).allowed()).isTrue();
        assertThat(r.mayApprove(Set.of("operator"), a, DAY, SETPOINT).reason()).isEqualTo(Reason.ACTION_NOT_GRANTED);
        assertThat(r.mayApprove(Set.of("approver"), a, DAY, SITE_TAG).reason()).isEqualTo(Reason.NO_PERMISSION);
        assertThat(r.mayApprove(Set.of(), a, DAY, SETPOINT).reason()).isEqualTo(Reason.NO_ROLE);
    }

    @Test
    void noRulesAllowNothing() throws Exception {
        assertThat(AccessRules.NONE
                        .decide(request("viewer", "10.1.2.5", DAY, AccessKind.READ, SETPOINT))
                        .outcome())
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void unknownZonesAndDuplicateRolesAreReportedTogether() {
        ResourcePattern nowhere = new ResourcePattern(Optional.of("mars"), Optional.empty(), Optional.empty());
        Role a = new Role("a", List.of(permission(nowhere, Set.of(AccessKind.READ), false, false)));
        assertThatThrownBy(() -> AccessRules.of(List.of(a, a), Set.of("moon"), PolicyTest.policy()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("defined twice")
                .hasMessageContaining("no zone named mars")
                .hasMessageContaining("moon");
    }

    @Test
    void malformedPatternsAndEmptyGrantsAreRefused() {
        assertThatThrownBy(() -> new ResourcePattern(Optional.empty(), Optional.empty(), Optional.of("a//b")))
                .hasMessageContaining("whole ISA-95 segments");
        assertThatThrownBy(() -> permission(ResourcePattern.ANY, Set.of(), false, false))
                .hasMessageContaining("grants no action");
        assertThatThrownBy(() -> new Role("Bad Name", List.of())).hasMessageContaining("role name");
    }
}
