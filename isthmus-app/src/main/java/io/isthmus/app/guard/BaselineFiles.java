package io.isthmus.app.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.isthmus.observe.detect.Baseline;
import io.isthmus.observe.detect.BaselineSnapshot;
import io.isthmus.observe.detect.DetectionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Baselines as JSON files ({@code --save-baseline}, {@code --baseline}); docs/guard.md. */
public final class BaselineFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private BaselineFiles() {}

    public static void save(Path file, Baseline baseline) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        JSON.writeValue(file.toFile(), baseline.snapshot());
    }

    /** Loads a baseline; the exception names file, line and what is wrong. */
    public static Baseline load(Path file, DetectionLimits limits) throws IOException {
        try {
            BaselineSnapshot snapshot = JSON.readValue(Files.readAllBytes(file), BaselineSnapshot.class);
            return Baseline.of(snapshot, limits);
        } catch (NoSuchFileException e) {
            throw new IOException("no such baseline file: " + file, e);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException(
                    file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not a baseline: "
                            + e.getOriginalMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a baseline: " + e.getMessage(), e);
        }
    }
}
