package io.isthmus.store;

import io.isthmus.model.TagPath;
import java.time.Instant;
import java.util.Objects;

/** A tag the historian holds samples of, with the source times of its oldest and newest sample. */
public record TagInfo(TagPath path, Instant first, Instant last) {

    public TagInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }
}
