package io.isthmus.insight.incident;

import io.isthmus.model.Severity;
import java.time.Instant;

/**
 * One change of the incident store, as it is journaled: replaying the changes in order with
 * {@link Incidents#apply} rebuilds the store exactly (event sourcing), so a restart loses nothing.
 */
public sealed interface IncidentChange {
    String incident();

    Instant time();

    /** An event opened a new incident. */
    record Opened(String incident, Occurrence occurrence) implements IncidentChange {
        @Override
        public Instant time() {
            return occurrence.event().time();
        }
    }

    /** An event joined an incident by {@code rule}; the incident's severity is now {@code severity}. */
    record Attached(String incident, Occurrence occurrence, String rule, Severity severity) implements IncidentChange {
        @Override
        public Instant time() {
            return occurrence.event().time();
        }
    }

    /** A status change by a person or, for a reopen, by {@code isthmus}. */
    record StatusChanged(String incident, Transition transition) implements IncidentChange {
        @Override
        public Instant time() {
            return transition.time();
        }
    }

    /** The incident was given to {@code assignee}. */
    record Assigned(String incident, Instant time, String by, String assignee) implements IncidentChange {}

    /** A note was added. */
    record Noted(String incident, Note note) implements IncidentChange {
        @Override
        public Instant time() {
            return note.time();
        }
    }
}
