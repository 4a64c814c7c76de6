package io.isthmus.app.hub;

import io.isthmus.insight.incident.Runbook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a directory of editable runbooks: every {@code ID.md} file, the id being the file name. */
final class RunbookFiles {
    static final int MAX_FILES = 1_000;

    private RunbookFiles() {}

    /** The runbooks of {@code dir}; an unreadable or malformed file is an error naming it. */
    static List<Runbook> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("runbook directory " + dir + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .limit(MAX_FILES + 1L)
                    .toList();
        }
        if (files.size() > MAX_FILES) {
            throw new IOException("runbook directory " + dir + " has more than " + MAX_FILES + " .md files");
        }
        List<Runbook> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - 3);
            if (Files.size(f) > Runbook.MAX_CHARS * 4L) {
                throw new IOException(f + ": a runbook has at most " + Runbook.MAX_CHARS + " characters");
            }
            try {
                out.add(Runbook.parse(id, Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
