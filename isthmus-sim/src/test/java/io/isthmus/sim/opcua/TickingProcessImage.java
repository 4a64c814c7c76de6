package io.isthmus.sim.opcua;

import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.process.PointType;
import io.isthmus.sim.process.ProcessImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A three-point filler: a speed that changes with every read a millisecond or more apart, a
 * writable run command, and a read-only bottle counter. Records every write it accepts.
 */
final class TickingProcessImage implements ProcessImage {

    static final TagPath SPEED = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");
    static final TagPath RUNNING = SPEED.withPoint("running");
    static final TagPath BOTTLES = SPEED.withPoint("bottles_filled");

    record Write(TagPath path, Value value) {}

    private static final List<PointSpec> POINTS = List.of(
            new PointSpec(SPEED, PointType.REAL, false, "r/min", "Filler carousel speed"),
            new PointSpec(RUNNING, PointType.BOOL, true, "", "Run command"),
            new PointSpec(BOTTLES, PointType.INT, false, "", "Bottles filled since start"));

    private final long startNanos = System.nanoTime();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong bottles = new AtomicLong(1_000);
    private final List<Write> writes = new CopyOnWriteArrayList<>();

    @Override
    public List<PointSpec> points() {
        return POINTS;
    }

    @Override
    public Value read(TagPath path) {
        if (path.equals(SPEED)) {
            double elapsedMillis = (System.nanoTime() - startNanos) / 1e6;
            return Value.of(100.0 + Math.floor(elapsedMillis) / 1000.0);
        }
        if (path.equals(RUNNING)) {
            return Value.of(running.get());
        }
        if (path.equals(BOTTLES)) {
            return Value.of(bottles.get());
        }
        throw new IllegalArgumentException("unknown point " + path);
    }

    @Override
    public boolean write(TagPath path, Value value) {
        if (path.equals(RUNNING) && value instanceof Value.Bool b) {
            running.set(b.value());
            writes.add(new Write(path, value));
            return true;
        }
        return false;
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }
}
