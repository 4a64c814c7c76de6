package io.isthmus.store;

import io.isthmus.model.Sample;
import java.util.List;
import java.util.Objects;

/** One journal record as the historian receives it: its sequence number and the samples it holds. */
public record JournalRecord(long sequence, List<Sample> samples) {

    public JournalRecord {
        if (sequence < 0) {
            throw new IllegalArgumentException("journal sequence must not be negative, not " + sequence);
        }
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
    }
}
