package io.isthmus.store;

import java.util.Objects;

/** Raw samples of every tag under {@code tags} over {@code range}, for export, ordered by tag then time. */
public record ExportQuery(TagPrefix tags, TimeRange range) {

    public ExportQuery {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(range, "range");
    }
}
