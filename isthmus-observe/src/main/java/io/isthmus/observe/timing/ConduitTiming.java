package io.isthmus.observe.timing;

import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Timing of control conduits (issue 5, item 5): per client, server and protocol, the latency of
 * responses paired with their request and the polling cycle's period and jitter, each in a
 * fixed-size {@link LogHistogram}, so memory is bounded by {@link TimingLimits} whatever the capture
 * holds. Feed it observations in capture order; single-threaded like the session layer.
 *
 * <p>Latency comes from {@link Observation#latencyNanos()}: the session layer pairs a response with
 * its request by transaction id, so protocols without one (IEC 104, PROFINET DCP) have no latency
 * here. The period is measured per request signature because a master usually reads several blocks
 * per cycle; mixing them would report the gap between blocks, not the cycle.
 */
public final class ConduitTiming implements Consumer<Observation> {
    private final TimingLimits limits;
    private final Map<ConduitKey, Clock> conduits = new HashMap<>();
    private long untrackedConduits;
    private long untrackedRequests;

    public ConduitTiming(TimingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void accept(Observation o) {
        if (o.src().isEmpty() || o.dst().isEmpty()) {
            return;
        }
        MessageSummary m = o.message();
        boolean request = m.direction() == Direction.REQUEST;
        IpAddress client = request ? o.src().get() : o.dst().get();
        IpAddress server = request ? o.dst().get() : o.src().get();
        Clock c = clock(new ConduitKey(client, server, m.protocol()));
        if (c == null) {
            return;
        }
        if (request) {
            c.request(m, o.timestampNanos());
        } else if (o.latencyNanos() >= 0) {
            c.latency.record(o.latencyNanos());
        }
    }

    private Clock clock(ConduitKey key) {
        Clock c = conduits.get(key);
        if (c == null) {
            if (conduits.size() >= limits.maxConduits()) {
                untrackedConduits++;
                return null;
            }
            c = new Clock(limits.maxCyclesPerConduit());
            conduits.put(key, c);
        }
        return c;
    }

    /** Every conduit timed, in key order. */
    public List<ConduitTimes> conduits() {
        List<ConduitTimes> out = new ArrayList<>(conduits.size());
        conduits.forEach((k, c) -> out.add(c.times(k)));
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    /** One conduit's times, empty when it was never seen (or not tracked). */
    public Optional<ConduitTimes> times(ConduitKey key) {
        return Optional.ofNullable(conduits.get(key)).map(c -> c.times(key));
    }

    /**
     * Whether a conduit's paired responses stayed within {@code maxLatency}; empty when the conduit
     * has no paired response (never seen, or a protocol without transaction ids).
     */
    public Optional<LatencyCheck> check(ConduitKey pair, Duration maxLatency) {
        Objects.requireNonNull(maxLatency, "maxLatency");
        if (maxLatency.isNegative()) {
            throw new IllegalArgumentException("a latency tolerance must not be negative, got " + maxLatency);
        }
        Clock c = conduits.get(pair);
        if (c == null || c.latency.count() == 0) {
            return Optional.empty();
        }
        long tolerance = maxLatency.toNanos();
        return Optional.of(new LatencyCheck(
                pair,
                maxLatency,
                c.latency.max() > tolerance,
                Duration.ofNanos(c.latency.max()),
                c.latency.countAbove(tolerance),
                c.latency.count()));
    }

    /** Client/server/protocol triples not timed because {@link TimingLimits#maxConduits} was reached. */
    public long untrackedConduits() {
        return untrackedConduits;
    }

    /** Requests whose signature did not fit in {@link TimingLimits#maxCyclesPerConduit}. */
    public long untrackedRequests() {
        return untrackedRequests;
    }

    /** The histograms of one conduit and the last time each polled signature was requested. */
    private final class Clock {
        final LogHistogram latency = new LogHistogram();
        final LogHistogram period = new LogHistogram();
        final LogHistogram jitter = new LogHistogram();
        final Map<Signature, long[]> cycles = new HashMap<>();
        final int maxCycles;
        long requests;

        Clock(int maxCycles) {
            this.maxCycles = maxCycles;
        }

        void request(MessageSummary m, long ts) {
            requests++;
            Signature s = new Signature(
                    m.function(),
                    m.unit().orElse(-1),
                    m.address().orElse(-1),
                    m.quantity().orElse(-1));
            long[] last = cycles.get(s);
            if (last == null) {
                if (cycles.size() >= maxCycles) {
                    untrackedRequests++;
                    return;
                }
                cycles.put(s, new long[] {ts, -1});
                return;
            }
            long p = ts - last[0];
            if (p < 0) {
                return;
            }
            period.record(p);
            if (last[1] >= 0) {
                jitter.record(Math.abs(p - last[1]));
            }
            last[0] = ts;
            last[1] = p;
        }

        ConduitTimes times(ConduitKey key) {
            return new ConduitTimes(
                    key, requests, DurationStats.of(latency), DurationStats.of(period), DurationStats.of(jitter));
        }
    }

    private record Signature(int function, long unit, long address, long quantity) {}
}
