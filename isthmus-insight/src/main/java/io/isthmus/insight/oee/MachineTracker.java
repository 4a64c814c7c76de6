package io.isthmus.insight.oee;

import io.isthmus.insight.counter.CounterStep;
import io.isthmus.insight.counter.CumulativeCounter;
import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import java.time.Instant;
import java.util.OptionalDouble;

/** One machine's condition and counters. */
final class MachineTracker {
    final MachineSpec spec;
    final ConditionTimeline timeline;
    private final CumulativeCounter good;
    private final CumulativeCounter reject;
    private MachineState state = MachineState.UNKNOWN;
    private int faultCode;
    private long refused;

    MachineTracker(MachineSpec spec, ConditionTimeline timeline, double counterMax) {
        this.spec = spec;
        this.timeline = timeline;
        this.good = CumulativeCounter.wrappingAt(counterMax);
        this.reject = CumulativeCounter.wrappingAt(counterMax);
    }

    Condition condition() {
        return Condition.of(state, faultCode, spec.id());
    }

    /** A state reading; a bad-quality or non-integer one means the state is unknown from then on. */
    boolean acceptState(Sample s) {
        OptionalDouble v = usable(s);
        state = v.isPresent() && v.getAsDouble() == Math.rint(v.getAsDouble())
                ? MachineState.ofCode((long) v.getAsDouble())
                : MachineState.UNKNOWN;
        return observe(s.sourceTime());
    }

    boolean acceptFaultCode(Sample s) {
        OptionalDouble v = usable(s);
        if (v.isPresent()) {
            faultCode = (int) Math.clamp(v.getAsDouble(), 0, 65_535);
        }
        return observe(s.sourceTime());
    }

    /** A counter reading: returns the units it adds (0 if refused, the first, or too old). */
    long acceptCount(Sample s, boolean isGood) {
        OptionalDouble v = usable(s);
        if (v.isEmpty() || v.getAsDouble() < 0) {
            refused++;
            return 0;
        }
        CumulativeCounter counter = isGood ? good : reject;
        CounterStep step = counter.accept(v.getAsDouble());
        return Math.round(step.increase());
    }

    private boolean observe(Instant t) {
        return timeline.observe(t, condition());
    }

    long refused() {
        return refused;
    }

    long rollovers() {
        return good.rollovers() + reject.rollovers();
    }

    long resets() {
        return good.resets() + reject.resets();
    }

    /** The number in a good or stale numeric sample; empty for bad quality, text or non-finite values. */
    static OptionalDouble usable(Sample s) {
        if (!(s.quality() == io.isthmus.model.Quality.GOOD || s.quality() == io.isthmus.model.Quality.STALE)) {
            return OptionalDouble.empty();
        }
        double d = switch (s.value()) {
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Bool b -> b.value() ? 1 : 0;
            case Value.Text t -> Double.NaN;
        };
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }
}
