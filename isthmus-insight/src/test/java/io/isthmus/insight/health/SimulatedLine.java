package io.isthmus.insight.health;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.sim.process.BottlingLine;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LineProcessImage;
import io.isthmus.sim.process.PointSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The virtual factory's process model driven directly (no servers): ticks the line and, once per
 * simulated second, reads the motor points as a poller would and hands them on as samples.
 */
final class SimulatedLine {
    static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
    private static final Set<String> MOTOR_POINTS =
            Set.of("speed", "vibration", "motorTemperature", "motorCurrent", "vibrationLimit", "vibrationWarning");

    final BottlingLine line;
    private final LineProcessImage image;
    private final List<TagPath> polled;

    SimulatedLine(long seed) {
        this.line = new BottlingLine(seed, START);
        this.image = new LineProcessImage(line, LineNames.DEFAULT);
        this.polled = image.points().stream()
                .map(PointSpec::path)
                .filter(p -> MOTOR_POINTS.contains(p.point()))
                .toList();
    }

    /** Runs for {@code duration} of simulated time, polling every second; stops early when {@code until} says so. */
    void run(Duration duration, Consumer<Sample> sink, java.util.function.BooleanSupplier until) {
        long seconds = duration.toSeconds();
        int ticksPerSecond = (int) (1000 / BottlingLine.TICK.toMillis());
        for (long s = 0; s < seconds && !until.getAsBoolean(); s++) {
            for (int t = 0; t < ticksPerSecond; t++) {
                line.tick();
            }
            Instant now = line.now();
            for (TagPath p : polled) {
                sink.accept(Sample.good(p, now, image.read(p)));
            }
        }
    }

    void run(Duration duration, Consumer<Sample> sink) {
        run(duration, sink, () -> false);
    }
}
