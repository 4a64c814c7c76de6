package io.isthmus.store;

import java.time.Instant;
import java.util.Objects;

/** What {@link Historian#enforceRetention} removed: every sample older than {@code cutoff}. */
public record RetentionResult(Instant cutoff, long samplesDeleted) {

    public RetentionResult {
        Objects.requireNonNull(cutoff, "cutoff");
    }
}
