package io.isthmus.insight.incident;

/**
 * Bounds of the incident store: events arrive from the network, so nothing grows without limit.
 *
 * @param maxIncidents incidents kept; beyond, the oldest resolved one (else the oldest) is dropped
 * @param maxEventsPerIncident events kept per incident; further ones are counted in {@code
 *     eventCount} and still correlate by the kept ones
 * @param maxNotesPerIncident notes per incident; more are refused
 * @param maxTextLength characters of a note, an author or an assignee
 */
public record IncidentLimits(int maxIncidents, int maxEventsPerIncident, int maxNotesPerIncident, int maxTextLength) {
    public static final IncidentLimits DEFAULT = new IncidentLimits(10_000, 500, 1_000, 4_000);

    public IncidentLimits {
        positive("maxIncidents", maxIncidents);
        positive("maxEventsPerIncident", maxEventsPerIncident);
        positive("maxNotesPerIncident", maxNotesPerIncident);
        positive("maxTextLength", maxTextLength);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("incident limit " + what + " must be at least 1, was " + value);
        }
    }
}
