package io.isthmus.connect.journal;

import java.nio.file.Path;

/**
 * Bytes the journal wrote itself are not what it wrote: a state or cursor file whose checksum does
 * not match, or a record that was valid when the journal was opened and is not now.
 */
public final class JournalCorruptionException extends JournalException {
    private static final long serialVersionUID = 1L;
    private final Path file;
    private final long offset;

    JournalCorruptionException(Path file, long offset, String message) {
        super(file + " at offset " + offset + ": " + message, null);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
