package io.isthmus.store;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Aggregates of one tag over {@code [start, end)}. An aggregate that was not asked for is empty; one
 * that was asked for is empty only when the bucket has no usable value for it ({@link #count()} is
 * then 0, not empty).
 */
public record Bucket(
        Instant start,
        Instant end,
        OptionalLong count,
        OptionalDouble min,
        OptionalDouble max,
        OptionalDouble avg,
        OptionalDouble last,
        OptionalDouble timeWeightedAvg) {

    public Bucket {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(avg, "avg");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(timeWeightedAvg, "timeWeightedAvg");
    }

    /** One aggregate as a number; the count as a double. */
    public OptionalDouble value(Aggregate aggregate) {
        return switch (aggregate) {
            case MIN -> min;
            case MAX -> max;
            case AVG -> avg;
            case LAST -> last;
            case COUNT -> count.isPresent() ? OptionalDouble.of(count.getAsLong()) : OptionalDouble.empty();
            case TIME_WEIGHTED_AVG -> timeWeightedAvg;
        };
    }
}
