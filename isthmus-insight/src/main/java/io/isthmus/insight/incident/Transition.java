package io.isthmus.insight.incident;

import java.time.Instant;
import java.util.Objects;

/** One status change of an incident: when, by whom ({@code isthmus} for a reopen by an event), from and to. */
public record Transition(Instant time, String by, IncidentStatus from, IncidentStatus to) {
    public Transition {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
