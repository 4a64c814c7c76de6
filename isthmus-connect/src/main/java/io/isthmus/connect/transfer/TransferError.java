package io.isthmus.connect.transfer;

/** Why bytes are not a transfer batch or an event. Stable codes. */
public enum TransferError {
    /** The bytes end inside a field. */
    TRUNCATED(1),
    /** The magic or the format version is not one this decoder knows. */
    NOT_A_BATCH(2),
    /** The body, a count or a length is beyond the limits or beyond the bytes left. */
    EXCEEDS_LIMIT(3),
    /** The edge id is not 1..128 of {@code A-Z a-z 0-9 _ . -}. */
    BAD_EDGE_ID(4),
    /** A sequence is below 1, sequences repeat, or settledThrough is negative. */
    BAD_SEQUENCE(5),
    /** A record type code this version does not define. */
    UNKNOWN_RECORD_TYPE(6),
    /** A time outside what {@link java.time.Instant} holds. */
    TIME_OUT_OF_RANGE(7),
    /** Text that is not well-formed UTF-8, or a value the model refuses (blank title, unknown kind). */
    BAD_FIELD(8),
    /** Bytes left over after the last field. */
    TRAILING_BYTES(9);

    private final int code;

    TransferError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
