package io.isthmus.connect.journal;

/** Why bytes at a position are not a valid record. Stable codes: they appear in recovery reports. */
public enum FrameError {
    /** The bytes end before the record does: a torn write, or a corrupt length field. */
    TRUNCATED(1),
    /** The length field exceeds the configured maximum record size. */
    LENGTH_EXCEEDS_LIMIT(2),
    /** The CRC32C stored after the payload does not match the record's bytes. */
    CHECKSUM_MISMATCH(3),
    /** The checksum matches but the type code is not one format version 1 defines. */
    UNKNOWN_TYPE(4),
    /** The checksum matches but the sequence id does not follow the previous record's. */
    SEQUENCE_OUT_OF_ORDER(5);

    private final int code;

    FrameError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
