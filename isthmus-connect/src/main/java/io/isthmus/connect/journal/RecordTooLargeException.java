package io.isthmus.connect.journal;

/** A payload larger than {@link JournalConfig#maxRecordBytes()}; nothing was stored. */
public final class RecordTooLargeException extends JournalException {
    private static final long serialVersionUID = 1L;

    RecordTooLargeException(int payloadBytes, int maxRecordBytes) {
        super("payload of " + payloadBytes + " bytes exceeds maxRecordBytes " + maxRecordBytes, null);
    }
}
