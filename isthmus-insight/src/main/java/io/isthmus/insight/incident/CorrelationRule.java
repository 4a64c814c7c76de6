package io.isthmus.insight.incident;

import io.isthmus.model.EventKind;
import io.isthmus.model.Severity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a new event joins an incident: it is of one of {@link #kinds}, and the incident holds an
 * event of one of those kinds within {@link #window} of it (either side: sensors and edges deliver
 * late) that shares what {@link #join} says. When the incident then holds events of two or more
 * different kinds of the rule, its severity rises to at least {@link #severity}: a network alert
 * and a machine fault on the same PLC are worse than either alone.
 *
 * @param name shown in the journal and the documentation
 */
public record CorrelationRule(String name, Set<EventKind> kinds, Join join, Duration window, Severity severity) {

    /** What two events must share. */
    public enum Join {
        /** Any asset id ({@code ip:10.1.1.7}): the PLC an alert targets and the PLC that faulted. */
        SAME_ASSET,
        /**
         * The same zone path ({@code enterprise -> cell}, evidence fact {@code zone_path}): traffic
         * over one conduit, whichever hosts.
         */
        SAME_ZONE_PAIR
    }

    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    public CorrelationRule {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a correlation rule needs a name");
        }
        Objects.requireNonNull(kinds, "kinds of rule " + name);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("correlation rule '" + name + "' names no event kinds");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        Objects.requireNonNull(join, "join of rule " + name);
        Objects.requireNonNull(window, "window of rule " + name);
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "window of correlation rule '" + name + "' must be more than 0 and at most 7d, was " + window);
        }
        Objects.requireNonNull(severity, "severity of rule " + name);
    }
}
