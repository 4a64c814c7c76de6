package io.isthmus.app.edge;

import io.isthmus.model.Sample;
import java.util.List;

/** One sample record the journal acknowledged (durable under its fsync policy), with its id. */
public record Journaled(long sequence, List<Sample> samples) {
    public Journaled {
        samples = List.copyOf(samples);
    }
}
