package io.isthmus.connect.journal;

import io.isthmus.model.Sample;
import java.util.List;
import java.util.Objects;

/** The outcome of decoding a sample batch: the samples, or why the bytes are not a batch. */
public sealed interface SampleBatchDecoding {

    record Decoded(List<Sample> samples) implements SampleBatchDecoding {
        public Decoded {
            samples = List.copyOf(samples);
        }
    }

    /**
     * @param offset the byte offset where the problem was found
     * @param detail the offending value, for a person
     */
    record Malformed(SampleBatchError error, int offset, String detail) implements SampleBatchDecoding {
        public Malformed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
