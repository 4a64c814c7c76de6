package io.isthmus.connect.journal;

import java.io.IOException;

/**
 * A write, fsync or file operation failed. After a failed write or fsync the journal refuses all
 * further appends: what reached the disk is unknown (a failed fsync may have dropped dirty pages),
 * so only a new {@link Journal#open}, which scans and reports, can say what is there.
 */
public final class JournalIoException extends JournalException {
    private static final long serialVersionUID = 1L;

    JournalIoException(String message, IOException cause) {
        super(message + ": " + cause, cause);
    }
}
