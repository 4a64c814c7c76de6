package io.isthmus.connect.journal;

/** Why a seal file is not used; the segment is then scanned as if it had none. */
enum SealError {
    /** Shorter than a seal, or a length that does not match its index entries. */
    BAD_LENGTH(1),
    /** Not a seal file. */
    BAD_MAGIC(2),
    /** A seal of a format version this code does not read. */
    UNSUPPORTED_VERSION(3),
    /** The CRC32C does not match: the file was cut or damaged while or after it was written. */
    CHECKSUM_MISMATCH(4),
    /** Checksummed, but its fields contradict each other (ids, offsets or index out of order). */
    INCONSISTENT(5),
    /** Valid, but it does not describe the segment file beside it (size, header or last record differ). */
    STALE(6);

    private final int code;

    SealError(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
