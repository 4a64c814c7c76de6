package io.isthmus.insight.health;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Streaming health scores for motors: feed it every {@link Sample} of the plant, it keeps what
 * belongs to a motor (speed, vibration, winding temperature, current, and the vibration trip limit
 * when polled; {@link MotorPoints}), learns each motor's healthy baseline online once the motor
 * has run long enough to be warm, and answers each vibration sample with a {@link MotorHealth}:
 * a score 0..100, an anomaly flag and a remaining-life estimate from the vibration trend.
 *
 * <p>Not thread-safe: one consumer thread feeds it, as samples come off a poller or the journal.
 * Samples that are not {@link Quality#GOOD}, not finite, or of equipment beyond
 * {@link HealthConfig#maxMotors()} are dropped and counted.
 */
public final class MotorHealthScorer {
    private final HealthConfig config;
    private final Map<String, MotorTracker> motors = new HashMap<>();
    private long dropped;

    public MotorHealthScorer(HealthConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Takes one sample; returns an assessment when it was a vibration sample of a running, settled motor. */
    public Optional<MotorHealth> accept(Sample sample) {
        String point = sample.path().point();
        MotorPoints p = config.points();
        boolean motorPoint = point.equals(p.speed())
                || point.equals(p.vibration())
                || point.equals(p.temperature())
                || point.equals(p.current())
                || point.equals(p.vibrationLimit());
        if (!motorPoint) {
            return Optional.empty();
        }
        double v = sample.value().asDouble();
        if (sample.quality() != Quality.GOOD || !Double.isFinite(v)) {
            dropped++;
            return Optional.empty();
        }
        MotorTracker motor = tracker(sample.path().equipmentPath());
        if (motor == null) {
            dropped++;
            return Optional.empty();
        }
        if (point.equals(p.speed())) {
            motor.speed(sample.sourceTime(), v);
        } else if (point.equals(p.temperature())) {
            motor.temperature(v);
        } else if (point.equals(p.current())) {
            motor.current(v);
        } else if (point.equals(p.vibrationLimit())) {
            motor.limit(v);
        } else {
            return motor.vibration(sample.sourceTime(), v);
        }
        return Optional.empty();
    }

    /** Forgets a motor's baseline, for after its bearing was changed; false if the motor is unknown. */
    public boolean relearn(String equipmentPath) {
        MotorTracker m = motors.get(equipmentPath);
        if (m == null) {
            return false;
        }
        m.relearn();
        return true;
    }

    /** Samples dropped: bad quality, not a number, or beyond the motor limit. */
    public long dropped() {
        return dropped;
    }

    public int motors() {
        return motors.size();
    }

    private MotorTracker tracker(String equipment) {
        MotorTracker m = motors.get(equipment);
        if (m == null && motors.size() < config.maxMotors()) {
            m = new MotorTracker(equipment, config);
            motors.put(equipment, m);
        }
        return m;
    }
}
