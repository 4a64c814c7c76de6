package io.isthmus.insight.incident;

import io.isthmus.model.Event;
import java.util.Objects;

/**
 * One event of the timeline with where it came from: the edge or local component that raised it
 * ({@code sensor}, {@code hub}, an edge's site id) and its sequence number there, which together
 * identify it.
 */
public record Occurrence(String origin, long sequence, Event event) {
    public Occurrence {
        Objects.requireNonNull(origin, "origin");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("the origin of an event must not be blank");
        }
        Objects.requireNonNull(event, "event");
    }
}
