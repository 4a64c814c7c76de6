package io.isthmus.insight.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One assessment of one motor.
 *
 * @param equipment the equipment path ({@code enterprise/site/area/line/cell/equipment})
 * @param time source time of the vibration sample that produced it
 * @param phase whether the baseline is still being learnt
 * @param score 100 healthy .. 0 at the trip limit. Within the healthy band it falls from 100 to 50
 *     with the square of the worst z-score (50 at {@link HealthConfig#anomalyZ()}); once anomalous
 *     it is 50 times the share of the vibration margin left between the healthy mean and the
 *     limit, so it keeps falling towards 0 as the bearing approaches its trip
 * @param anomaly true when a smoothed signal lies {@link HealthConfig#anomalyZ()} standard
 *     deviations above its healthy mean
 * @param vibrationZ smoothed vibration against the baseline, in standard deviations
 * @param temperatureZ the same for the winding temperature
 * @param currentZ the same for the motor current
 * @param remainingLife running time until the vibration trend reaches the limit; empty while
 *     the vibration is not rising out of its healthy band
 */
public record MotorHealth(
        String equipment,
        Instant time,
        Phase phase,
        double score,
        boolean anomaly,
        double vibrationZ,
        double temperatureZ,
        double currentZ,
        Optional<Duration> remainingLife) {

    public enum Phase {
        /** Running, but not yet settled or the baseline not complete: the score is 100 and nothing is flagged. */
        LEARNING,
        /** Judged against the learnt baseline. */
        MONITORING
    }

    public MotorHealth {
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(remainingLife, "remainingLife");
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be 0..100, was " + score);
        }
    }
}
