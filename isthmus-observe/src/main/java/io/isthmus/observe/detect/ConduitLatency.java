package io.isthmus.observe.detect;

import io.isthmus.model.AssetId;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.observe.session.Observation;
import io.isthmus.policy.Decision;
import io.isthmus.wire.packet.IpAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code latency-tolerance} detector: a response that came later than the tolerance configured
 * for the conduit that carried its request. A request the policy allows through a conduit with a
 * tolerance marks its client, server and protocol; a response between them whose paired latency
 * ({@link Observation#latencyNanos()}, paired by transaction id in the session layer) exceeds the
 * tolerance is a finding. One alert per client, server, protocol and conduit, counted.
 *
 * <p>A slow answer on a critical process's conduit is the symptom of an overloaded controller or
 * network — a flood of requests, a failing link, a device busy with something else — which is why
 * it maps to T0814 Denial of Service (Inhibit Response Function) at medium severity: it cannot
 * tell an attack from a fault, it reports what the process suffers.
 *
 * <p>Memory: the marked conduits are a cache of at most {@code maxPairs} entries that starts over
 * when full (the next request through a conduit marks it again), so no state grows with the
 * capture.
 */
final class ConduitLatency {
    private static final List<Technique> DENIAL_OF_SERVICE = Finding.techniques("T0814");

    private record Key(IpAddress client, IpAddress server, Protocol protocol) {}

    private record Marked(String conduit, long toleranceNanos, String zonePath) {}

    private record AlertKey(IpAddress client, IpAddress server, Protocol protocol, String conduit) {}

    private final LatencyTolerances tolerances;
    private final int maxPairs;
    private final Map<Key, Marked> marked = new HashMap<>();
    private long late;

    ConduitLatency(LatencyTolerances tolerances, int maxPairs) {
        this.tolerances = tolerances;
        this.maxPairs = maxPairs;
    }

    boolean active() {
        return !tolerances.isEmpty();
    }

    /** A request the policy judged: mark its conduit when the conduit has a tolerance. */
    void onRequest(Seen s, Decision d, String zonePath) {
        if (d.reason() != Decision.Reason.CONDUIT) {
            return;
        }
        var tolerance = tolerances.byConduit().get(d.rule());
        if (tolerance == null) {
            return;
        }
        Key key = new Key(((Host.Ip) s.src).address(), ((Host.Ip) s.dst).address(), s.m.protocol());
        if (marked.containsKey(key)) {
            return;
        }
        if (marked.size() >= maxPairs) {
            marked.clear();
        }
        marked.put(key, new Marked(d.rule(), tolerance.toNanos(), zonePath));
    }

    /** A response: a finding when its conduit is marked and it came later than the tolerance. */
    void onResponse(Observation o, long frame, AlertLog log) {
        long latency = o.latencyNanos();
        if (latency < 0 || o.src().isEmpty() || o.dst().isEmpty()) {
            return;
        }
        IpAddress server = o.src().get();
        IpAddress client = o.dst().get();
        Protocol protocol = o.message().protocol();
        Marked m = marked.get(new Key(client, server, protocol));
        if (m == null || latency <= m.toleranceNanos()) {
            return;
        }
        late++;
        AlertKey key = new AlertKey(client, server, protocol, m.conduit());
        if (log.absorb(Rule.LATENCY_TOLERANCE, key, o.timestampNanos())) {
            return;
        }
        Host.Ip c = new Host.Ip(client);
        Host.Ip srv = new Host.Ip(server);
        String detail = String.format(
                Locale.ROOT,
                "%s answered after %s, tolerance %s (conduit %s)",
                o.message().functionName(),
                millis(latency),
                millis(m.toleranceNanos()),
                m.conduit());
        List<AssetId> assets = List.of(srv.assetId(), c.assetId());
        log.add(new Finding(
                Rule.LATENCY_TOLERANCE,
                Severity.MEDIUM,
                DENIAL_OF_SERVICE,
                "Latency above tolerance: " + c + " -> " + srv + " " + protocol.id() + " (conduit " + m.conduit()
                        + ", tolerance " + millis(m.toleranceNanos()) + ")",
                key,
                c.toString(),
                srv.toString(),
                Optional.of(protocol),
                m.zonePath(),
                assets,
                new EvidenceItem(
                        o.timestampNanos(),
                        frame,
                        o.message().function(),
                        o.message().functionName(),
                        o.message().address(),
                        detail)));
    }

    /** Responses that came later than their conduit's tolerance. */
    long late() {
        return late;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
