package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.policy.Decision;
import io.isthmus.policy.Operation;
import io.isthmus.policy.Policy;
import io.isthmus.wire.packet.IpAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every request against the zones-and-conduits policy. Traffic no conduit allows at all is
 * a flow violation (one alert per client, server, protocol, reason and access kind); traffic on a conduit that
 * does not allow this operation is an operation violation (one per function). Broadcast and
 * multicast destinations are left to the discovery detector: they are in no zone by nature.
 */
final class PolicyCheck {
    private static final int MAX_CACHED_ADDRESSES = 4096;
    /** Bound of the per-operation decision cache; full, it starts over (a cache, not state). */
    static final int MAX_CACHED_OPERATIONS = 16_384;

    private static final List<Technique> REMOTE_SERVICES = Finding.techniques("T0886");

    private final Policy policy;
    private final Map<IpAddress, InetAddress> addresses = new HashMap<>();
    /** Denials that depend on the two addresses only (their zones), so repeats skip the policy. */
    private final Map<AddressPair, PairDenial> pairDenials = new HashMap<>();

    /**
     * Decisions that depend on the operation too, by everything {@link Policy#decide} reads: a
     * poller repeats the same few (pair, function, unit, address range) requests, so the conduit
     * walk runs once per distinct one.
     */
    private final Map<OperationKey, Judged> operations = new HashMap<>();

    /**
     * A decision with its zone path built once: every request needs the path (alerts show it), and
     * building it per request was a measurable share of detection's cost. One per cached operation
     * (or per protocol and access kind of a zone-level denial), so every request it stands for has
     * the same alert key, and {@link #alert} counts a repeated violation without building the key.
     */
    static final class Judged {
        private final Decision decision;
        private final String zonePath;
        /** The violation alert of the requests this decision stands for, once raised. */
        private AlertLog.Aggregate alert;

        Judged(Decision decision, String zonePath) {
            this.decision = decision;
            this.zonePath = zonePath;
        }

        Decision decision() {
            return decision;
        }

        String zonePath() {
            return zonePath;
        }
    }

    /** A zone-level denial of an address pair, judged once per protocol and access kind. */
    private static final class PairDenial {
        private static final int KINDS = AccessKind.values().length;
        final Decision decision;
        final String zonePath;
        final Judged[] byProtocolAndKind = new Judged[Protocol.values().length * KINDS];

        PairDenial(Decision decision, String zonePath) {
            this.decision = decision;
            this.zonePath = zonePath;
        }

        Judged of(Protocol p, AccessKind kind) {
            int i = p.ordinal() * KINDS + kind.ordinal();
            Judged j = byProtocolAndKind[i];
            if (j == null) {
                j = new Judged(decision, zonePath);
                byProtocolAndKind[i] = j;
            }
            return j;
        }
    }

    private record AddressPair(IpAddress client, IpAddress server) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof AddressPair k && client.equals(k.client) && server.equals(k.server);
        }

        @Override
        public int hashCode() {
            int h = client.hashCode();
            h = 31 * h + server.hashCode();
            return h;
        }
    }

    private record OperationKey(
            IpAddress client,
            IpAddress server,
            Protocol protocol,
            AccessKind access,
            int function,
            int unit,
            long address,
            long quantity) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof OperationKey k
                    && client.equals(k.client)
                    && server.equals(k.server)
                    && protocol == k.protocol
                    && access == k.access
                    && function == k.function
                    && unit == k.unit
                    && address == k.address
                    && quantity == k.quantity;
        }

        @Override
        public int hashCode() {
            int h = client.hashCode();
            h = 31 * h + server.hashCode();
            h = 31 * h + protocol.hashCode();
            h = 31 * h + access.hashCode();
            h = 31 * h + function;
            h = 31 * h + unit;
            h = 31 * h + Long.hashCode(address);
            h = 31 * h + Long.hashCode(quantity);
            return h;
        }
    }

    /** Keys a policy alert: hosts, protocol, reason, access kind; the function for operations, else -1. */
    private record Key(Host src, Host dst, Protocol protocol, Decision.Reason reason, AccessKind kind, int function) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && src.equals(k.src)
                    && dst.equals(k.dst)
                    && protocol == k.protocol
                    && reason == k.reason
                    && kind == k.kind
                    && function == k.function;
        }

        @Override
        public int hashCode() {
            int h = src.hashCode();
            h = 31 * h + dst.hashCode();
            h = 31 * h + protocol.hashCode();
            h = 31 * h + reason.hashCode();
            h = 31 * h + kind.hashCode();
            h = 31 * h + function;
            return h;
        }
    }

    PolicyCheck(Policy policy) {
        this.policy = policy;
    }

    /** The zone path of a request, {@code ?} for an address in no zone; what alerts show. */
    Judged decide(Seen s) {
        var src = (Host.Ip) s.src;
        var dst = (Host.Ip) s.dst;
        AddressPair pair = new AddressPair(src.address(), dst.address());
        PairDenial denied = pairDenials.get(pair);
        if (denied != null) {
            return denied.of(s.m.protocol(), s.m.access());
        }
        int unit = s.m.unit().isPresent() ? (int) Math.min(s.m.unit().getAsLong(), 0xFFFF) : -1;
        long address = s.m.address().isPresent() ? s.m.address().getAsLong() : -1;
        long quantity = s.m.quantity().isPresent() ? s.m.quantity().getAsLong() : 1;
        OperationKey opKey = new OperationKey(
                src.address(), dst.address(), s.m.protocol(), s.m.access(), s.m.function(), unit, address, quantity);
        Judged known = operations.get(opKey);
        if (known != null) {
            return known;
        }
        Operation op = new Operation(
                inet(src.address()),
                inet(dst.address()),
                s.m.protocol(),
                s.m.access(),
                s.m.function(),
                unit,
                address,
                quantity);
        Decision d = policy.decide(op);
        Judged judged = new Judged(d, d.zonePath());
        if (operations.size() >= MAX_CACHED_OPERATIONS) {
            operations.clear();
        }
        operations.put(opKey, judged);
        boolean zonesAlone = switch (d.reason()) {
            case UNZONED_ADDRESS, IDMZ, NO_CONDUIT, WRONG_INITIATOR -> true;
            case INTRA_ZONE,
                    CONDUIT,
                    PROTOCOL_NOT_ALLOWED,
                    ACCESS_NOT_ALLOWED,
                    FUNCTION_NOT_ALLOWED,
                    UNIT_NOT_ALLOWED,
                    ADDRESS_NOT_ALLOWED -> false;
        };
        if (zonesAlone) {
            if (pairDenials.size() >= MAX_CACHED_ADDRESSES) {
                pairDenials.clear();
            }
            PairDenial p = new PairDenial(d, judged.zonePath());
            pairDenials.put(pair, p);
            return p.of(s.m.protocol(), s.m.access());
        }
        return judged;
    }

    void inspect(Seen s, Judged judged, AlertLog out) {
        Decision d = judged.decision();
        if (d.allowed() || out.absorb(judged.alert, s.time())) {
            return;
        }
        boolean flow = isFlowViolation(d);
        AccessKind kind = s.m.access();
        Key key = new Key(s.src, s.dst, s.m.protocol(), d.reason(), kind, flow ? -1 : s.m.function());
        Rule rule = flow ? Rule.POLICY_FLOW : Rule.POLICY_OPERATION;
        AlertLog.Aggregate counted = out.absorbed(rule, key, s.time());
        if (counted != null) {
            judged.alert = counted;
            return;
        }
        List<Technique> techniques = new ArrayList<>(techniques(kind));
        if (d.reason() == Decision.Reason.IDMZ || d.reason() == Decision.Reason.UNZONED_ADDRESS) {
            techniques.addAll(REMOTE_SERVICES);
        }
        String what = s.m.protocol().id() + " " + kind.id();
        String title = flow
                ? "Policy violation: " + s.src + " -> " + s.dst + " " + what + " ("
                        + d.reason().id() + ")"
                : "Policy violation: " + s.src + " -> " + s.dst + " " + what + " " + s.m.functionName() + " ("
                        + d.reason().id() + ")";
        judged.alert = out.add(Finding.of(
                rule,
                severity(kind),
                techniques,
                title,
                key,
                s,
                judged.zonePath(),
                d.explanation() + ": " + s.describe()));
    }

    /** Whether a denial is about the flow as a whole (one alert per access kind) or one operation. */
    private static boolean isFlowViolation(Decision d) {
        return switch (d.reason()) {
            case UNZONED_ADDRESS, IDMZ, NO_CONDUIT, WRONG_INITIATOR, PROTOCOL_NOT_ALLOWED -> true;
            case ACCESS_NOT_ALLOWED, FUNCTION_NOT_ALLOWED, UNIT_NOT_ALLOWED, ADDRESS_NOT_ALLOWED -> false;
            case INTRA_ZONE, CONDUIT -> throw new IllegalStateException("allowed decision " + d);
        };
    }

    static List<Technique> techniques(AccessKind kind) {
        return switch (kind) {
            case READ -> Finding.techniques("T0801");
            case WRITE -> Finding.techniques("T0855");
            case CONTROL -> Finding.techniques("T0855", "T0858");
            case PROGRAM -> Finding.techniques("T0843");
            case DIAGNOSTIC -> Finding.techniques("T0888");
            case DISCOVERY -> Finding.techniques("T0846");
        };
    }

    static Severity severity(AccessKind kind) {
        return switch (kind) {
            case READ, DIAGNOSTIC, DISCOVERY -> Severity.MEDIUM;
            case WRITE -> Severity.HIGH;
            case CONTROL, PROGRAM -> Severity.CRITICAL;
        };
    }

    private InetAddress inet(IpAddress a) {
        InetAddress i = addresses.get(a);
        if (i == null) {
            if (addresses.size() >= MAX_CACHED_ADDRESSES) {
                addresses.clear();
            }
            i = a.toInetAddress();
            addresses.put(a, i);
        }
        return i;
    }
}
