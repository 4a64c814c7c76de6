package io.isthmus.connect.transfer.send;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The sender's start-up ramp: after a start (every new epoch) and after the sender was idle, the
 * pacing rate rises from {@code rampFrom} of {@code rate} to the full rate, linearly over
 * {@code rampUp}. A diode has no back channel, so a sender cannot learn that a receiver which just
 * started (its JIT still compiling) delivers only a fraction of its later rate; the eleventh
 * session's cold-cache run that lost batches overran such a receiver's socket buffer within its
 * first 2.3 s (docs/transfer.md, "Start-up ramp").
 *
 * <p>Idle means: the sender's recent rate (an average that forgets with {@link
 * TokenBucket#RECENT_NANOS}, one second) is below a quarter of the ramp's start rate; while it is,
 * the ramp waits at its start. A sender that only trickles (live data far below {@code rate}) or
 * waits counts as idle, and its next burst (a backlog, a replay request) ramps again; that costs it
 * nothing it was using, since it sent less than the ramp's start rate anyway. A sender held back
 * by its own encoding (pacing above what it produces) is not idle as long as it sends more than
 * that quarter. Heartbeats are not paced and do not count.
 *
 * @param rampFrom the share of {@code rate} the ramp starts at, 0.01..1 (1: no ramp)
 * @param rampUp how long the rate takes from the start fraction to the full rate, 0..10 min (0: no
 *     ramp)
 */
public record PacingRamp(double rampFrom, Duration rampUp) {
    /** No ramp: the full rate from the first datagram (the behaviour before the twelfth session). */
    public static final PacingRamp NONE = new PacingRamp(1, Duration.ZERO);
    /** The default start fraction (docs/benchmarks.md, "diode22r"). */
    public static final double DEFAULT_START_FRACTION = 0.25;
    /** The default ramp-up time in seconds (docs/benchmarks.md, "diode22r"). */
    public static final int DEFAULT_RAMP_UP_SECONDS = 3;

    public static final PacingRamp DEFAULT =
            new PacingRamp(DEFAULT_START_FRACTION, Duration.ofSeconds(DEFAULT_RAMP_UP_SECONDS));

    /** The default ramp with {@code rampFrom} and/or {@code rampUp} replaced where not null. */
    public static PacingRamp of(Double rampFrom, Duration rampUp) {
        return new PacingRamp(
                rampFrom == null ? DEFAULT.rampFrom() : rampFrom, rampUp == null ? DEFAULT.rampUp() : rampUp);
    }

    public PacingRamp {
        if (!(rampFrom >= 0.01 && rampFrom <= 1)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "rampFrom is %s; it must be in 0.01..1 (a share of rate)", rampFrom));
        }
        Objects.requireNonNull(rampUp, "rampUp");
        if (rampUp.isNegative() || rampUp.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("rampUp is " + rampUp + "; it must be in 0s..10m");
        }
    }

    /** True when the rate starts below the full rate, i.e. there is a ramp at all. */
    public boolean ramps() {
        return rampFrom < 1 && !rampUp.isZero();
    }
}
