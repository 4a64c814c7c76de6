package io.isthmus.app.hub;

import io.isthmus.insight.incident.CorrelationRule;
import io.isthmus.insight.incident.IncidentConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code incidents:} part of the hub's configuration.
 *
 * @param window how far apart two events on the same asset or conduit may be and still be one
 *     incident (the default rules of {@link IncidentConfig})
 * @param runbooks a directory of {@code ID.md} files that replace the bundled runbook of that id
 *     ({@code T0855.md}, {@code fault-material.md}) or add new ones; empty: the bundled ones only
 */
public record IncidentSettings(Duration window, Optional<Path> runbooks) {
    public static final IncidentSettings DEFAULT =
            new IncidentSettings(IncidentConfig.DEFAULT_WINDOW, Optional.empty());

    public IncidentSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(CorrelationRule.MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("incidents window must be more than 0 and at most 7d, was " + window);
        }
        Objects.requireNonNull(runbooks, "runbooks");
    }

    IncidentConfig config() {
        return IncidentConfig.withWindow(window);
    }
}
