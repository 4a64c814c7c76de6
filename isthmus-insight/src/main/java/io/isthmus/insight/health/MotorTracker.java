package io.isthmus.insight.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The learnt state of one motor: running time, operating speed, the three baselines and the trend. */
final class MotorTracker {
    private final String equipment;
    private final HealthConfig config;
    private final SignalBaseline vibration;
    private final SignalBaseline temperature;
    private final SignalBaseline current;
    private final VibrationTrend trend;
    private double limit;
    private double speed = Double.NaN;
    private Instant lastSpeedTime;
    private Duration running = Duration.ZERO;
    private double baselineSpeed = Double.NaN;

    MotorTracker(String equipment, HealthConfig config) {
        this.equipment = equipment;
        this.config = config;
        this.vibration = baseline(config);
        this.temperature = baseline(config);
        this.current = baseline(config);
        this.trend = new VibrationTrend(config.trendStep(), config.trendPoints());
        this.limit = config.vibrationLimit();
    }

    private static SignalBaseline baseline(HealthConfig c) {
        return new SignalBaseline(c.baselineSamples(), c.smoothing(), c.minRelativeSpread());
    }

    void speed(Instant time, double value) {
        if (lastSpeedTime != null && speed > 0 && time.isAfter(lastSpeedTime)) {
            running = running.plus(Duration.between(lastSpeedTime, time));
        }
        lastSpeedTime = time;
        speed = value;
    }

    void limit(double value) {
        if (value > 0) {
            limit = value;
        }
    }

    void temperature(double value) {
        if (judged()) {
            temperature.accept(value);
        }
    }

    void current(double value) {
        if (judged()) {
            current.accept(value);
        }
    }

    /** Judges the motor on a vibration sample; empty while it is stopped, off its speed or settling. */
    Optional<MotorHealth> vibration(Instant time, double value) {
        if (!judged()) {
            return Optional.empty();
        }
        vibration.accept(value);
        if (!vibration.learnt()) {
            return Optional.of(new MotorHealth(
                    equipment, time, MotorHealth.Phase.LEARNING, 100, false, 0, 0, 0, Optional.empty()));
        }
        trend.accept(time, vibration.smoothed());
        double vz = vibration.z();
        double tz = temperature.z();
        double cz = current.z();
        double worst = Math.max(0, Math.max(vz, Math.max(tz, cz)));
        boolean anomaly = worst >= config.anomalyZ();
        double marginLeft = Math.clamp((limit - vibration.smoothed()) / (limit - vibration.mean()), 0, 1);
        double score = anomaly ? 50 * marginLeft : 100 - 50 * Math.pow(worst / config.anomalyZ(), 2);
        double healthyTop = vibration.mean() + config.anomalyZ() * vibration.spread();
        return Optional.of(new MotorHealth(
                equipment,
                time,
                MotorHealth.Phase.MONITORING,
                score,
                anomaly,
                vz,
                tz,
                cz,
                trend.timeTo(limit, healthyTop)));
    }

    /** Forgets the baseline (after a bearing change); the next settled, steady samples learn a new one. */
    void relearn() {
        vibration.reset();
        temperature.reset();
        current.reset();
        trend.reset();
        baselineSpeed = Double.NaN;
        running = Duration.ZERO;
    }

    private boolean judged() {
        if (!(speed > 0) || running.compareTo(config.settle()) < 0) {
            return false;
        }
        if (Double.isNaN(baselineSpeed)) {
            baselineSpeed = speed;
        }
        return Math.abs(speed - baselineSpeed) <= config.speedTolerance() * baselineSpeed;
    }
}
