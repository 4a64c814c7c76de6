package io.isthmus.connect.transfer.send;

/**
 * Pacing without feedback: a one-way link cannot say "slow down", so the sender never exceeds a
 * fixed byte rate, with a burst of at most {@code burstBytes}. Pure arithmetic on a caller-supplied
 * clock (nanoseconds), so tests need no sleeping.
 *
 * <p>With a {@link PacingRamp} the rate starts at the ramp's fraction of the full rate when the
 * first bytes are taken and rises linearly to the full rate over the ramp's time; tokens accrue at
 * the rate of each moment (the exact integral of the ramp). While the bytes taken recently (an
 * exponentially weighted average with time constant {@link #RECENT_NANOS}) are below a quarter of
 * the ramp's start rate, the sender counts as idle and the ramp stays at its start; it rises once
 * the sender is busy.
 */
public final class TokenBucket {
    /** How long the recent-rate average remembers: about a second of what the sender sent. */
    static final long RECENT_NANOS = 1_000_000_000L;
    /**
     * Below this share of the ramp's start rate the recent rate counts as idle. A sender that starts
     * from nothing at the start rate passes it after {@code RECENT_NANOS × ln(4/3)}, 0.29 s, which is
     * how long its ramp waits at the start rate before it rises; one that stops falls below it after
     * {@code RECENT_NANOS × ln(4 / startFraction)} (2.8 s from the full rate at a start fraction of
     * 0.25).
     */
    static final double IDLE_SHARE = 0.25;

    private final double fullPerNano;
    private final double burstBytes;
    /** 1 without a ramp. */
    private final double startFraction;
    /** 0 without a ramp. */
    private final double rampNanos;

    private final double idleBelowPerNano;
    private double tokens;
    private long lastNanos;
    private long rampStartNanos;
    /** Bytes per nanosecond taken recently, the exponentially weighted average. */
    private double recentPerNano;

    public TokenBucket(long bytesPerSecond, long burstBytes, long nowNanos) {
        this(bytesPerSecond, burstBytes, PacingRamp.NONE, nowNanos);
    }

    public TokenBucket(long bytesPerSecond, long burstBytes, PacingRamp ramp, long nowNanos) {
        if (bytesPerSecond < 1 || burstBytes < 1) {
            throw new IllegalArgumentException(
                    "bytesPerSecond " + bytesPerSecond + " and burstBytes " + burstBytes + " must be positive");
        }
        this.fullPerNano = bytesPerSecond / 1e9;
        this.burstBytes = burstBytes;
        this.startFraction = ramp.ramps() ? ramp.rampFrom() : 1;
        this.rampNanos = ramp.ramps() ? ramp.rampUp().toNanos() : 0;
        this.idleBelowPerNano = ramp.ramps() ? fullPerNano * startFraction * IDLE_SHARE : 0;
        this.tokens = burstBytes;
        this.lastNanos = nowNanos;
        this.rampStartNanos = nowNanos;
        this.recentPerNano = 0; // a new bucket is idle: its ramp starts once bytes are taken
    }

    /**
     * Takes {@code bytes} tokens and returns how long the caller must wait before sending them (0 if
     * it may send now). Tokens may go negative: the debt is what the wait pays back.
     */
    public long take(int bytes, long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burstBytes, tokens + accrued(lastNanos, nowNanos));
            lastNanos = nowNanos;
        }
        if (rampNanos > 0) {
            if (elapsed > 0) {
                recentPerNano *= Math.exp(-elapsed / (double) RECENT_NANOS);
            }
            recentPerNano += bytes / (double) RECENT_NANOS;
            if (recentPerNano < idleBelowPerNano) {
                rampStartNanos = nowNanos; // idle: the ramp waits at its start
            }
        }
        tokens -= bytes;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNanoAt(nowNanos));
    }

    /** The pacing rate at {@code nowNanos}, in bytes per second: the ramp's rate of that moment. */
    public double bytesPerSecondAt(long nowNanos) {
        return perNanoAt(nowNanos) * 1e9;
    }

    private double perNanoAt(long nowNanos) {
        double into = nowNanos - rampStartNanos;
        if (rampNanos == 0 || into >= rampNanos) {
            return fullPerNano;
        }
        return fullPerNano * (startFraction + (1 - startFraction) * Math.max(0, into) / rampNanos);
    }

    /** Tokens the rate adds between two moments: the integral of the (ramping) rate. */
    private double accrued(long fromNanos, long toNanos) {
        if (rampNanos == 0 || fromNanos - rampStartNanos >= rampNanos) {
            return (toNanos - fromNanos) * fullPerNano;
        }
        return sinceRampStart(toNanos - rampStartNanos) - sinceRampStart(fromNanos - rampStartNanos);
    }

    /** Tokens the ramp adds from its start to {@code into} nanoseconds later. */
    private double sinceRampStart(double into) {
        if (into <= rampNanos) {
            return fullPerNano * (startFraction * into + (1 - startFraction) * into * into / (2 * rampNanos));
        }
        return fullPerNano * (into - (1 - startFraction) * rampNanos / 2);
    }
}
