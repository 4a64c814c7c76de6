package io.isthmus.store.duckdb;

import io.isthmus.store.AggregateQuery;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.InvalidQueryException;
import io.isthmus.store.RangeQuery;

/** The configured bounds on what one query may ask for, checked before any work (both layouts). */
final class QueryLimits {
    private QueryLimits() {}

    static void checkRange(RangeQuery query, HistorianConfig config) {
        if (query.limit() > config.maxRangeSamples()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.TOO_MANY_POINTS,
                    "limit " + query.limit() + " is above the historian's maximum of " + config.maxRangeSamples());
        }
    }

    /**
     * The buckets per tag, refused above {@code maxAggregatePoints} in all: the bucket count is
     * checked alone first, so the product with the tag count cannot overflow.
     */
    static int buckets(AggregateQuery query, HistorianConfig config) {
        long buckets = query.bucketCount();
        int tags = query.tags().size();
        if (buckets > config.maxAggregatePoints() || buckets * tags > config.maxAggregatePoints()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.TOO_MANY_POINTS,
                    tags + " tag(s) x " + buckets + " bucket(s) is above the historian's maximum of "
                            + config.maxAggregatePoints() + " points; use a longer interval or a shorter range");
        }
        return (int) buckets;
    }
}
