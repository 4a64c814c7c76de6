package io.isthmus.app.report;

import io.isthmus.app.map.NetworkMap;
import io.isthmus.model.Event;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.isthmus.observe.timing.ConduitTimes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the HTML report shows.
 *
 * @param capture the capture's name as given on the command line
 * @param alerts alerts from detection (empty until detection runs in analyze)
 * @param changes the inventory's new, changed and vanished assets against {@code --inventory}
 * @param previousInventory the file the changes were computed against, when there was one
 * @param detection detection's counters, when detection ran: what it inspected and what it dropped
 *     at its limits (evicted alerts, baseline entries and polling cycles that did not fit)
 */
public record ReportInput(
        String capture,
        Instant generated,
        Optional<Instant> captureStart,
        Optional<Instant> captureEnd,
        InventorySnapshot inventory,
        NetworkMap map,
        List<ConduitTimes> timing,
        List<Event> alerts,
        List<Event> changes,
        Optional<String> previousInventory,
        Optional<DetectionStats> detection) {

    public ReportInput {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(map, "map");
        timing = List.copyOf(timing);
        alerts = List.copyOf(alerts);
        changes = List.copyOf(changes);
        Objects.requireNonNull(detection, "detection");
    }
}
