package io.isthmus.insight.incident;

import java.time.Instant;
import java.util.Objects;

/** A person's note on an incident. */
public record Note(Instant time, String author, String text) {
    public Note {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }
}
