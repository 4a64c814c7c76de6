package io.isthmus.connect.journal;

/** Every failure the journal reports; one subclass per thing a caller can act on. */
public abstract sealed class JournalException extends RuntimeException
        permits JournalFullException,
                RecordTooLargeException,
                JournalClosedException,
                JournalIoException,
                JournalCorruptionException,
                JournalLockedException {
    private static final long serialVersionUID = 1L;

    JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
