package io.isthmus.connect.poll;

import io.isthmus.model.Sample;

/**
 * Receives the samples of a source, on the source's threads. Keep it short (hand over to a queue or
 * the journal); a slow sink slows polling, which is the intended back-pressure.
 */
@FunctionalInterface
public interface SampleSink {
    void accept(Sample sample);
}
