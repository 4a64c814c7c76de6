package io.isthmus.app.sensor;

import java.util.Objects;

/** A sensor to run: its settings and the input it reads. */
public record SensorRun(SensorSettings settings, SensorInput input) {
    public SensorRun {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(input, "input");
    }

    /** Reading the capture the settings name (a file, a FIFO, or standard input). */
    public static SensorRun of(SensorSettings settings) {
        return new SensorRun(settings, SensorInput.of(settings.capture()));
    }
}
