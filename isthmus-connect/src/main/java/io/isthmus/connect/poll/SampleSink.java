package io.isthmus.connect.poll;

import io.isthmus.model.Sample;
import java.util.List;

/**
 * Receives the samples of a source, on the source's threads. Keep it short (hand over to a queue or
 * the journal); a slow sink slows polling, which is the intended back-pressure.
 */
@FunctionalInterface
public interface SampleSink {
    void accept(Sample sample);

    /**
     * The samples of one read (or one transition of a whole block), in order. Drivers hand over a
     * read at once so a sink that can take many samples under one lock or in one queue operation
     * does so; by default one {@link #accept} per sample. The list is the driver's and may be reused
     * after the call returns: copy it to keep it.
     */
    default void acceptAll(List<Sample> samples) {
        for (int i = 0; i < samples.size(); i++) {
            accept(samples.get(i));
        }
    }
}
