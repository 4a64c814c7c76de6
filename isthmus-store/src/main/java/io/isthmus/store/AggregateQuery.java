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
 * (for example to a whole minute) to get calendar buckets. A range reaching beyond {@link
 * TimeRange#STORABLE} is clamped to it first, so buckets then start at the clamped {@code from}; an
 * interval longer than the range gives one bucket.
 */
public record AggregateQuery(List<TagPath> tags, TimeRange range, Duration interval, Set<Aggregate> aggregates) {

    public AggregateQuery {
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        range = Objects.requireNonNull(range, "range").storable();
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(aggregates, "aggregates");
        if (interval.isZero() || interval.isNegative()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.INTERVAL_NOT_POSITIVE, "interval must be positive, not " + interval);
        }
        if (interval.getNano() % 1000 != 0) {
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

    /**
     * The number of buckets per tag, without overflow for any interval: the clamped range is at most
     * 2<sup>62</sup> µs long, and an interval at least as long as the range gives one bucket.
     */
    public long bucketCount() {
        Duration length = range.length();
        if (length.isZero()) {
            return 0;
        }
        if (interval.compareTo(length) >= 0) {
            return 1;
        }
        long len = micros(length);
        long iv = micros(interval);
        return len / iv + (len % iv == 0 ? 0 : 1);
    }

    private static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1000;
    }
}
