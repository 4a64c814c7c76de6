package io.isthmus.insight.rul;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** NASA C-MAPSS FD001 from the test resources (gzipped copies; SOURCES.md beside them). */
final class Fd001 {
    private Fd001() {}

    static List<EngineHistory> train() {
        return EngineHistory.group(CmapssFormat.parseCycles(text("train_FD001.txt.gz"), CmapssLimits.DEFAULT));
    }

    static List<EngineHistory> test() {
        return EngineHistory.group(CmapssFormat.parseCycles(text("test_FD001.txt.gz"), CmapssLimits.DEFAULT));
    }

    static List<Integer> testRul() {
        return CmapssFormat.parseRul(text("RUL_FD001.txt.gz"), CmapssLimits.DEFAULT);
    }

    static String text(String resource) {
        try (InputStream in = Fd001.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            try (InputStream gz = new GZIPInputStream(in)) {
                return new String(gz.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
