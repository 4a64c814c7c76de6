package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;

/**
 * What the historian knows of a tag that has samples: its id, the oldest and newest stored source
 * time (microseconds) and the newest sample (the latest arrival wins a tie).
 */
record TagState(int id, long firstT, long lastT, Sample latest) {

    /** This state with {@code other} folded in: wider span, the newer latest sample. */
    TagState merge(TagState other) {
        Sample newest = other.lastT >= lastT ? other.latest : latest;
        return new TagState(id, Math.min(firstT, other.firstT), Math.max(lastT, other.lastT), newest);
    }
}
