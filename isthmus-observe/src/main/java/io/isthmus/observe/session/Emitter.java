package io.isthmus.observe.session;

import io.isthmus.observe.flow.Flow;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.DecodedPacket;
import java.util.function.Consumer;

/** Builds {@link Observation}s from summaries, pairs requests with responses and counts them. */
final class Emitter {
    private final SessionLimits limits;
    private final AnalysisStats stats;
    private final Consumer<Observation> sink;

    Emitter(SessionLimits limits, AnalysisStats stats, Consumer<Observation> sink) {
        this.limits = limits;
        this.stats = stats;
        this.sink = sink;
    }

    void stream(Flow flow, FlowSession s, Direction direction, MessageSummary m) {
        long ts = flow.lastSeenNanos();
        boolean fromClient = direction == Direction.REQUEST;
        ProtocolStats p = stats.of(m.protocol());
        long latency = pair(s, m, ts, p);
        Endpoints e = s.endpoints(flow, fromClient);
        p.message(m, s.talker(fromClient, p, e));
        stats.observations++;
        sink.accept(new Observation(e, ts, latency, m));
    }

    void frame(DecodedPacket frame, long ts, MessageSummary m) {
        stats.of(m.protocol()).message(m, (long[]) null);
        stats.observations++;
        sink.accept(new Observation(
                Endpoints.link(frame.link().srcMac(), frame.link().dstMac()), ts, -1, m));
    }

    /** Records a request, or finds a response's request: the latency, or -1. */
    private long pair(FlowSession s, MessageSummary m, long ts, ProtocolStats p) {
        if (!m.hasTransaction()) {
            return -1;
        }
        long key = PendingRequests.key(m.unitOrElse(-1), m.transactionOrElse(0));
        if (m.direction() == Direction.REQUEST) {
            s.request(key, ts, limits.maxPendingRequests());
            return -1;
        }
        long requestTs = s.response(key);
        if (requestTs < 0) {
            p.unsolicited++;
            return -1;
        }
        p.paired++;
        return Math.max(0, ts - requestTs);
    }
}
