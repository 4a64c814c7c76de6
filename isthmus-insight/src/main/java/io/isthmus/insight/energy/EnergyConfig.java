package io.isthmus.insight.energy;

import io.isthmus.insight.shift.ShiftCalendar;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Energy accounting, validated on construction.
 *
 * @param calendar the shift calendar (the same as OEE's)
 * @param meters the energy counters, unique tags and unique (scope, id)
 * @param counterMax where the counters wrap, in kWh (the PLCs' 32-bit counters of 0.1 kWh:
 *     429,496,729.6)
 * @param maxGap readings further apart than this are reported as a gap; the energy across it is
 *     still counted (the counter kept counting), spread evenly over the gap
 * @param factors emission factors per reporting year
 */
public record EnergyConfig(
        ShiftCalendar calendar,
        List<EnergyMeter> meters,
        double counterMax,
        Duration maxGap,
        EmissionFactorTable factors) {
    public static final double COUNTER_MAX_32_TENTHS = 429_496_729.6;

    public EnergyConfig {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(maxGap, "maxGap");
        Objects.requireNonNull(factors, "factors");
        meters = List.copyOf(meters);
        if (!(counterMax > 0 && Double.isFinite(counterMax))) {
            throw new IllegalArgumentException("energy counter-max must be a positive number, was " + counterMax);
        }
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("energy max-gap must be positive, was " + maxGap);
        }
        Set<String> tags = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (EnergyMeter m : meters) {
            if (!tags.add(m.tag().toString())) {
                throw new IllegalArgumentException("energy meter tag " + m.tag() + " is used twice");
            }
            if (!ids.add(m.scope() + "/" + m.id())) {
                throw new IllegalArgumentException(
                        "two energy meters for " + m.scope().label() + " '" + m.id() + "'");
            }
        }
    }
}
