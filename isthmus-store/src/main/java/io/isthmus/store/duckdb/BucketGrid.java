package io.isthmus.store.duckdb;

import io.isthmus.store.AggregateQuery;

/**
 * The buckets of an aggregate query in microseconds: bucket {@code k} is {@code [from + k * iv,
 * min(from + (k + 1) * iv, to))}. The query's range is already clamped to the storable range, so
 * {@code to - from} fits; an interval at least as long as the range becomes the range's length (one
 * bucket either way), so {@code from + (k + 1) * iv} never overflows.
 */
record BucketGrid(long from, long to, long iv) {

    static BucketGrid of(AggregateQuery q) {
        long from = Micros.of(q.range().from());
        long to = Micros.of(q.range().to());
        long iv = q.interval().compareTo(q.range().length()) >= 0 ? Math.max(1, to - from) : Micros.of(q.interval());
        return new BucketGrid(from, to, iv);
    }

    /** Bounds and interval on whole minutes: the minute partials answer the simple aggregates. */
    boolean wholeMinutes() {
        long m = MinuteRollup.MINUTE_MICROS;
        return from % m == 0 && to % m == 0 && iv % m == 0;
    }
}
