package io.isthmus.access.gateway;

import io.isthmus.model.TagPath;
import java.util.Objects;

/** One change asked for: set {@code tag} to {@code value} (engineering units; 0/1 for a coil). */
public record WriteItem(TagPath tag, double value) {
    public WriteItem {
        Objects.requireNonNull(tag, "tag");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + tag + " must be a finite number");
        }
    }
}
