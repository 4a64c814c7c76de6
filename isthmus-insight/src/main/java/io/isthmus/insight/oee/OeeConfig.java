package io.isthmus.insight.oee;

import io.isthmus.insight.shift.ShiftCalendar;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything OEE needs, validated on construction.
 *
 * @param calendar when production is planned
 * @param line the machines and the line's output
 * @param faults what the fault codes mean
 * @param points the point names under each machine
 * @param maxHold how long a state reading holds without a newer one; longer silences are "no data"
 *     losses instead of being filled with the last state
 * @param counterMax where the piece counters wrap (2^32 for the PLCs' 32-bit counters)
 */
public record OeeConfig(
        ShiftCalendar calendar,
        LineSpec line,
        FaultCatalog faults,
        OeePoints points,
        Duration maxHold,
        double counterMax) {
    public static final double COUNTER_MAX_32 = 4_294_967_296.0;
    public static final Duration DEFAULT_MAX_HOLD = Duration.ofMinutes(1);

    public OeeConfig {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(maxHold, "maxHold");
        if (maxHold.isNegative() || maxHold.isZero() || maxHold.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("max-hold must be positive and at most 1 day, was " + maxHold);
        }
        if (!(counterMax >= 2 && Double.isFinite(counterMax))) {
            throw new IllegalArgumentException("counter-max must be a number of at least 2, was " + counterMax);
        }
    }

    public static OeeConfig of(ShiftCalendar calendar, LineSpec line) {
        return new OeeConfig(calendar, line, FaultCatalog.DEFAULT, OeePoints.DEFAULT, DEFAULT_MAX_HOLD, COUNTER_MAX_32);
    }
}
