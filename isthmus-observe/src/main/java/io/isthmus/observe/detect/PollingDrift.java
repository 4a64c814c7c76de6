package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.observe.detect.PollPeriods.Period;
import io.isthmus.observe.detect.PollPeriods.PollKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Polling-cycle drift (issue 5's last baseline deviation): a SCADA poller asks the same thing at a
 * steady rate, so a cycle that runs much faster (a second master, a flood, brute-forced writes),
 * much slower or stops (the operator's view of the process degrading or lost) is a change worth a
 * look, even when every single request is allowed. Only cycles learned as regular are judged
 * ({@link PollingDriftLimits}); each change of state (faster, slower, stopped) is one finding, so
 * an alert's count is the number of episodes, not of requests. State is one monitor per learned
 * cycle, so it is bounded by the baseline's size.
 */
final class PollingDrift {
    /** Faster writes: brute-forcing outputs. */
    private static final List<Technique> BRUTE_FORCE_IO = Finding.techniques("T0806");
    /** Faster reads: flooding a controller's communication. */
    private static final List<Technique> DENIAL_OF_SERVICE = Finding.techniques("T0814");
    /** Slower: the supervisory view degrades. */
    private static final List<Technique> DENIAL_OF_VIEW = Finding.techniques("T0815");
    /** Stopped: the view of those points is lost. */
    private static final List<Technique> LOSS_OF_VIEW = Finding.techniques("T0829");
    /** Stopped polls are looked for at most this often (capture time). */
    private static final long SWEEP_NANOS = Duration.ofSeconds(1).toNanos();

    private enum State {
        NORMAL,
        FASTER,
        SLOWER,
        STOPPED
    }

    private static final class Monitor {
        final PollKey key;
        final Period period;
        final long slower;
        final long faster;
        final long[] window;
        /** Silence after which the cycle counts as stopped: {@link #stopAfter} at the limits. */
        final long stopAfterNanos;
        /** The alert keys of its episodes, by state, built on first use. */
        final DriftKey[] keys = new DriftKey[State.values().length];

        long last;
        int n;
        int next;
        State state = State.NORMAL;
        String functionName = "";
        AccessKind access = AccessKind.READ;

        Monitor(PollKey key, Period period, long slower, long faster, int window, int stopPeriods) {
            this.key = key;
            this.period = period;
            this.slower = slower;
            this.faster = faster;
            this.window = new long[window];
            this.last = period.lastNanos();
            this.stopAfterNanos = stopAfter(stopPeriods);
        }

        /** The latest time at which a sweep still finds the cycle running (saturating). */
        long stopDeadline() {
            return last > Long.MAX_VALUE - stopAfterNanos ? Long.MAX_VALUE : last + stopAfterNanos;
        }

        DriftKey key(State state) {
            DriftKey k = keys[state.ordinal()];
            if (k == null) {
                k = new DriftKey(key, state);
                keys[state.ordinal()] = k;
            }
            return k;
        }

        long stopAfter(int periods) {
            long p = period.medianNanos();
            long byPeriods = p > Long.MAX_VALUE / periods ? Long.MAX_VALUE : p * periods;
            return Math.max(byPeriods, p + slower);
        }
    }

    /**
     * Keys a polling-drift alert: the cycle and the state it changed to (one alert per cycle and
     * kind of episode).
     */
    private record DriftKey(PollKey key, State state) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof DriftKey k && state == k.state && key.equals(k.key);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + state.hashCode();
        }
    }

    private final PollingDriftLimits limits;
    private Map<PollKey, Monitor> monitors;
    private long nextSweep = Long.MIN_VALUE;

    /**
     * No running cycle can be found stopped at or before this time: the earliest {@link
     * Monitor#stopDeadline} of the running monitors at the last full sweep, lowered when a cycle
     * starts again. A monitor's last time only grows while it runs, so this stays a lower bound and
     * a sweep before it would find nothing; it spares the walk over every monitor once a second.
     */
    private long quietUntil = Long.MIN_VALUE;

    /** Scratch for the median of a window, so judging a request allocates nothing. */
    private final long[] sorted = new long[PollPeriods.SAMPLES];

    PollingDrift(PollingDriftLimits limits) {
        this.limits = limits;
    }

    /** Cycles being judged (after the first call of {@link #inspect} or {@link #sweep}). */
    int monitored() {
        return monitors == null ? 0 : monitors.size();
    }

    private Map<PollKey, Monitor> monitors(Baseline b) {
        if (monitors == null) {
            monitors = new HashMap<>();
            b.polls().periods().forEach((k, p) -> {
                if (limits.judges(p)) {
                    monitors.put(
                            k,
                            new Monitor(
                                    k,
                                    p,
                                    limits.slowerToleranceNanos(p),
                                    limits.fasterToleranceNanos(p),
                                    limits.window(),
                                    limits.stopPeriods()));
                }
            });
        }
        return monitors;
    }

    void inspect(Seen s, Baseline b, String zonePath, AlertLog out) {
        Monitor m = monitors(b).get(PollKey.of(s));
        if (m == null) {
            return;
        }
        m.functionName = s.m.functionName();
        m.access = s.m.access();
        long t = s.time();
        if (m.last < 0 || m.state == State.STOPPED) {
            // loaded without a last time, or back after a stop: the gap is no interval of the cycle
            m.last = t;
            m.n = 0;
            m.state = State.NORMAL;
            quietUntil = Math.min(quietUntil, m.stopDeadline());
            return;
        }
        long interval = t - m.last;
        m.last = Math.max(m.last, t);
        if (interval < 0) {
            return;
        }
        m.window[m.next] = interval;
        m.next = (m.next + 1) % m.window.length;
        m.n = Math.min(m.n + 1, m.window.length);
        if (m.n < m.window.length) {
            return;
        }
        int n = m.window.length;
        System.arraycopy(m.window, 0, sorted, 0, n);
        Arrays.sort(sorted, 0, n);
        long observed = Period.median(sorted, n);
        long learned = m.period.medianNanos();
        State now = observed < learned - m.faster
                ? State.FASTER
                : observed > learned + m.slower ? State.SLOWER : State.NORMAL;
        if (now != m.state && now != State.NORMAL && !out.absorb(Rule.POLLING_DRIFT, m.key(now), t)) {
            out.add(finding(m, now, t, s.frame, zonePath, observed));
        }
        m.state = now;
    }

    /** Looks for cycles that fell silent, at most once a second of capture time. */
    void sweep(long nanos, Baseline b, AlertLog out) {
        if (nanos < nextSweep) {
            return;
        }
        nextSweep = nanos + SWEEP_NANOS;
        if (nanos <= quietUntil) {
            return;
        }
        long quiet = Long.MAX_VALUE;
        for (Monitor m : monitors(b).values()) {
            if (m.last < 0) {
                m.last = nanos; // loaded baseline: count silence from the first packet seen
            } else if (m.state != State.STOPPED && nanos - m.last > m.stopAfterNanos) {
                m.state = State.STOPPED;
                if (!out.absorb(Rule.POLLING_DRIFT, m.key(State.STOPPED), nanos)) {
                    out.add(finding(m, State.STOPPED, nanos, 0, "", nanos - m.last));
                }
            }
            if (m.state != State.STOPPED) {
                quiet = Math.min(quiet, m.stopDeadline());
            }
        }
        quietUntil = quiet;
    }

    private Finding finding(Monitor m, State state, long t, long frame, String zonePath, long observed) {
        PollKey k = m.key;
        String what = k.protocol().id() + " " + describe(m);
        String learned = "learned every " + seconds(m.period.medianNanos()) + " ± " + seconds(m.period.spreadNanos());
        String title = switch (state) {
            case FASTER ->
                "Polling faster: " + k.client() + " -> " + k.server() + " " + what + " every " + seconds(observed)
                        + " (" + learned + ")";
            case SLOWER ->
                "Polling slower: " + k.client() + " -> " + k.server() + " " + what + " every " + seconds(observed)
                        + " (" + learned + ")";
            case STOPPED, NORMAL ->
                "Polling stopped: " + k.client() + " -> " + k.server() + " " + what + " silent for " + seconds(observed)
                        + " (" + learned + ")";
        };
        List<Technique> techniques = switch (state) {
            case FASTER -> m.access == AccessKind.WRITE ? BRUTE_FORCE_IO : DENIAL_OF_SERVICE;
            case SLOWER -> DENIAL_OF_VIEW;
            case STOPPED, NORMAL -> LOSS_OF_VIEW;
        };
        String detail =
                (state == State.STOPPED ? "silent for " : "median of the last " + m.window.length + " intervals ")
                        + seconds(observed) + ", " + learned + ", tolerance -" + seconds(m.faster) + " / +"
                        + seconds(m.slower);
        return new Finding(
                Rule.POLLING_DRIFT,
                Severity.MEDIUM,
                techniques,
                title,
                m.key(state),
                k.client().toString(),
                k.server().toString(),
                Optional.of(k.protocol()),
                zonePath,
                List.of(k.server().assetId(), k.client().assetId()),
                new EvidenceItem(
                        t,
                        frame,
                        k.function(),
                        m.functionName,
                        k.address() < 0 ? OptionalLong.empty() : OptionalLong.of(k.address()),
                        detail));
    }

    private static String describe(Monitor m) {
        PollKey k = m.key;
        StringBuilder b = new StringBuilder(m.functionName.isEmpty() ? "function" : m.functionName)
                .append(" (")
                .append(k.function())
                .append(')');
        if (k.unit() >= 0) {
            b.append(" unit ").append(k.unit());
        }
        if (k.address() >= 0) {
            b.append(" address ").append(k.address());
        }
        if (k.quantity() > 1) {
            b.append(" x").append(k.quantity());
        }
        return b.toString();
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
