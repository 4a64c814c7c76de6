package io.isthmus.model;

import java.time.Instant;
import java.util.Objects;

/** One observation of one tag: what it was, when the source saw it, and how far to trust it. */
public record Sample(TagPath path, Instant sourceTime, Value value, Quality quality) {
    public Sample {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
    }

    public static Sample good(TagPath path, Instant sourceTime, Value value) {
        return new Sample(path, sourceTime, value, Quality.GOOD);
    }
}
