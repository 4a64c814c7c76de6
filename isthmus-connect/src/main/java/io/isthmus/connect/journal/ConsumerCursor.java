package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A named consumer's position, persisted in {@code consumers/<name>.cursor}: every record with an
 * id at or below {@link #committed()} is done with as far as this consumer is concerned. Retention
 * deletes a segment once every consumer has committed its last record.
 *
 * <p>Commit after the records are safely elsewhere (sent through the diode, stored in the
 * historian). A crash between delivery and commit re-delivers those records after restart; an
 * {@link IdempotentSink} makes that harmless.
 */
public final class ConsumerCursor {
    static final String MAGIC = "ISTHCURS";
    static final String SUFFIX = ".cursor";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Journal journal;
    private final String name;
    private final Path file;
    private volatile long committed;

    ConsumerCursor(Journal journal, String name, Path file, long committed) {
        this.journal = journal;
        this.name = name;
        this.file = file;
        this.committed = committed;
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("consumer name '" + name
                    + "' must be 1 to 64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    public String name() {
        return name;
    }

    /** The highest id this consumer is done with; 0 before its first commit on an empty journal. */
    public long committed() {
        return committed;
    }

    /**
     * Marks every record up to {@code sequence} as done, durably (the cursor file is replaced
     * atomically and forced). Committing the current value again is a no-op.
     *
     * @throws IllegalArgumentException if {@code sequence} is below the committed value or above the
     *     newest acknowledged record
     */
    public void commit(long sequence) {
        synchronized (this) {
            if (sequence < committed) {
                throw new IllegalArgumentException("consumer '" + name + "' cannot commit " + sequence
                        + ": it already committed " + committed + " (commits only move forward)");
            }
            long last = journal.lastSequence();
            if (sequence > last) {
                throw new IllegalArgumentException("consumer '" + name + "' cannot commit " + sequence
                        + ": the newest acknowledged record is " + last);
            }
            if (sequence == committed) {
                return;
            }
            persist(sequence);
            committed = sequence;
        }
        journal.applyRetention();
    }

    /** A reader from the first record after the committed one. */
    public JournalReader reader() {
        return journal.read(committed + 1);
    }

    void persist(long sequence) {
        try {
            AtomicFile.write(file, MAGIC, 0, sequence);
        } catch (IOException e) {
            throw new JournalIoException("could not persist cursor of consumer '" + name + "' in " + file, e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "ConsumerCursor[" + name + " committed " + committed + "]";
    }
}
