package io.isthmus.insight.incident;

import io.isthmus.insight.incident.CorrelationRule.Join;
import io.isthmus.model.EventKind;
import io.isthmus.model.Severity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How events become incidents.
 *
 * @param rules tried in order for every event; the first that joins it to an incident wins
 * @param opening kinds of event that open an incident of their own when no rule joins them
 * @param openAt the least severity of an event that opens an incident; weaker events only join
 *     existing ones (a fault clearing, an informational access decision)
 * @param reopenWithin how long after resolution a matching event reopens an incident instead of
 *     opening a new one
 * @param limits bounds of the store
 */
public record IncidentConfig(
        List<CorrelationRule> rules,
        Set<EventKind> opening,
        Severity openAt,
        Duration reopenWithin,
        IncidentLimits limits) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    /** The rules of {@link #DEFAULT} for a given window. */
    public static List<CorrelationRule> defaultRules(Duration window) {
        return List.of(
                new CorrelationRule(
                        "same-asset",
                        EnumSet.of(EventKind.NETWORK_ALERT, EventKind.MACHINE_FAULT, EventKind.ACCESS_DECISION),
                        Join.SAME_ASSET,
                        window,
                        Severity.CRITICAL),
                new CorrelationRule(
                        "same-conduit",
                        EnumSet.of(EventKind.NETWORK_ALERT, EventKind.ACCESS_DECISION),
                        Join.SAME_ZONE_PAIR,
                        window,
                        Severity.HIGH));
    }

    /**
     * Network alerts, machine faults and access decisions on the same asset within 10 minutes are
     * one incident (critical when they mix kinds); alerts and access decisions on the same conduit
     * too (high); medium and worse events open incidents; a resolved incident reopens for 30
     * minutes.
     */
    public static final IncidentConfig DEFAULT = withWindow(DEFAULT_WINDOW);

    public static IncidentConfig withWindow(Duration window) {
        return new IncidentConfig(
                defaultRules(window),
                EnumSet.of(EventKind.NETWORK_ALERT, EventKind.MACHINE_FAULT, EventKind.ACCESS_DECISION),
                Severity.MEDIUM,
                Duration.ofMinutes(30),
                IncidentLimits.DEFAULT);
    }

    public IncidentConfig {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Set<String> names = new HashSet<>();
        for (CorrelationRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("correlation rule name '" + r.name() + "' is used twice");
            }
        }
        opening = Set.copyOf(opening);
        Objects.requireNonNull(openAt, "openAt");
        Objects.requireNonNull(reopenWithin, "reopenWithin");
        if (reopenWithin.isNegative() || reopenWithin.compareTo(CorrelationRule.MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("reopenWithin must be 0..7d, was " + reopenWithin);
        }
        Objects.requireNonNull(limits, "limits");
    }
}
