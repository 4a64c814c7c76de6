package io.isthmus.store;

import io.isthmus.model.TagPath;
import java.util.List;
import java.util.Objects;

/** Every bucket of one tag, in time order; a tag the historian has never seen has empty buckets. */
public record AggregateSeries(TagPath tag, List<Bucket> buckets) {

    public AggregateSeries {
        Objects.requireNonNull(tag, "tag");
        buckets = List.copyOf(Objects.requireNonNull(buckets, "buckets"));
    }
}
