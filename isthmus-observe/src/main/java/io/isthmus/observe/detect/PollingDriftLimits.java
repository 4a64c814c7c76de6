package io.isthmus.observe.detect;

import java.time.Duration;

/**
 * How the {@code polling-drift} detector judges a learned polling cycle ({@link PollingDrift}).
 * A cycle is one client's repeated request to one server, unit, function and address range; its
 * period is the median of the intervals learned, its spread their median absolute deviation.
 *
 * <p>After learning, the median of the last {@code window} intervals is the observed period. It
 * drifts when it differs from the learned one by more than the tolerance: the largest of the
 * relative part ({@code relativeTolerance × period} slower, {@code 1 + relativeTolerance} times
 * faster), {@code absoluteTolerance} and {@code spreadFactor × spread}, so a poll that was jittery
 * while learning is allowed its jitter. A cycle stops when nothing was sent
 * for {@code stopPeriods} periods (and at least period + tolerance).
 *
 * @param minIntervals intervals a cycle needs while learning to be judged at all
 * @param maxIrregularity cycles whose learned spread exceeds this share of their period are not
 *     polling (operator actions, retries) and are not judged
 * @param window intervals whose median is the observed period
 * @param relativeTolerance allowed drift as a share of the learned period
 * @param absoluteTolerance allowed drift whatever the period (capture clocks, scheduling)
 * @param spreadFactor allowed drift in learned spreads
 * @param stopPeriods silent periods after which a cycle counts as stopped
 */
public record PollingDriftLimits(
        int minIntervals,
        double maxIrregularity,
        int window,
        double relativeTolerance,
        Duration absoluteTolerance,
        double spreadFactor,
        int stopPeriods) {

    /** 1.5 times slower or faster, 250 ms or three spreads; median of 8; stopped after 10 silent periods. */
    /** The largest {@code window}: the intervals a cycle remembers. */
    public static final int MAX_WINDOW = PollPeriods.SAMPLES;

    public static final PollingDriftLimits DEFAULT =
            new PollingDriftLimits(5, 0.5, 8, 0.5, Duration.ofMillis(250), 3, 10);

    public PollingDriftLimits {
        if (minIntervals < 2) {
            throw new IllegalArgumentException("minIntervals must be at least 2, was " + minIntervals);
        }
        if (window < 1 || window > PollPeriods.SAMPLES) {
            throw new IllegalArgumentException("window must be 1.." + PollPeriods.SAMPLES + ", was " + window);
        }
        if (!(maxIrregularity > 0) || !(relativeTolerance > 0) || !(spreadFactor >= 0)) {
            throw new IllegalArgumentException("maxIrregularity and relativeTolerance must be positive and"
                    + " spreadFactor not negative, were " + maxIrregularity + ", " + relativeTolerance + ", "
                    + spreadFactor);
        }
        if (absoluteTolerance == null || absoluteTolerance.isNegative()) {
            throw new IllegalArgumentException("absoluteTolerance must not be negative, was " + absoluteTolerance);
        }
        if (stopPeriods < 2) {
            throw new IllegalArgumentException("stopPeriods must be at least 2, was " + stopPeriods);
        }
    }

    /**
     * How much longer than the learned period the observed one may be: the largest of {@code
     * relativeTolerance × period}, {@code absoluteTolerance} and {@code spreadFactor × spread}.
     */
    long slowerToleranceNanos(PollPeriods.Period p) {
        return tolerance(relativeTolerance * p.medianNanos(), p);
    }

    /**
     * How much shorter it may be: the same, with the relative part taken as a ratio ({@code period /
     * (1 + relativeTolerance)}), so that 0.5 allows 1.5 times slower and 1.5 times faster alike.
     */
    long fasterToleranceNanos(PollPeriods.Period p) {
        return tolerance(p.medianNanos() - p.medianNanos() / (1 + relativeTolerance), p);
    }

    private long tolerance(double relative, PollPeriods.Period p) {
        double t = Math.max(relative, spreadFactor * p.spreadNanos());
        return Math.max((long) Math.min(t, Long.MAX_VALUE / 4.0), absoluteTolerance.toNanos());
    }

    /** Whether a learned cycle is regular enough to be judged. */
    boolean judges(PollPeriods.Period p) {
        return p.intervals() >= minIntervals
                && p.medianNanos() > 0
                && p.spreadNanos() <= maxIrregularity * p.medianNanos();
    }
}
