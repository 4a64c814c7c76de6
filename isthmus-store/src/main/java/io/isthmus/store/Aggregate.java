package io.isthmus.store;

/**
 * Aggregates per interval. All of them use only <em>usable</em> samples: quality {@code GOOD} or
 * {@code STALE} and a finite numeric value (booleans count as 0 and 1; text and NaN are skipped).
 *
 * <p>{@link #MIN}, {@link #MAX}, {@link #AVG}, {@link #COUNT} and {@link #LAST} look only at samples
 * whose time lies inside the bucket. {@link #TIME_WEIGHTED_AVG} uses step interpolation, as
 * historians and OPC UA Part 13 ("Stepped" interpolation, TimeAverage2) do: see its own comment.
 */
public enum Aggregate {
    MIN,
    MAX,
    /** Arithmetic mean of the usable samples in the bucket, each sample weighing the same. */
    AVG,
    /** The value of the latest usable sample in the bucket. */
    LAST,
    /** The number of usable samples in the bucket. */
    COUNT,
    /**
     * Mean weighted by how long each value held. Each sample's value holds from its time until the
     * next sample of the tag (of any quality), for at most {@link HistorianConfig#maxHold()}, and
     * never past the end of the query range. The held periods are cut at bucket boundaries; a value
     * that started before a bucket (even before the query range) is carried into it for the part it
     * still holds. Periods held by an unusable sample (bad quality, text, NaN) are left out of both
     * the weighted sum and the covered time, so a gap reported as bad does not drag the average
     * toward anything. The result is {@code sum(value * held) / sum(held)} over the covered part of
     * the bucket, or empty when no usable value covers any part of it. Nothing is extrapolated
     * backwards: before a tag's first sample there is no value.
     */
    TIME_WEIGHTED_AVG
}
