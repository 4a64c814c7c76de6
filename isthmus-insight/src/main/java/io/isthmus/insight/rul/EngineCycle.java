package io.isthmus.insight.rul;

import java.util.Arrays;

/**
 * One operating cycle of one engine in the C-MAPSS layout (Saxena et al., PHM 2008): the unit
 * number, the cycle count since the start of its record, three operational settings and 21 sensor
 * measurements. The arrays are copied in and out so a cycle cannot change after it was read.
 */
public record EngineCycle(int unit, int cycle, double[] settings, double[] sensors) {
    public static final int SETTINGS = 3;
    public static final int SENSORS = 21;

    public EngineCycle {
        if (unit < 1) {
            throw new IllegalArgumentException("unit must be 1 or more, was " + unit);
        }
        if (cycle < 1) {
            throw new IllegalArgumentException("cycle must be 1 or more, was " + cycle);
        }
        if (settings == null || settings.length != SETTINGS) {
            throw new IllegalArgumentException("expected " + SETTINGS + " operational settings, got "
                    + (settings == null ? "none" : settings.length));
        }
        if (sensors == null || sensors.length != SENSORS) {
            throw new IllegalArgumentException(
                    "expected " + SENSORS + " sensors, got " + (sensors == null ? "none" : sensors.length));
        }
        settings = settings.clone();
        sensors = sensors.clone();
    }

    /** Sensor {@code number}, counted from 1 as in the data set's readme (s1..s21). */
    public double sensor(int number) {
        return sensors[number - 1];
    }

    public double setting(int number) {
        return settings[number - 1];
    }

    @Override
    public double[] settings() {
        return settings.clone();
    }

    @Override
    public double[] sensors() {
        return sensors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineCycle c
                && unit == c.unit
                && cycle == c.cycle
                && Arrays.equals(settings, c.settings)
                && Arrays.equals(sensors, c.sensors);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * unit + cycle) + Arrays.hashCode(sensors);
    }

    @Override
    public String toString() {
        return "EngineCycle[unit=" + unit + ", cycle=" + cycle + ", settings=" + Arrays.toString(settings)
                + ", sensors=" + Arrays.toString(sensors) + "]";
    }
}
