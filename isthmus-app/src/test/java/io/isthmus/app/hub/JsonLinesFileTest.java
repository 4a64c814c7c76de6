package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {
    @TempDir
    Path dir;

    @Test
    void rotatesBySizeKeepsTheNewestFilesAndReadsThemOldestFirst() throws Exception {
        String line = "x".repeat(99); // 100 bytes with the newline
        try (JsonLinesFile f = new JsonLinesFile(dir, "events", 1024, 3)) {
            for (int i = 0; i < 40; i++) {
                f.append(String.format("%03d", i) + line.substring(3));
            }
        }
        assertThat(Files.size(dir.resolve("events.jsonl"))).isLessThanOrEqualTo(1024);
        assertThat(dir.resolve("events.3.jsonl")).doesNotExist();
        List<String> read = new ArrayList<>();
        int bad;
        try (JsonLinesFile f = new JsonLinesFile(dir, "events", 1024, 3)) {
            bad = f.read(read::add);
        }
        assertThat(bad).isZero();
        // three files of at most ten lines: the newest 20..29 lines survive, in order
        assertThat(read).hasSizeBetween(20, 30);
        assertThat(read.getLast()).startsWith("039");
        for (int i = 1; i < read.size(); i++) {
            assertThat(read.get(i).compareTo(read.get(i - 1))).isPositive();
        }
    }

    @Test
    void aTornLastLineAndGarbageAreCountedNotFatal() throws Exception {
        Files.writeString(dir.resolve("incidents.jsonl"), "{\"a\":1}\nnot json\n{\"a\":");
        List<String> ok = new ArrayList<>();
        try (JsonLinesFile f = new JsonLinesFile(dir, "incidents", Long.MAX_VALUE, 1)) {
            int bad = f.read(l -> {
                if (!l.endsWith("}")) {
                    throw new IllegalArgumentException("torn");
                }
                ok.add(l);
            });
            assertThat(bad).isEqualTo(2);
        }
        assertThat(ok).containsExactly("{\"a\":1}");
    }
}
