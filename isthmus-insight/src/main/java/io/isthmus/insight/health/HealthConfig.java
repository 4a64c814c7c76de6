package io.isthmus.insight.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How the motor health scorer learns and judges, validated on construction.
 *
 * @param points which points carry the motor signals
 * @param settle running time before the baseline is learnt: a motor's winding needs about five
 *     thermal time constants to reach its working temperature, and a baseline learnt while it
 *     heats would call every later hour hot
 * @param baselineSamples how many samples of each signal, at steady speed, make the healthy baseline
 * @param smoothing EWMA weight of a new sample (0..1]; the anomaly test uses the smoothed value so
 *     one noisy sample never raises a flag
 * @param anomalyZ how many baseline standard deviations above the healthy mean make an anomaly
 *     (one-sided: lower vibration, current or temperature than healthy is not a fault)
 * @param minRelativeSpread floor of the baseline standard deviation as a fraction of its mean, for
 *     signals that hardly move while healthy (a settled temperature)
 * @param vibrationLimit trip limit of the bearing vibration (mm/s) when the stream does not carry it
 * @param speedTolerance relative band around the baseline speed in which samples are judged;
 *     vibration and current depend on load, so other speeds are not compared with this baseline
 * @param trendStep spacing of the points kept for the vibration trend
 * @param trendPoints how many trend points are kept (the fitted span is their product)
 * @param maxMotors how many motors one scorer tracks; samples of further equipment are counted and
 *     dropped, so a stream of made-up tag paths cannot grow it without bound
 */
public record HealthConfig(
        MotorPoints points,
        Duration settle,
        int baselineSamples,
        double smoothing,
        double anomalyZ,
        double minRelativeSpread,
        double vibrationLimit,
        double speedTolerance,
        Duration trendStep,
        int trendPoints,
        int maxMotors) {

    public static final HealthConfig DEFAULT = new HealthConfig(
            MotorPoints.DEFAULT,
            Duration.ofMinutes(45),
            600,
            0.05,
            4.0,
            0.03,
            7.1,
            0.05,
            Duration.ofMinutes(1),
            120,
            10_000);

    public HealthConfig {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(trendStep, "trendStep");
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must not be negative, was " + settle);
        }
        if (baselineSamples < 10 || baselineSamples > 1_000_000) {
            throw new IllegalArgumentException("baselineSamples must be 10 to 1000000, was " + baselineSamples);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0, 1], was " + smoothing);
        }
        if (!(anomalyZ > 0 && anomalyZ <= 100)) {
            throw new IllegalArgumentException("anomalyZ must be in (0, 100], was " + anomalyZ);
        }
        if (!(minRelativeSpread >= 0 && minRelativeSpread < 1)) {
            throw new IllegalArgumentException("minRelativeSpread must be in [0, 1), was " + minRelativeSpread);
        }
        if (!(vibrationLimit > 0 && Double.isFinite(vibrationLimit))) {
            throw new IllegalArgumentException("vibrationLimit must be a positive number, was " + vibrationLimit);
        }
        if (!(speedTolerance > 0 && speedTolerance < 1)) {
            throw new IllegalArgumentException("speedTolerance must be in (0, 1), was " + speedTolerance);
        }
        if (trendStep.isNegative() || trendStep.isZero()) {
            throw new IllegalArgumentException("trendStep must be positive, was " + trendStep);
        }
        if (trendPoints < 3 || trendPoints > 100_000) {
            throw new IllegalArgumentException("trendPoints must be 3 to 100000, was " + trendPoints);
        }
        if (maxMotors < 1 || maxMotors > 1_000_000) {
            throw new IllegalArgumentException("maxMotors must be 1 to 1000000, was " + maxMotors);
        }
    }
}
