package io.isthmus.store;

import io.isthmus.model.Sample;
import java.util.List;
import java.util.Objects;

/**
 * Raw samples, oldest first. {@code truncated} says the range holds more than the query's limit:
 * ask again from the last returned sample's time plus one microsecond for the rest.
 */
public record RangeResult(List<Sample> samples, boolean truncated) {

    public RangeResult {
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
    }
}
