package io.isthmus.insight.incident;

import io.isthmus.model.AssetId;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident as it stands: a snapshot, safe to hand to another thread.
 *
 * @param title the first event's title, or the kinds it joins and the asset they share
 * @param assets every asset of its events, in order of appearance
 * @param techniques ATT&CK for ICS ids of its events, in order of appearance
 * @param faultClasses fault classes of its machine faults (evidence fact {@code fault_class})
 * @param eventCount every event that joined, also those beyond {@link IncidentLimits#maxEventsPerIncident}
 * @param events the kept events, oldest first
 */
public record Incident(
        String id,
        String title,
        IncidentStatus status,
        Severity severity,
        Optional<String> assignee,
        Instant opened,
        Instant updated,
        List<AssetId> assets,
        List<String> techniques,
        List<String> faultClasses,
        long eventCount,
        List<Occurrence> events,
        List<Note> notes,
        List<Transition> history) {

    public Incident {
        assets = List.copyOf(assets);
        techniques = List.copyOf(techniques);
        faultClasses = List.copyOf(faultClasses);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
        history = List.copyOf(history);
    }
}
