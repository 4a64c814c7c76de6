package io.isthmus.policy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.IpNetwork;
import io.isthmus.policy.AccessDecision.Outcome;
import io.isthmus.policy.AccessDecision.Reason;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access section of a policy: roles with permissions on resources (zone, asset, tag path prefix)
 * × actions (read, write, control, program) × conditions (subject attributes, time window, source
 * network, approval),
 * and the protected zones in which every change waits for a second person. Deny by default: only a
 * permission of one of the subject's roles that covers the resource and the action and whose
 * conditions hold allows anything. Of several that hold, one without approval wins; a change in a
 * protected zone needs approval whatever the permission says.
 *
 * <p>Immutable, thread-safe, no I/O: the gateway calls {@link #decide} once per item of a request.
 */
public final class AccessRules {
    /** Rules that allow nothing: what a policy file without an {@code access:} section means. */
    public static final AccessRules NONE = new AccessRules(List.of(), Set.of());

    private final Map<String, Role> roles;
    private final Set<String> protectedZones;

    private AccessRules(List<Role> roles, Set<String> protectedZones) {
        Map<String, Role> byName = new LinkedHashMap<>();
        roles.forEach(r -> byName.put(r.name(), r));
        this.roles = byName;
        this.protectedZones = Set.copyOf(protectedZones);
    }

    /**
     * Validates against the zones of {@code policy}: role names unique, every zone named (by a
     * permission or as protected) exists. All problems at once, each naming the role.
     */
    public static AccessRules of(List<Role> roles, Set<String> protectedZones, Policy policy) throws PolicyException {
        Set<String> zones = new java.util.HashSet<>();
        policy.zones().forEach(z -> zones.add(z.name()));
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Role r : roles) {
            if (seen.merge(r.name(), 1, Integer::sum) == 2) {
                problems.add(new PolicyProblem(PolicyProblem.Subject.ROLE, r.name(), "is defined twice"));
            }
            for (int i = 0; i < r.permissions().size(); i++) {
                Permission p = r.permissions().get(i);
                if (p.on().zone().isPresent() && !zones.contains(p.on().zone().get())) {
                    problems.add(new PolicyProblem(
                            PolicyProblem.Subject.ROLE,
                            r.name(),
                            "permission " + (i + 1) + ": no zone named "
                                    + p.on().zone().get()));
                }
            }
        }
        for (String z : protectedZones) {
            if (!zones.contains(z)) {
                problems.add(new PolicyProblem(
                        PolicyProblem.Subject.ZONE, z, "is listed as protected but no zone has this name"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new AccessRules(roles, protectedZones);
    }

    public List<Role> roles() {
        return List.copyOf(roles.values());
    }

    public Set<String> protectedZones() {
        return protectedZones;
    }

    /** Allow, needs approval, or deny one item, and why. */
    public AccessDecision decide(AccessRequest q) {
        Reason closest = Reason.NO_ROLE;
        String closestRule = "default-deny";
        AccessDecision pending = null;
        for (String roleName : q.roles()) {
            Role role = roles.get(roleName);
            if (role == null) {
                continue;
            }
            closest = later(closest, Reason.NO_PERMISSION);
            for (int i = 0; i < role.permissions().size(); i++) {
                Permission p = role.permissions().get(i);
                Reason r = check(p, q.action(), false, q);
                String rule = role.name() + "#" + (i + 1);
                if (r == Reason.GRANTED) {
                    boolean needsApproval = p.approval() || isProtectedChange(q.action(), q.resource());
                    if (!needsApproval) {
                        return new AccessDecision(
                                Outcome.ALLOW, Reason.GRANTED, rule, "granted by role " + role.name());
                    }
                    if (pending == null) {
                        pending = new AccessDecision(
                                Outcome.NEEDS_APPROVAL,
                                Reason.APPROVAL_REQUIRED,
                                rule,
                                p.approval()
                                        ? "role " + role.name() + " may do it once another person approves"
                                        : "zone " + q.resource().zone().orElse("?")
                                                + " is protected: a second person must approve");
                    }
                } else if (r.ordinal() > closest.ordinal()) {
                    closest = r;
                    closestRule = rule;
                }
            }
        }
        if (pending != null) {
            return pending;
        }
        return new AccessDecision(
                Outcome.DENY,
                closest,
                closestRule,
                refusal(closest, q, q.action().id()));
    }

    /**
     * Whether {@code approver} (their roles, address, the time) may approve a pending request on
     * {@code resource}: some permission with {@code approve} covers it and its time and source
     * conditions hold. That the approver is another person is the caller's check.
     */
    public AccessDecision mayApprove(
            Set<String> approverRoles, InetAddress source, Instant time, AccessResource resource) {
        return mayApprove(approverRoles, Map.of(), source, time, resource);
    }

    /** As {@link #mayApprove(Set, InetAddress, Instant, AccessResource)}, for an approver with attributes. */
    public AccessDecision mayApprove(
            Set<String> approverRoles,
            Map<String, String> attributes,
            InetAddress source,
            Instant time,
            AccessResource resource) {
        AccessRequest q =
                new AccessRequest("approver", approverRoles, source, time, AccessKind.READ, resource, attributes);
        Reason closest = Reason.NO_ROLE;
        String closestRule = "default-deny";
        for (String roleName : approverRoles) {
            Role role = roles.get(roleName);
            if (role == null) {
                continue;
            }
            closest = later(closest, Reason.NO_PERMISSION);
            for (int i = 0; i < role.permissions().size(); i++) {
                Reason r = check(role.permissions().get(i), AccessKind.READ, true, q);
                String rule = role.name() + "#" + (i + 1);
                if (r == Reason.GRANTED) {
                    return new AccessDecision(
                            Outcome.ALLOW, Reason.GRANTED, rule, "role " + role.name() + " may approve");
                }
                if (r.ordinal() > closest.ordinal()) {
                    closest = r;
                    closestRule = rule;
                }
            }
        }
        return new AccessDecision(Outcome.DENY, closest, closestRule, refusal(closest, q, "approve"));
    }

    private boolean isProtectedChange(AccessKind action, AccessResource r) {
        return action != AccessKind.READ
                && r.zone().map(protectedZones::contains).orElse(false);
    }

    private static Reason check(Permission p, AccessKind action, boolean approving, AccessRequest q) {
        if (!p.on().matches(q.resource())) {
            return Reason.NO_PERMISSION;
        }
        if (approving ? !p.approve() : !p.actions().contains(action)) {
            return Reason.ACTION_NOT_GRANTED;
        }
        if (!p.subjectMatches(q.attributes(), q.resource())) {
            return Reason.SUBJECT_NOT_MATCHED;
        }
        if (p.time().isPresent() && !p.time().get().contains(q.time())) {
            return Reason.OUTSIDE_TIME_WINDOW;
        }
        if (!p.sources().isEmpty() && !inAny(p.sources(), q.source())) {
            return Reason.SOURCE_NOT_ALLOWED;
        }
        return Reason.GRANTED;
    }

    private static boolean inAny(List<IpNetwork> networks, InetAddress a) {
        for (IpNetwork n : networks) {
            if (n.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static Reason later(Reason a, Reason b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }

    private static String refusal(Reason r, AccessRequest q, String verb) {
        String what = verb + " on " + q.resource().tag();
        return switch (r) {
            case NO_ROLE -> q.subject() + " holds no role these rules define (deny by default)";
            case NO_PERMISSION ->
                "no permission of " + q.subject() + "'s roles covers "
                        + q.resource().tag();
            case ACTION_NOT_GRANTED -> q.subject() + "'s roles do not grant " + what;
            case SUBJECT_NOT_MATCHED ->
                q.subject() + "'s attributes do not meet the conditions of the permission for " + what;
            case OUTSIDE_TIME_WINDOW -> what + " is allowed only within the permission's time window";
            case SOURCE_NOT_ALLOWED ->
                what + " is not allowed from " + q.source().getHostAddress();
            case GRANTED, APPROVAL_REQUIRED -> "granted";
        };
    }
}
