package io.isthmus.connect.journal;

import io.isthmus.model.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Helpers for journal tests: small configs, payloads that name their index, files on disk. */
final class Journals {
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-25T08:00:00Z"));

    private Journals() {}

    /**
     * Small segments so tests cross segment boundaries with few records; no fsync of records unless
     * a test is about it (a forced write costs 5-30 ms on the CI disks, and recovery reads what the
     * files hold whatever the policy was).
     */
    static JournalConfig small(Path dir, Consumer<JournalConfig.Builder> changes) {
        return JournalConfig.create(dir, b -> {
            b.maxSegmentBytes(4096)
                    .maxTotalBytes(64 * 1024)
                    .maxRecordBytes(1024)
                    .clock(CLOCK);
            b.fsync(FsyncPolicy.never());
            changes.accept(b);
        });
    }

    static byte[] payload(long i) {
        return ("record-" + i).getBytes();
    }

    static List<JournalRecord> readAll(Journal journal, long from) {
        try (JournalReader reader = journal.read(from)) {
            List<JournalRecord> all = new ArrayList<>();
            reader.next().ifPresent(all::add);
            while (true) {
                var next = reader.next();
                if (next.isEmpty()) {
                    return all;
                }
                all.add(next.get());
            }
        }
    }

    static List<Path> segmentFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects events. */
    static final class Events implements Consumer<Event> {
        final List<Event> received = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Event event) {
            received.add(event);
        }

        List<Event> ofKind(io.isthmus.model.EventKind kind) {
            return received.stream().filter(e -> e.kind() == kind).toList();
        }
    }
}
