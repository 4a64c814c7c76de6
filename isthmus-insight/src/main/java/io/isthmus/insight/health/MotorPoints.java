package io.isthmus.insight.health;

import java.util.Objects;

/**
 * Which points of an equipment carry a motor's signals: the last segment of the tag path
 * ({@code .../equipment/point}). The defaults are the virtual factory's names (docs/virtual-factory.md).
 * {@code vibrationLimit} is optional in the stream: when the PLC's trip setpoint is polled it
 * replaces {@link HealthConfig#vibrationLimit()} for that motor.
 */
public record MotorPoints(String speed, String vibration, String temperature, String current, String vibrationLimit) {
    public static final MotorPoints DEFAULT =
            new MotorPoints("speed", "vibration", "motorTemperature", "motorCurrent", "vibrationLimit");

    public MotorPoints {
        Objects.requireNonNull(speed, "speed point");
        Objects.requireNonNull(vibration, "vibration point");
        Objects.requireNonNull(temperature, "temperature point");
        Objects.requireNonNull(current, "current point");
        Objects.requireNonNull(vibrationLimit, "vibrationLimit point");
        if (new java.util.HashSet<>(java.util.List.of(speed, vibration, temperature, current, vibrationLimit)).size()
                != 5) {
            throw new IllegalArgumentException("motor points must have five different names, were " + speed + ", "
                    + vibration + ", " + temperature + ", " + current + ", " + vibrationLimit);
        }
    }
}
