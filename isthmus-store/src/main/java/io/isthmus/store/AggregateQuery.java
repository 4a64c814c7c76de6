package io.isthmus.store;

import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Aggregates of {@code tags} over {@code range} in buckets of {@code interval}. Buckets start at
 * {@code range.from()} and follow each other without gaps; the last one ends at {@code range.to()}
 * and is shorter when the range is not a whole number of intervals. Align {@code from} yourself
 * (for example to a whole minute) to get calendar buckets.
 */
public record AggregateQuery(List<TagPath> tags, TimeRange range, Duration interval, Set<Aggregate> aggregates) {

    public AggregateQuery {
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(aggregates, "aggregates");
        if (interval.isZero() || interval.isNegative()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.INTERVAL_NOT_POSITIVE, "interval must be positive, not " + interval);
        }
        if (interval.toNanos() % 1000 != 0) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.INTERVAL_NOT_POSITIVE,
                    "interval " + interval + " is finer than the historian's microsecond resolution");
        }
        if (tags.isEmpty() || aggregates.isEmpty()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.NOTHING_REQUESTED, "ask for at least one tag and one aggregate");
        }
        aggregates = Set.copyOf(EnumSet.copyOf(aggregates));
    }

    /** The number of buckets per tag. */
    public long bucketCount() {
        long len = range.length().toNanos() / 1000;
        long iv = interval.toNanos() / 1000;
        return len == 0 ? 0 : (len + iv - 1) / iv;
    }
}
