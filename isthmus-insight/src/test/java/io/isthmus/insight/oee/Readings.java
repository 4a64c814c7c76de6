package io.isthmus.insight.oee;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds time-ordered test samples: a machine's state and fault code polled every {@code step}, and counter readings. */
final class Readings {
    private final List<Sample> samples = new ArrayList<>();
    private final Duration step;

    Readings(Duration step) {
        this.step = step;
    }

    static TagPath tag(String machine, String point) {
        return new TagPath("acme", "site", "area", "line1", "cell", machine, point);
    }

    static String equipment(String machine) {
        return "acme/site/area/line1/cell/" + machine;
    }

    /** Polls of {@code state} (and {@code fault}) from {@code from} (inclusive) to {@code to} (exclusive). */
    Readings state(String machine, String from, String to, MachineState state, int fault) {
        for (Instant t = Instant.parse(from); t.isBefore(Instant.parse(to)); t = t.plus(step)) {
            samples.add(Sample.good(tag(machine, "faultCode"), t, Value.of(fault)));
            samples.add(Sample.good(tag(machine, "state"), t, Value.of(state.code())));
        }
        return this;
    }

    Readings count(String machine, String point, String at, long value) {
        samples.add(Sample.good(tag(machine, point), Instant.parse(at), Value.of(value)));
        return this;
    }

    Readings sample(String machine, String point, String at, Value value, Quality quality) {
        samples.add(new Sample(tag(machine, point), Instant.parse(at), value, quality));
        return this;
    }

    /** All samples by time (stable: equal times keep the order they were added in). */
    List<Sample> inTimeOrder() {
        List<Sample> out = new ArrayList<>(samples);
        out.sort(Comparator.comparing(Sample::sourceTime));
        return out;
    }
}
