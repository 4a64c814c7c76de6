package io.isthmus.access.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The files of a log directory and the line reader both the log and the verifier use. */
final class AuditFiles {
    static final String RECORDS = "audit.log";
    static final String CHECKPOINTS = "checkpoints.log";

    private AuditFiles() {}

    /**
     * Complete lines of a file (each ended by {@code \n}); returns the number of bytes of a partial
     * last line (0 when the file ends with a newline or is empty or missing). A line longer than
     * {@code maxChars} is passed on cut to {@code maxChars + 1} characters so that the caller
     * rejects it without holding it whole.
     */
    static long readLines(Path file, int maxChars, Consumer<String> lines) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder();
            long partialBytes = 0;
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\n') {
                    lines.accept(line.toString());
                    line.setLength(0);
                    partialBytes = 0;
                    continue;
                }
                partialBytes++;
                if (line.length() <= maxChars) {
                    line.append((char) c);
                }
            }
            return partialBytes;
        }
    }
}
