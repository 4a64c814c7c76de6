package io.isthmus.observe.session;

import io.isthmus.model.Protocol;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The session layer's counters for a whole capture: one {@link ProtocolStats} per protocol seen,
 * plus flows no dissector claimed.
 */
public final class AnalysisStats {
    private final SessionLimits limits;
    private final Map<Protocol, ProtocolStats> protocols = new EnumMap<>(Protocol.class);
    /** The same stats by ordinal: looked up once per message, without a lambda or a map probe. */
    private final ProtocolStats[] byOrdinal = new ProtocolStats[Protocol.values().length];

    long unidentifiedFlows;
    long observations;

    public AnalysisStats(SessionLimits limits) {
        this.limits = limits;
    }

    ProtocolStats of(Protocol p) {
        ProtocolStats s = byOrdinal[p.ordinal()];
        return s != null ? s : first(p);
    }

    /** The stats of a protocol seen for the first time; apart from {@link #of} so that the JIT inlines that one. */
    private ProtocolStats first(Protocol p) {
        ProtocolStats s = new ProtocolStats(p, limits);
        byOrdinal[p.ordinal()] = s;
        protocols.put(p, s);
        return s;
    }

    /** Adds another shard's counters (a flow-sharded analysis; see {@link ProtocolStats#add}). */
    void add(AnalysisStats o) {
        unidentifiedFlows += o.unidentifiedFlows;
        observations += o.observations;
        o.protocols.forEach((p, s) -> of(p).add(s));
    }

    /** Protocols seen, in enum order. */
    public Map<Protocol, ProtocolStats> protocols() {
        return Collections.unmodifiableMap(protocols);
    }

    /** Flows with payload that no dissector recognised. */
    public long unidentifiedFlows() {
        return unidentifiedFlows;
    }

    /** Observations emitted. */
    public long observations() {
        return observations;
    }
}
