package io.isthmus.wire.dnp3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The four link frames of a multi-segment file-read response, from a test resource. */
final class FileReadSegments {
    private FileReadSegments() {}

    static List<String> frames() {
        try (InputStream in = FileReadSegments.class.getResourceAsStream(Dnp3DissectorTest.FILE_READ_SEGMENTS)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
