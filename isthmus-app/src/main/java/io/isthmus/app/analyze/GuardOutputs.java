package io.isthmus.app.analyze;

import io.isthmus.app.map.MapLayout;
import io.isthmus.app.report.InventoryJson;
import io.isthmus.app.report.ReportInput;
import io.isthmus.app.report.ReportWriter;
import io.isthmus.model.Asset;
import io.isthmus.model.Event;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.inventory.Inventory;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventoryDiff;
import io.isthmus.observe.inventory.InventoryLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.isthmus.observe.inventory.OuiRegistry;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.observe.timing.ConduitTiming;
import io.isthmus.observe.timing.TimingLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The guard outputs of {@code isthmus analyze}: the asset inventory ({@code --inventory FILE}), its
 * changes against the previous run, conduit timing and the report directory ({@code --report DIR}).
 * Fed with the same observations and flows as observations.jsonl.
 */
public final class GuardOutputs {
    private final Inventory inventory;
    private final ConduitTiming timing = new ConduitTiming(TimingLimits.DEFAULT);
    private final Optional<Path> report;
    private final Optional<Path> inventoryFile;
    private final Optional<List<Asset>> previous;

    /**
     * Reads the previous inventory now, so that a damaged one is refused before the capture is
     * analysed.
     *
     * @throws IllegalArgumentException when {@code inventoryFile} exists and is not an inventory
     */
    public GuardOutputs(Optional<Path> report, Optional<Path> inventoryFile, InventoryOverrides overrides)
            throws IOException {
        this.report = report;
        this.inventoryFile = inventoryFile;
        this.previous = inventoryFile.isPresent() && Files.exists(inventoryFile.get())
                ? Optional.of(InventoryJson.readAssets(inventoryFile.get()))
                : Optional.empty();
        this.inventory = new Inventory(InventoryLimits.DEFAULT, OuiRegistry.load(), overrides);
    }

    /** Observations for inventory and timing, after {@code downstream}. */
    public Consumer<Observation> observations(Consumer<Observation> downstream) {
        return o -> {
            downstream.accept(o);
            inventory.observe(o);
            timing.accept(o);
        };
    }

    public Consumer<FlowSummary> flows() {
        return inventory::flow;
    }

    /**
     * Computes the changes against the previous inventory, writes the inventory file and the
     * report, and prints one summary paragraph.
     *
     * @param alerts detection's alerts for the report
     * @param detection detection's counters for the report, when it ran
     */
    public void finish(
            String capture,
            CaptureAnalysis result,
            List<Event> alerts,
            Optional<DetectionStats> detection,
            PrintWriter out)
            throws IOException {
        InventorySnapshot snapshot = inventory.snapshot();
        Instant at = result.lastNanos() >= 0 ? instant(result.lastNanos()) : Instant.now();
        List<Event> changes = List.of();
        Optional<String> previous = Optional.empty();
        if (this.previous.isPresent()) {
            changes = InventoryDiff.compare(
                    this.previous.get(),
                    snapshot.assets().stream().map(InventoryAsset::asset).toList(),
                    at);
            previous = inventoryFile.map(Path::toString);
        }
        Instant generated = Instant.now();
        if (inventoryFile.isPresent()) {
            Path f = inventoryFile.get().toAbsolutePath();
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            InventoryJson.write(f, InventoryJson.of(snapshot, generated));
        }
        if (report.isPresent()) {
            ReportWriter.write(
                    report.get(),
                    new ReportInput(
                            capture,
                            generated,
                            result.firstNanos() >= 0 ? Optional.of(instant(result.firstNanos())) : Optional.empty(),
                            result.lastNanos() >= 0 ? Optional.of(instant(result.lastNanos())) : Optional.empty(),
                            snapshot,
                            MapLayout.layout(snapshot),
                            timing.conduits(),
                            alerts,
                            changes,
                            previous,
                            detection));
        }
        summary(out, snapshot, changes, previous.isPresent());
    }

    private void summary(PrintWriter out, InventorySnapshot s, List<Event> changes, boolean hadPrevious) {
        Map<String, Integer> roles = new TreeMap<>();
        s.assets().forEach(a -> roles.merge(a.asset().role().name(), 1, Integer::sum));
        out.println("Inventory: " + s.assets().size() + " assets " + roles + ", "
                + s.links().size() + " links"
                + (s.evictedAssets() + s.evictedLinks() > 0
                        ? " (evicted at limits: " + s.evictedAssets() + " assets, " + s.evictedLinks() + " links)"
                        : ""));
        if (hadPrevious) {
            out.println("Inventory changes: " + changes.size());
            changes.stream().limit(20).forEach(e -> out.println("  " + e.severity() + " " + e.title()));
            if (changes.size() > 20) {
                out.println("  ... " + (changes.size() - 20) + " more in the report");
            }
        }
        inventoryFile.ifPresent(f -> out.println("Inventory file: " + f));
        report.ifPresent(r -> out.println("Report: " + r.resolve("index.html")));
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
