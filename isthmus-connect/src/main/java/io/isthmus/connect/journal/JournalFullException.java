package io.isthmus.connect.journal;

/** The journal is full and its policy is {@link FullPolicy#REJECT_NEW}; the record was not stored. */
public final class JournalFullException extends JournalException {
    private static final long serialVersionUID = 1L;
    private final long totalBytes;
    private final long rejectedRecords;

    JournalFullException(String message, long totalBytes, long rejectedRecords) {
        super(message, null);
        this.totalBytes = totalBytes;
        this.rejectedRecords = rejectedRecords;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** Records rejected since the journal was opened, this one included. */
    public long rejectedRecords() {
        return rejectedRecords;
    }
}
