package io.isthmus.model;

import static io.isthmus.model.Components.immutableList;
import static io.isthmus.model.Components.requireNonBlank;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a person may need to know, from any of the three flows: a network alert, a machine
 * fault, an access decision, lost data, or Isthmus itself. Correlation joins events on their
 * {@link #assets}; the {@link #techniques} say which ATT&CK for ICS behaviour an alert shows.
 *
 * @param assets the assets involved, most relevant first (for a network alert: the target, then
 *     the source)
 * @param techniques ATT&CK for ICS techniques the event is evidence of; none for a machine fault,
 *     which reports the machine, not an adversary
 */
public record Event(
        Instant time,
        EventKind kind,
        Severity severity,
        String title,
        List<AssetId> assets,
        List<Technique> techniques,
        Evidence evidence) {

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        requireNonBlank(title, "title");
        assets = immutableList(assets, "assets");
        techniques = immutableList(techniques, "techniques");
        Objects.requireNonNull(evidence, "evidence");
        if (kind == EventKind.MACHINE_FAULT && !techniques.isEmpty()) {
            throw new IllegalArgumentException("machine fault '" + title + "' names techniques "
                    + techniques.stream().map(Technique::id).toList()
                    + "; a fault reports the machine, raise a NETWORK_ALERT for adversary behaviour");
        }
    }
}
