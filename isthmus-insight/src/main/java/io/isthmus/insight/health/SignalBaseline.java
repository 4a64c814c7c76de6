package io.isthmus.insight.health;

/**
 * The healthy level of one signal: mean and standard deviation learnt (Welford's running moments)
 * from a fixed number of samples, then frozen so that a slow degradation is measured against the
 * motor as it was, not absorbed into a drifting average. A smoothed (EWMA) value tracks the signal.
 */
final class SignalBaseline {
    private final int needed;
    private final double smoothing;
    private final double minRelativeSpread;
    private long n;
    private double mean;
    private double m2;
    private double smoothed = Double.NaN;

    SignalBaseline(int needed, double smoothing, double minRelativeSpread) {
        this.needed = needed;
        this.smoothing = smoothing;
        this.minRelativeSpread = minRelativeSpread;
    }

    /** Feeds one sample taken at steady speed; learns while the baseline is not complete. */
    void accept(double value) {
        smoothed = Double.isNaN(smoothed) ? value : smoothed + smoothing * (value - smoothed);
        if (n < needed) {
            n++;
            double d = value - mean;
            mean += d / n;
            m2 += d * (value - mean);
        }
    }

    boolean learnt() {
        return n >= needed;
    }

    double mean() {
        return mean;
    }

    double smoothed() {
        return smoothed;
    }

    /** Standard deviation, floored at a fraction of the mean for signals that hardly move. */
    double spread() {
        double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        return Math.max(std, Math.max(1e-9, minRelativeSpread * Math.abs(mean)));
    }

    /** How far the smoothed value lies above the healthy mean, in standard deviations; 0 before learnt. */
    double z() {
        return learnt() && !Double.isNaN(smoothed) ? (smoothed - mean) / spread() : 0;
    }

    void reset() {
        n = 0;
        mean = 0;
        m2 = 0;
        smoothed = Double.NaN;
    }
}
