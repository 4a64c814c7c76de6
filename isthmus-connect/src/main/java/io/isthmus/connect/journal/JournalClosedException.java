package io.isthmus.connect.journal;

/** The journal was closed; open it again to continue. */
public final class JournalClosedException extends JournalException {
    private static final long serialVersionUID = 1L;

    JournalClosedException(String message) {
        super(message, null);
    }
}
