package io.isthmus.insight.counter;

/**
 * Turns readings of a cumulative counter (piece counters, energy meters) into increases, telling a
 * rollover from a reset.
 *
 * <p>A counter that reads lower than before either wrapped at its maximum or was reset. It wrapped
 * when the way round through the maximum is short — at most {@code rolloverWindow} of the range —
 * and otherwise it was reset, and the increase is the new reading (counted up from zero since the
 * reset). A 32-bit piece counter at 4,294,967,290 then 10 wrapped (increase 16); at 5,000 then 3
 * it was reset (increase 3). Increases of more than {@code rolloverWindow} of the range without a
 * wrap are accepted as they are: a counter cannot tell a long outage from a jump.
 *
 * <p>Not thread-safe; one instance per counter.
 */
public final class CumulativeCounter {
    private final double max;
    private final double rolloverWindow;
    private double last = Double.NaN;
    private long rollovers;
    private long resets;

    /**
     * @param max the value at which the counter wraps to zero (2^32 for a 32-bit counter; 2^32 × scale
     *     for a scaled one)
     * @param rolloverWindow share of the range, (0, 1), within which a drop counts as a wrap
     */
    public CumulativeCounter(double max, double rolloverWindow) {
        if (!(max > 0 && Double.isFinite(max))) {
            throw new IllegalArgumentException("counter max must be a positive number, was " + max);
        }
        if (!(rolloverWindow > 0 && rolloverWindow < 1)) {
            throw new IllegalArgumentException("rollover window must be in (0, 1), was " + rolloverWindow);
        }
        this.max = max;
        this.rolloverWindow = rolloverWindow;
    }

    /** A counter that wraps at {@code max}, a drop counting as a wrap within a tenth of the range. */
    public static CumulativeCounter wrappingAt(double max) {
        return new CumulativeCounter(max, 0.1);
    }

    /** The increase since the previous reading; a negative or non-finite reading is refused. */
    public CounterStep accept(double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("a counter reading must be a non-negative number, was " + value);
        }
        double before = last;
        last = value;
        if (Double.isNaN(before)) {
            return new CounterStep(0, CounterStep.Kind.FIRST);
        }
        if (value >= before) {
            return new CounterStep(value - before, CounterStep.Kind.NORMAL);
        }
        double wrapped = max - before + value;
        if (wrapped >= 0 && wrapped <= rolloverWindow * max) {
            rollovers++;
            return new CounterStep(wrapped, CounterStep.Kind.ROLLOVER);
        }
        resets++;
        return new CounterStep(value, CounterStep.Kind.RESET);
    }

    public long rollovers() {
        return rollovers;
    }

    public long resets() {
        return resets;
    }

    public boolean hasReading() {
        return !Double.isNaN(last);
    }
}
