package io.isthmus.connect.journal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary journal directory a benchmark trial creates and removes again. */
final class BenchDirectory {
    private BenchDirectory() {}

    /** Deletes {@code dir} and everything under it, deepest first. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
