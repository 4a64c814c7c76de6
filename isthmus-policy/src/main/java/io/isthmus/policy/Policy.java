package io.isthmus.policy;

import io.isthmus.model.Zone;
import io.isthmus.policy.Decision.Reason;
import io.isthmus.policy.Decision.Verdict;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated zones-and-conduits policy and its decision function. Default deny: an operation is
 * allowed only inside one zone or through a conduit that carries exactly it; an enterprise level
 * never talks directly to a control level, whatever a conduit says (validation rejects such a
 * conduit anyway).
 *
 * <p>Immutable and thread-safe. {@link #decide} allocates nothing on the allow path beyond the
 * address bytes: allow decisions are built once, here, per zone and per conduit and zone pair.
 */
public final class Policy {
    private final List<Zone> zones;
    private final List<ConduitRule> conduits;
    private final ZoneIndex index;
    private final Decision[] intraZone;
    /** Per client zone and server zone: the conduits that let the client side open connections. */
    private final Opening[][] openings;
    /** Per zone pair (either order): true when some conduit joins them. */
    private final boolean[][] joined;

    private record Opening(ConduitRule rule, Decision allow) {}

    private Policy(List<Zone> zones, List<ConduitRule> conduits) {
        this.zones = List.copyOf(zones);
        this.conduits = List.copyOf(conduits);
        this.index = new ZoneIndex(this.zones);
        int n = zones.size();
        intraZone = new Decision[n];
        openings = new Opening[n * n][];
        joined = new boolean[n][n];
        for (int z = 0; z < n; z++) {
            Optional<Zone> zone = Optional.of(zones.get(z));
            intraZone[z] = new Decision(
                    Verdict.ALLOW,
                    Reason.INTRA_ZONE,
                    zones.get(z).name(),
                    "both ends are in zone " + zones.get(z).name(),
                    zone,
                    zone);
        }
        for (int c = 0; c < n; c++) {
            for (int s = 0; s < n; s++) {
                openings[c * n + s] = openingsFor(c, s);
            }
        }
    }

    private Opening[] openingsFor(int c, int s) {
        Zone client = zones.get(c);
        Zone server = zones.get(s);
        List<Opening> out = new ArrayList<>();
        for (ConduitRule r : conduits) {
            if (r.conduit().joins(client.name(), server.name())) {
                joined[c][s] = true;
            }
            if (c != s && r.conduit().mayOpen(client.name(), server.name())) {
                out.add(new Opening(
                        r,
                        new Decision(
                                Verdict.ALLOW,
                                Reason.CONDUIT,
                                r.name(),
                                "conduit " + r.name() + " allows it",
                                Optional.of(client),
                                Optional.of(server))));
            }
        }
        return out.toArray(Opening[]::new);
    }

    /** Validates and builds; every problem is reported at once. */
    public static Policy of(List<Zone> zones, List<ConduitRule> conduits) throws PolicyException {
        List<PolicyProblem> problems = PolicyValidation.check(zones, conduits);
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new Policy(zones, conduits);
    }

    /** The problems {@link #of} would report; empty for a usable policy. */
    public static List<PolicyProblem> problems(List<Zone> zones, List<ConduitRule> conduits) {
        return PolicyValidation.check(zones, conduits);
    }

    public List<Zone> zones() {
        return zones;
    }

    public List<ConduitRule> conduits() {
        return conduits;
    }

    /** The zone holding the address, if any. */
    public Optional<Zone> zoneOf(InetAddress address) {
        int z = index.zoneOf(address);
        return z == ZoneIndex.NONE ? Optional.empty() : Optional.of(zones.get(z));
    }

    /** Allow or deny one operation, and why. */
    public Decision decide(Operation op) {
        int c = index.zoneOf(op.client());
        int s = index.zoneOf(op.server());
        if (c == ZoneIndex.NONE || s == ZoneIndex.NONE) {
            InetAddress unknown = c == ZoneIndex.NONE ? op.client() : op.server();
            return deny(
                    Reason.UNZONED_ADDRESS,
                    "default-deny",
                    c,
                    s,
                    (c == ZoneIndex.NONE ? "client " : "server ") + unknown.getHostAddress() + " is in no zone");
        }
        if (c == s) {
            return intraZone[c];
        }
        Zone client = zones.get(c);
        Zone server = zones.get(s);
        if (PolicyValidation.crossesIdmz(client, server)) {
            return deny(
                    Reason.IDMZ,
                    "idmz",
                    c,
                    s,
                    client.name() + " (" + client.level() + ") talks directly to " + server.name() + " ("
                            + server.level() + "); enterprise and control levels meet only through the IDMZ");
        }
        Opening[] candidates = openings[c * zones.size() + s];
        if (candidates.length == 0) {
            return joined[c][s]
                    ? deny(
                            Reason.WRONG_INITIATOR,
                            "default-deny",
                            c,
                            s,
                            "no conduit lets " + client.name() + " open connections to " + server.name())
                    : deny(
                            Reason.NO_CONDUIT,
                            "default-deny",
                            c,
                            s,
                            "no conduit joins " + client.name() + " and " + server.name());
        }
        Reason closest = null;
        ConduitRule closestRule = null;
        for (Opening o : candidates) {
            Reason r = o.rule().check(op);
            if (r == Reason.CONDUIT) {
                return o.allow();
            }
            if (closest == null || r.ordinal() > closest.ordinal()) {
                closest = r;
                closestRule = o.rule();
            }
        }
        return deny(closest, closestRule.name(), c, s, refusal(closest, closestRule, op));
    }

    private static String refusal(Reason r, ConduitRule rule, Operation op) {
        String conduit = "conduit " + rule.name();
        return switch (r) {
            case PROTOCOL_NOT_ALLOWED ->
                conduit + " does not carry " + op.protocol().id();
            case ACCESS_NOT_ALLOWED ->
                conduit + " does not allow " + op.access().id() + " operations";
            case FUNCTION_NOT_ALLOWED ->
                conduit + " does not allow function " + op.function() + "; allowed " + rule.functions();
            case UNIT_NOT_ALLOWED -> conduit + " does not allow unit " + op.unit() + "; allowed " + rule.units();
            case ADDRESS_NOT_ALLOWED ->
                conduit + " does not allow addresses " + op.address() + ".." + (op.address() + op.quantity() - 1)
                        + "; allowed " + rule.addresses();
            case INTRA_ZONE, CONDUIT, UNZONED_ADDRESS, IDMZ, NO_CONDUIT, WRONG_INITIATOR -> conduit + " refuses it";
        };
    }

    private Decision deny(Reason reason, String rule, int c, int s, String explanation) {
        return new Decision(Verdict.DENY, reason, rule, explanation, zone(c), zone(s));
    }

    private Optional<Zone> zone(int z) {
        return z == ZoneIndex.NONE ? Optional.empty() : Optional.of(zones.get(z));
    }
}
