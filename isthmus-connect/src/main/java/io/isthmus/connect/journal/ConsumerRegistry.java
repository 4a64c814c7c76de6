package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The journal's named consumers, loaded from and kept in {@code consumers/}. */
final class ConsumerRegistry {
    private final Journal journal;
    private final Path dir;
    private final int maxConsumers;
    private final ConcurrentHashMap<String, ConsumerCursor> cursors = new ConcurrentHashMap<>();

    ConsumerRegistry(Journal journal, Path dir, int maxConsumers) {
        this.journal = journal;
        this.dir = dir;
        this.maxConsumers = maxConsumers;
    }

    /** Loads every cursor file; more than {@code maxConsumers} are kept, never dropped silently. */
    void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + ConsumerCursor.SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ConsumerCursor.SUFFIX.length());
                if (!ConsumerCursor.isValidName(name)) {
                    continue;
                }
                var contents = AtomicFile.read(file, ConsumerCursor.MAGIC, 1).orElseThrow();
                cursors.put(name, new ConsumerCursor(journal, name, file, contents.values()[0]));
            }
        }
    }

    /** The consumer's cursor; a new one starts just before the oldest retained record. */
    synchronized ConsumerCursor getOrCreate(String name, long initialCommitted) {
        ConsumerCursor.requireValidName(name);
        ConsumerCursor existing = cursors.get(name);
        if (existing != null) {
            return existing;
        }
        if (cursors.size() >= maxConsumers) {
            throw new IllegalStateException("cannot add consumer '" + name + "': the journal already has "
                    + cursors.size() + " consumers (maxConsumers " + maxConsumers + ")");
        }
        var cursor = new ConsumerCursor(journal, name, dir.resolve(name + ConsumerCursor.SUFFIX), initialCommitted);
        cursor.persist(initialCommitted);
        cursors.put(name, cursor);
        return cursor;
    }

    synchronized boolean remove(String name) throws IOException {
        ConsumerCursor cursor = cursors.remove(name);
        if (cursor == null) {
            return false;
        }
        Files.deleteIfExists(cursor.file());
        AtomicFile.forceDirectory(dir);
        return true;
    }

    Set<String> names() {
        return new TreeSet<>(cursors.keySet());
    }

    /** The lowest committed id over all consumers; empty without consumers. */
    OptionalLong minCommitted() {
        return cursors.values().stream().mapToLong(ConsumerCursor::committed).min();
    }

    /** The consumers that have not committed {@code sequence}. */
    List<String> behind(long sequence) {
        return cursors.values().stream()
                .filter(c -> c.committed() < sequence)
                .map(ConsumerCursor::name)
                .sorted()
                .toList();
    }
}
