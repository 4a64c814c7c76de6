package io.isthmus.observe.session;

import io.isthmus.model.Protocol;
import io.isthmus.observe.flow.CloseReason;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.flow.FlowListener;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.packet.DecodedPacket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the flow layer's byte streams, datagrams and frames into {@link Observation}s: identifies
 * each flow's protocol ({@link DissectorRegistry#identify}), loops the direction's dissector until it
 * needs more bytes, holds the unframed rest in a bounded buffer, skips and resynchronises after
 * damage and gaps, and pairs responses with requests. Single-threaded, like the pipeline feeding it.
 */
public final class SessionLayer implements FlowListener {
    /** {@code Optional.of(protocol)} per protocol, shared by the summaries of ended flows. */
    private static final List<Optional<Protocol>> PROTOCOLS =
            Arrays.stream(Protocol.values()).map(Optional::of).toList();

    private final DissectorRegistry registry;
    private final SessionLimits limits;
    private final AnalysisStats stats;
    private final Consumer<Observation> sink;
    private final Emitter emitter;
    private final Map<Protocol, Dissector> frameDissectors = new EnumMap<>(Protocol.class);
    private final Consumer<FlowSummary> flowSink;

    public SessionLayer(
            DissectorRegistry registry, SessionLimits limits, AnalysisStats stats, Consumer<Observation> sink) {
        this(registry, limits, stats, sink, FlowSummary.NONE);
    }

    /**
     * A session layer that also reports every flow, identified or not, when it leaves the table
     * (none with {@link FlowSummary#NONE}).
     */
    public SessionLayer(
            DissectorRegistry registry,
            SessionLimits limits,
            AnalysisStats stats,
            Consumer<Observation> sink,
            Consumer<FlowSummary> flowSink) {
        this.flowSink = flowSink;
        this.registry = registry;
        this.limits = limits;
        this.stats = stats;
        this.sink = sink;
        this.emitter = new Emitter(limits, stats, sink);
    }

    public AnalysisStats stats() {
        return stats;
    }

    @Override
    public void onStreamData(Flow flow, Direction direction, ByteBuffer data) {
        FlowSession s = session(flow, data);
        if (s == null) {
            return;
        }
        DirectionStream st = s.stream(direction);
        if (st.stopped) {
            return;
        }
        skipPending(st, data);
        if (!data.hasRemaining()) {
            return;
        }
        if (st.heldBytes() == 0) {
            dissect(flow, s, direction, st, data);
            keepRest(s, st, data);
        } else {
            dissectHeld(flow, s, direction, st, data);
        }
    }

    /** {@link #onStreamData} after a packet that left bytes unframed: the new bytes join them first. */
    private void dissectHeld(Flow flow, FlowSession s, Direction direction, DirectionStream st, ByteBuffer data) {
        if (!st.append(data, limits.maxHeldBytes())) {
            overflow(s, st, "held " + st.heldBytes() + " + " + data.remaining() + " bytes");
            return;
        }
        dissect(flow, s, direction, st, st.held());
        st.settle();
    }

    @Override
    public void onStreamGap(Flow flow, Direction direction, long missingBytes) {
        if (!(flow.attachment() instanceof FlowSession s) || s.factory == null) {
            return;
        }
        if (!s.used(direction)) {
            return;
        }
        DirectionStream st = s.stream(direction);
        st.clear();
        st.skipRemaining = Math.max(0, st.skipRemaining - missingBytes);
        st.dissector = s.factory.newDissector();
    }

    @Override
    public void onStreamClose(Flow flow, Direction direction, CloseReason reason) {
        if (flow.attachment() instanceof FlowSession s && s.factory != null) {
            if (!s.used(direction)) {
                return;
            }
            DirectionStream st = s.stream(direction);
            if (st.heldBytes() > 0 && !st.stopped) {
                stats.of(s.factory.protocol())
                        .anomaly(new Anomaly("session_incomplete_message", st.heldBytes() + " bytes at close"));
            }
            st.clear();
        }
    }

    @Override
    public void onDatagram(Flow flow, Direction direction, ByteBuffer payload) {
        FlowSession s = session(flow, payload);
        if (s == null || !payload.hasRemaining()) {
            return;
        }
        DirectionStream st = s.stream(direction);
        dissect(flow, s, direction, st, payload);
        if (payload.hasRemaining()) {
            stats.of(s.factory.protocol())
                    .malformed(new Anomaly("session_truncated_datagram", payload.remaining() + " bytes left unframed"));
        }
    }

    @Override
    public void onFlowEnd(Flow flow, CloseReason reason) {
        Optional<Protocol> protocol = Optional.empty();
        FlowSession s = flow.attachment() instanceof FlowSession f ? f : null;
        if (s != null && s.factory != null) {
            stats.of(s.factory.protocol()).unanswered += s.unanswered();
            protocol = PROTOCOLS.get(s.factory.protocol().ordinal());
        }
        flow.attach(null);
        if (flowSink == FlowSummary.NONE) {
            return;
        }
        flowSink.accept(
                s == null
                        ? FlowSummary.of(flow, protocol, flow.client(), flow.server())
                        : FlowSummary.of(flow, protocol, s.client(flow), s.server(flow)));
    }

    @Override
    public void onFrame(DecodedPacket frame, ByteBuffer buffer, long timestampNanos) {
        ByteBuffer payload = frame.payload(buffer);
        Optional<DissectorFactory> f = registry.identify(payload, -1);
        if (f.isEmpty()) {
            return;
        }
        Dissector d =
                frameDissectors.computeIfAbsent(f.get().protocol(), p -> f.get().newDissector());
        while (payload.hasRemaining()) {
            switch (d.next(payload, Direction.REQUEST)) {
                case Dissection.Messages m -> {
                    for (int i = 0; i < m.count(); i++) {
                        emitter.frame(frame, timestampNanos, m.get(i));
                    }
                    payload.position(payload.position() + Math.min(m.consumed(), payload.remaining()));
                }
                case Dissection.NeedMore n -> {
                    return;
                }
                case Dissection.Malformed m -> {
                    stats.of(d.protocol()).malformed(m.anomaly());
                    return;
                }
            }
        }
    }

    /**
     * The flow's session, identifying its protocol on first payload; null while unidentified. The
     * usual case, a flow already identified, is kept apart from {@link #identify} so that the JIT
     * inlines it into every caller.
     */
    private FlowSession session(Flow flow, ByteBuffer data) {
        return flow.attachment() instanceof FlowSession s && s.factory != null ? s : identify(flow, data);
    }

    /** {@link #session} for a flow whose protocol is not known yet. */
    private FlowSession identify(Flow flow, ByteBuffer data) {
        FlowSession s;
        if (flow.attachment() instanceof FlowSession existing) {
            s = existing;
        } else {
            s = new FlowSession();
            flow.attach(s);
        }
        if (s.givenUp || !data.hasRemaining()) {
            return null;
        }
        Optional<DissectorFactory> f = registry.identify(data, flow.serverPort());
        if (f.isEmpty() && flow.clientPort() != flow.serverPort()) {
            f = registry.identify(data, flow.clientPort());
        }
        if (f.isPresent()) {
            s.identified(f.get(), flow.clientPort(), flow.serverPort());
            stats.of(f.get().protocol()).flows++;
            return s;
        }
        if (++s.probes >= limits.maxProbes()) {
            s.givenUp = true;
            stats.unidentifiedFlows++;
        }
        return null;
    }

    private void emit(Flow flow, FlowSession s, Direction direction, Dissection.Messages m, ByteBuffer data, int pos) {
        int n = m.count();
        for (int i = 0; i < n; i++) {
            emitter.stream(flow, s, direction, m.get(i));
        }
        data.position(pos + Math.min(m.consumed(), data.remaining()));
    }

    /** Runs the dissector over {@code data} until it needs more, advancing the buffer's position. */
    private void dissect(Flow flow, FlowSession s, Direction direction, DirectionStream st, ByteBuffer data) {
        while (data.hasRemaining() && !st.stopped) {
            int pos = data.position();
            int lim = data.limit();
            Dissection d = next(st.dissector, s.protocol, data, s.hint(direction));
            data.limit(lim).position(pos);
            // The common case first, by instanceof: analyze runs C1 only, where a pattern switch is an
            // invokedynamic call through method handles on every message (docs/benchmarks.md, sixth session).
            if (d instanceof Dissection.Messages m) {
                emit(flow, s, direction, m, data, pos);
            } else if (!notMessages(flow, s, direction, st, data, d, pos)) {
                return;
            }
        }
    }

    /**
     * {@code dissector.next(data, hint)}, called from one place per protocol. The JIT keeps a
     * profile of the receiver classes per call site: each of these sees one dissector class and
     * calls it directly, where one call site for every protocol sees nine classes and looks the
     * method up in the interface's table on every call. The answer is the same either way.
     */
    private static Dissection next(Dissector dissector, Protocol protocol, ByteBuffer data, Direction hint) {
        return switch (protocol) {
            case MODBUS -> dissector.next(data, hint);
            case S7COMM -> dissector.next(data, hint);
            case S7COMM_PLUS -> dissector.next(data, hint);
            case ENIP -> dissector.next(data, hint);
            case DNP3 -> dissector.next(data, hint);
            case OPC_UA -> dissector.next(data, hint);
            case BACNET -> dissector.next(data, hint);
            case IEC104 -> dissector.next(data, hint);
            default -> dissector.next(data, hint);
        };
    }

    /**
     * What {@link #dissect} does with an answer other than messages, apart so that the loop stays
     * small enough for the JIT to inline: false when the dissector needs more bytes (the loop ends).
     */
    private boolean notMessages(
            Flow flow, FlowSession s, Direction direction, DirectionStream st, ByteBuffer data, Dissection d, int pos) {
        switch (d) {
            case Dissection.Messages m -> emit(flow, s, direction, m, data, pos);
            case Dissection.NeedMore n -> {
                if ((long) data.remaining() + n.bytes() > limits.maxHeldBytes()) {
                    overflow(s, st, "message needs " + ((long) data.remaining() + n.bytes()) + " bytes");
                    data.position(data.limit());
                }
                return false;
            }
            case Dissection.Malformed m -> malformed(s, st, data, m);
        }
        return true;
    }

    private void malformed(FlowSession s, DirectionStream st, ByteBuffer data, Dissection.Malformed m) {
        ProtocolStats p = stats.of(s.factory.protocol());
        p.malformed(m.anomaly());
        if (m.skip() == 0) {
            st.stopped = true;
            st.clear();
            p.stoppedDirections++;
            data.position(data.limit());
            return;
        }
        int now = Math.min(m.skip(), data.remaining());
        st.skipRemaining = m.skip() - now;
        data.position(data.position() + now);
    }

    private void skipPending(DirectionStream st, ByteBuffer data) {
        if (st.skipRemaining > 0) {
            int n = (int) Math.min(st.skipRemaining, data.remaining());
            data.position(data.position() + n);
            st.skipRemaining -= n;
        }
    }

    /** Bytes left after dissecting a packet in place are copied into the held buffer. */
    private void keepRest(FlowSession s, DirectionStream st, ByteBuffer data) {
        if (data.hasRemaining() && !st.stopped && !st.append(data, limits.maxHeldBytes())) {
            overflow(s, st, data.remaining() + " bytes");
            data.position(data.limit());
        }
    }

    private void overflow(FlowSession s, DirectionStream st, String detail) {
        ProtocolStats p = stats.of(s.factory.protocol());
        p.heldOverflows++;
        p.anomaly(new Anomaly("session_buffer_overflow", detail + " exceed " + limits.maxHeldBytes()));
        st.clear();
        st.dissector = s.factory.newDissector();
    }
}
