package io.isthmus.connect.journal;

/** Why bytes are not a sample batch. Stable codes. */
public enum SampleBatchError {
    /** The bytes end inside a field. */
    TRUNCATED(1),
    /** The first byte names a format version this decoder does not know. */
    UNSUPPORTED_VERSION(2),
    /** A count is beyond the limits, or beyond what the remaining bytes could hold. */
    COUNT_EXCEEDS_LIMIT(3),
    /** A variable-length integer runs longer than its type allows. */
    VARINT_TOO_LONG(4),
    /** A tag path's shared-prefix count or segments break the ISA-95 naming rules. */
    BAD_TAG_PATH(5),
    /** A sample names a path index outside the batch's path table. */
    PATH_INDEX_OUT_OF_RANGE(6),
    /** A source time outside what {@link java.time.Instant} can hold, or nanoseconds >= 10^9. */
    TIME_OUT_OF_RANGE(7),
    /** A value kind this format version does not define. */
    UNKNOWN_VALUE_KIND(8),
    /** A quality code this format version does not define. */
    UNKNOWN_QUALITY(9),
    /** A text value longer than the limit or than the remaining bytes. */
    TEXT_TOO_LONG(10),
    /** A text value that is not well-formed UTF-8. */
    BAD_UTF8(11),
    /** Bytes left over after the last sample. */
    TRAILING_BYTES(12),
    /** A version 2 header's time span that is not exactly the earliest and latest sample's time. */
    SPAN_MISMATCH(13),
    /** A version 2 path table entry that no sample names. */
    UNUSED_PATH(14);

    private final int code;

    SampleBatchError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
