package io.isthmus.insight.counter;

/**
 * What one new reading of a cumulative counter meant.
 *
 * @param increase how much was counted since the previous reading (0 for the first one)
 * @param kind how the increase was worked out
 */
public record CounterStep(double increase, Kind kind) {
    public enum Kind {
        /** The first reading: only a baseline. */
        FIRST,
        /** Equal or higher than before: the difference. */
        NORMAL,
        /** Lower than before, near the top before and near zero now: the counter wrapped at its maximum. */
        ROLLOVER,
        /** Lower than before otherwise: the counter was reset (meter exchanged, PLC restarted) and counts from 0. */
        RESET
    }
}
