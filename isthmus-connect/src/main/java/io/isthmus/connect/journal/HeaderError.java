package io.isthmus.connect.journal;

/** Why the first bytes of a segment file are not a valid segment header. */
public enum HeaderError {
    /** Fewer bytes than a header: the file was cut while it was being created. */
    TRUNCATED(1),
    /** Not a journal segment at all. */
    BAD_MAGIC(2),
    /** A journal segment of a format version this code does not read. */
    UNSUPPORTED_VERSION(3),
    /** The header's CRC32C does not match its bytes. */
    CHECKSUM_MISMATCH(4),
    /** A valid header whose first sequence differs from the one in the file name. */
    NAME_MISMATCH(5);

    private final int code;

    HeaderError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
