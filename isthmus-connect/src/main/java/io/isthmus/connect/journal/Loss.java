package io.isthmus.connect.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One loss of records, as counted and raised.
 *
 * @param range the ids lost; empty for rejected records, which never got ids
 * @param records how many records (for id ranges an upper bound: ids are not dense across restarts)
 */
public record Loss(LossCause cause, Optional<SequenceRange> range, long records, Instant at) {
    public Loss {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(at, "at");
        if (records < 1) {
            throw new IllegalArgumentException("a loss has at least one record, not " + records);
        }
    }
}
