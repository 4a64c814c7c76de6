package io.isthmus.store;

import io.isthmus.model.TagPath;
import java.time.Instant;
import java.util.Objects;

/**
 * Raw samples of one tag over {@code range}, oldest first, at most {@code limit} of them. A range
 * reaching beyond {@link TimeRange#STORABLE} is clamped to it (the same samples).
 */
public record RangeQuery(TagPath tag, TimeRange range, int limit) {

    public RangeQuery {
        Objects.requireNonNull(tag, "tag");
        range = Objects.requireNonNull(range, "range").storable();
        if (limit < 1) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.LIMIT_NOT_POSITIVE, "limit must be at least 1, not " + limit);
        }
    }

    public static RangeQuery of(TagPath tag, Instant from, Instant to, int limit) {
        return new RangeQuery(tag, new TimeRange(from, to), limit);
    }
}
