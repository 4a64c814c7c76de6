package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.session.CaptureTap;
import io.isthmus.observe.session.Observation;
import io.isthmus.policy.Policy;
import io.isthmus.wire.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The detection engine over one stream of observations: feed it as the observation sink and as
 * the {@link CaptureTap} of {@link io.isthmus.observe.session.CaptureAnalysis}, then read {@link
 * #alerts()}. Policy violations and dangerous commands are raised from the first packet on;
 * baseline deviations and reconnaissance only after the baseline is known (learned from the
 * window at the start of the capture, or loaded). Single-threaded, like the pipeline.
 */
public final class Detection implements Consumer<Observation>, CaptureTap {

    /** Where the baseline comes from. */
    public sealed interface BaselineSource {
        /** No baseline: no deviation alerts; every discovery sender is new. */
        record None() implements BaselineSource {}

        /** Learn from the first {@code window} of capture time, then detect. */
        record Learn(Duration window) implements BaselineSource {
            public Learn {
                if (window == null || window.isNegative() || window.isZero()) {
                    throw new IllegalArgumentException("the learning window must be positive, was " + window);
                }
            }
        }

        /** A baseline saved earlier. */
        record Loaded(Baseline baseline) implements BaselineSource {
            public Loaded {
                Objects.requireNonNull(baseline, "baseline");
            }
        }
    }

    private final Optional<PolicyCheck> policy;
    private final DetectionLimits limits;
    private final Baseline baseline;
    private final boolean deviations;
    private final long windowNanos;
    private final AlertLog log;
    private final DangerousCommands dangerous = new DangerousCommands();
    private final Reconnaissance recon;
    private final BaselineDeviations baselineDeviations = new BaselineDeviations();
    private final PollingDrift pollingDrift;
    private final ConduitLatency latency;
    /** Whether any conduit has a latency tolerance: asked for every observation, so kept. */
    private final boolean latencyActive;
    /** The written values of the request being learned. */
    private final long[] values = new long[WrittenValues.MAX_VALUES];

    private long learnUntil = Long.MIN_VALUE;
    private boolean learning;
    private long frame;
    private long requests;
    private long learned;

    public Detection(Optional<Policy> policy, BaselineSource source, DetectionLimits limits) {
        this(policy, source, limits, a -> {});
    }

    /**
     * A detection that also tells {@code onNewAlert} about each alert as soon as its first finding
     * arrives (count 1, one evidence item), on the pipeline's thread: a live sensor forwards alerts
     * as they happen instead of reading {@link #alerts()} at the end of a capture. Later
     * occurrences of the same alert only raise its count and are not reported again.
     */
    public Detection(
            Optional<Policy> policy, BaselineSource source, DetectionLimits limits, Consumer<Alert> onNewAlert) {
        this(policy, source, limits, PollingDriftLimits.DEFAULT, onNewAlert);
    }

    /** As above, with the tolerances of the {@code polling-drift} detector. */
    public Detection(
            Optional<Policy> policy,
            BaselineSource source,
            DetectionLimits limits,
            PollingDriftLimits polling,
            Consumer<Alert> onNewAlert) {
        this(policy, source, limits, polling, LatencyTolerances.NONE, onNewAlert);
    }

    /**
     * As above, with the latency tolerances of critical processes' conduits (the {@code
     * latency-tolerance} detector; needs the policy, whose conduits the tolerances name).
     */
    public Detection(
            Optional<Policy> policy,
            BaselineSource source,
            DetectionLimits limits,
            PollingDriftLimits polling,
            LatencyTolerances latencyTolerances,
            Consumer<Alert> onNewAlert) {
        this.pollingDrift = new PollingDrift(Objects.requireNonNull(polling, "polling"));
        this.latency =
                new ConduitLatency(Objects.requireNonNull(latencyTolerances, "latencyTolerances"), limits.maxPairs());
        this.latencyActive = latency.active();
        this.policy = policy.map(PolicyCheck::new);
        this.limits = limits;
        this.log = new AlertLog(limits, Objects.requireNonNull(onNewAlert, "onNewAlert"));
        this.recon = new Reconnaissance(limits);
        switch (source) {
            case BaselineSource.None n -> {
                baseline = new Baseline(limits);
                deviations = false;
                windowNanos = 0;
            }
            case BaselineSource.Learn l -> {
                baseline = new Baseline(limits);
                deviations = true;
                windowNanos = l.window().toNanos();
                learning = true;
            }
            case BaselineSource.Loaded l -> {
                baseline = l.baseline();
                deviations = true;
                windowNanos = 0;
            }
        }
    }

    @Override
    public void onPacket(long frameNumber, long timestampNanos) {
        frame = frameNumber;
        clock(timestampNanos);
    }

    private void clock(long nanos) {
        if (!learning) {
            if (deviations) {
                pollingDrift.sweep(nanos, baseline, log);
            }
            return;
        }
        if (learnUntil == Long.MIN_VALUE) {
            learnUntil = nanos + windowNanos;
        } else if (nanos >= learnUntil) {
            learning = false;
            baseline.learnedUntil(learnUntil);
        }
    }

    @Override
    public void accept(Observation o) {
        if (o.message().direction() != Direction.REQUEST) {
            if (latencyActive) {
                latency.onResponse(o, frame, log);
            }
            return;
        }
        clock(o.timestampNanos());
        Seen s = Seen.of(o, frame);
        if (s == null) {
            return;
        }
        requests++;
        String zonePath = "";
        if (policy.isPresent() && s.src instanceof Host.Ip && s.dst instanceof Host.Ip && unicast(s)) {
            PolicyCheck.Judged d = policy.get().decide(s);
            zonePath = d.zonePath();
            policy.get().inspect(s, d, log);
            if (latencyActive) {
                latency.onRequest(s, d.decision(), zonePath);
            }
        }
        dangerous.inspect(s, zonePath, log);
        if (learning) {
            learn(s);
            return;
        }
        recon.inspect(s, baseline, zonePath, log);
        if (deviations) {
            baselineDeviations.inspect(s, baseline, zonePath, log);
            pollingDrift.inspect(s, baseline, zonePath, log);
        }
    }

    private void learn(Seen s) {
        learned++;
        if (s.m.access() == AccessKind.DISCOVERY) {
            baseline.learnDiscoverer(s.src);
        }
        baseline.learnRequest(s);
        if (s.m.access() != AccessKind.DISCOVERY) {
            baseline.polls().learn(PollPeriods.PollKey.of(s), s.time());
        }
        if (s.m.access() == AccessKind.WRITE && s.m.address().isPresent()) {
            long first = s.m.address().getAsLong();
            String text = s.attributeOrNull("values");
            int count = text == null ? 0 : WrittenValues.parse(text, values);
            String table = Baseline.table(s.m.protocol(), s.m.function());
            for (int i = 0; i < count; i++) {
                baseline.learnWrite(s.dst, s.m.protocol(), Baseline.unitOf(s.m.unit()), table, first + i, values[i]);
            }
        }
    }

    private static boolean unicast(Seen s) {
        var ip = ((Host.Ip) s.dst).address();
        if (ip.isIpv4()) {
            long a = ip.low() & 0xFFFF_FFFFL;
            return a != 0xFFFF_FFFFL && (a >>> 28) != 0xE;
        }
        return (ip.high() >>> 56) != 0xFF;
    }

    @Override
    public void onFlowEnd(Flow flow) {
        boolean inWindow = learning && flow.firstSeenNanos() < learnUntil;
        recon.onFlowEnd(flow, baseline, inWindow, log).ifPresent(baseline::learnDiscoverer);
    }

    /** The alerts so far, deduplicated, by time of first occurrence. */
    public List<Alert> alerts() {
        return log.alerts();
    }

    /** The baseline in use: learned (so far) or loaded. */
    public Baseline baseline() {
        return baseline;
    }

    /** True while the learning window is open. */
    public boolean learning() {
        return learning;
    }

    public DetectionStats stats() {
        return new DetectionStats(
                requests,
                learned,
                log.findings(),
                log.alerts().size(),
                log.evicted(),
                recon.evicted(),
                baseline.dropped(),
                baseline.pollsDropped());
    }

    DetectionLimits limits() {
        return limits;
    }
}
