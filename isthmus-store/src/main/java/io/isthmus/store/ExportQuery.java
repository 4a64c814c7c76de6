package io.isthmus.store;

import java.util.Objects;

/**
 * Raw samples of every tag under {@code tags} over {@code range}, for export, ordered by tag then
 * time. A range reaching beyond {@link TimeRange#STORABLE} is clamped to it (the same samples).
 */
public record ExportQuery(TagPrefix tags, TimeRange range) {

    public ExportQuery {
        Objects.requireNonNull(tags, "tags");
        range = Objects.requireNonNull(range, "range").storable();
    }
}
