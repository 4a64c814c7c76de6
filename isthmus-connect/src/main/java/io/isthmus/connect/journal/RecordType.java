package io.isthmus.connect.journal;

import java.util.Optional;

/**
 * What a record's payload holds. The code is stored in every record (one byte) and never changes
 * meaning; format version 1 of a segment knows exactly these codes.
 */
public enum RecordType {
    /** A batch of samples, encoded by {@link SampleBatchCodec}. */
    SAMPLE_BATCH(1),
    /** An {@link io.isthmus.model.Event}; reserved, its codec comes with the event path. */
    EVENT(2),
    /** Bytes the journal does not interpret; the producer and consumer agree on their meaning. */
    OPAQUE(3);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RecordType> fromCode(int code) {
        return switch (code) {
            case 1 -> Optional.of(SAMPLE_BATCH);
            case 2 -> Optional.of(EVENT);
            case 3 -> Optional.of(OPAQUE);
            default -> Optional.empty();
        };
    }
}
