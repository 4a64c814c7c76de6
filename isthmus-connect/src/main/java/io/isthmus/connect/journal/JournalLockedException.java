package io.isthmus.connect.journal;

import java.nio.file.Path;

/** Another journal, in this process or another, has the directory open. */
public final class JournalLockedException extends JournalException {
    private static final long serialVersionUID = 1L;

    JournalLockedException(Path directory) {
        super("journal directory " + directory + " is open elsewhere (its journal.lock is held)", null);
    }
}
