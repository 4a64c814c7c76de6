package io.isthmus.insight.incident;

/** No incident has this id (never had, or it was dropped by {@link IncidentLimits#maxIncidents}). */
public final class IncidentNotFoundException extends Exception {
    public IncidentNotFoundException(String id) {
        super("no incident '" + id + "'");
    }
}
