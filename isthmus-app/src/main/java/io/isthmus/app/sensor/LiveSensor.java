package io.isthmus.app.sensor;

import io.isthmus.app.report.InventoryJson;
import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.detect.Alert;
import io.isthmus.observe.detect.Detection;
import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.inventory.Inventory;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventoryDiff;
import io.isthmus.observe.inventory.InventoryLimits;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.isthmus.observe.inventory.OuiRegistry;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.CaptureTap;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.observe.session.SessionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's network sensor: one pcap stream through {@link CaptureAnalysis} with {@link Detection}
 * and the {@link Inventory} on a thread of its own, as {@code isthmus analyze} runs them on a file.
 * Every new alert becomes an event at once; every {@link SensorSettings#refresh} the inventory is
 * compared with the last one and new or changed assets become events (docs/inventory.md), and the
 * inventory file is rewritten. Assets of the previous inventory file never seen again are reported
 * as vanished when the input ends.
 *
 * <p>Detection and the inventory are single-threaded; the pipeline feeds them under one lock that
 * the API's readers take for a snapshot, so a request waits at most for one packet.
 */
public final class LiveSensor implements AutoCloseable {
    /** Events the sensor keeps for the per-asset API; the hub's event log keeps its own. */
    public static final int MAX_EVENTS_KEPT = 1000;

    private static final Logger log = LoggerFactory.getLogger(LiveSensor.class);
    private static final Duration SNAPSHOT_MAX_AGE = Duration.ofSeconds(1);

    /** Receives each event with the sensor's sequence number for it. */
    @FunctionalInterface
    public interface Publisher {
        void publish(long sequence, Event event);
    }

    /** An event the sensor raised; {@code alert} for detection's alerts, false for inventory changes. */
    public record Raised(long sequence, Event event, boolean alert) {}

    private final SensorSettings settings;
    private final SensorInput input;
    private final Publisher publisher;
    private final Object lock = new Object();
    private final Detection detection;
    private final Inventory inventory;
    private final Optional<List<Asset>> previous;
    private final boolean learns;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    private final ArrayDeque<Raised> raised = new ArrayDeque<>();
    private final ScheduledExecutorService refresher;
    private final Thread thread;

    // guarded by lock: the pipeline's state
    private Map<AssetId, Asset> base;
    /**
     * Assets of the previous run's inventory file not seen again yet. They stay in {@link #base}
     * until they are, so an asset that takes a while to show up after a restart is compared with
     * its saved self (changed or not) rather than raised as new; bounded by the file's size.
     */
    private final Map<AssetId, Asset> unseenPrevious;

    private long firstNanos = -1;

    private volatile long packets;
    private volatile long flows;
    private volatile long lastNanos = -1;
    private volatile CaptureSource source;
    private volatile String state = "starting";
    private volatile boolean closing;
    private volatile String problem;
    private volatile InventorySnapshot snapshot;
    private volatile long snapshotTakenNanos = Long.MIN_VALUE;

    private LiveSensor(
            SensorSettings settings, SensorInput input, Publisher publisher, Optional<List<Asset>> previous) {
        this.settings = settings;
        this.input = input;
        this.publisher = publisher;
        this.previous = previous;
        this.learns = settings.baseline() instanceof Detection.BaselineSource.Learn;
        this.detection = new Detection(
                settings.policy(),
                settings.baseline(),
                DetectionLimits.DEFAULT,
                settings.pollingDrift(),
                settings.latencyTolerances(),
                this::onAlert);
        this.inventory = new Inventory(InventoryLimits.DEFAULT, OuiRegistry.load(), settings.overrides());
        this.base = previous.map(LiveSensor::byId).orElse(null);
        this.unseenPrevious = previous.map(LiveSensor::byId).orElseGet(LinkedHashMap::new);
        this.snapshot = inventory.snapshot();
        this.refresher = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("isthmus-sensor-refresh").unstarted(r));
        this.thread = Thread.ofPlatform().daemon().name("isthmus-sensor").unstarted(this::run);
    }

    /**
     * Reads the previous inventory file (when configured and present) and starts the sensor's
     * thread, which opens the input.
     *
     * @throws IOException when the inventory file exists but is not an inventory
     */
    public static LiveSensor start(SensorSettings settings, SensorInput input, Publisher publisher) throws IOException {
        Optional<List<Asset>> previous = Optional.empty();
        if (settings.inventoryFile().isPresent()
                && Files.exists(settings.inventoryFile().get())) {
            try {
                previous = Optional.of(
                        InventoryJson.readAssets(settings.inventoryFile().get()));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        LiveSensor s = new LiveSensor(settings, input, publisher, previous);
        s.thread.start();
        long every = settings.refresh().toMillis();
        s.refresher.scheduleWithFixedDelay(s::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
        return s;
    }

    private void run() {
        CaptureTap tap = new CaptureTap() {
            @Override
            public void onPacket(long frameNumber, long timestampNanos) {
                LiveSensor.this.onPacket(frameNumber, timestampNanos);
            }

            @Override
            public void onFlowEnd(Flow flow) {
                synchronized (lock) {
                    detection.onFlowEnd(flow);
                    flows++;
                }
            }
        };
        try (CaptureSource src = input.opener().open()) {
            source = src;
            state = "running";
            CaptureAnalysis result = CaptureAnalysis.run(
                    src,
                    DissectorRegistry.defaults(),
                    SessionLimits.DEFAULT,
                    flowLimits(),
                    this::observe,
                    tap,
                    this::flow);
            result.damage().ifPresent(d -> problem = "the capture is damaged: " + d.message());
            state = "ended";
        } catch (IOException | RuntimeException e) {
            if (closing) {
                state = "stopped";
                return;
            }
            problem = e.toString();
            state = "failed";
            log.warn("the sensor stopped reading {}: {}", input.name(), e.toString());
        }
        refreshQuietly();
        vanished();
    }

    private FlowLimits flowLimits() {
        FlowLimits d = FlowLimits.DEFAULT;
        return new FlowLimits(
                d.maxFlows(),
                settings.flowIdleTimeout(),
                d.maxStreamBufferBytes(),
                d.maxTotalStreamBufferBytes(),
                d.retransmissionCheckBytes(),
                d.maxFragmentedDatagrams(),
                d.maxDatagramBytes(),
                d.maxFragmentsPerDatagram(),
                d.fragmentTimeout());
    }

    private void onPacket(long frame, long nanos) {
        synchronized (lock) {
            boolean wasLearning = detection.learning();
            detection.onPacket(frame, nanos);
            if (firstNanos < 0) {
                firstNanos = nanos;
            }
            packets++;
            lastNanos = Math.max(lastNanos, nanos);
            if (wasLearning && !detection.learning() && base == null) {
                // the inventory as learned is what later changes are measured against
                base = byId(assets(inventory.snapshot()));
            }
        }
    }

    private void observe(Observation o) {
        synchronized (lock) {
            inventory.observe(o);
            detection.accept(o);
        }
    }

    private void flow(FlowSummary f) {
        synchronized (lock) {
            inventory.flow(f);
        }
    }

    /** On the pipeline's thread, under the lock. */
    private void onAlert(Alert a) {
        alerts.incrementAndGet();
        raise(a.event(), true);
    }

    private void raise(Event e, boolean alert) {
        long seq = sequence.incrementAndGet();
        synchronized (raised) {
            if (raised.size() == MAX_EVENTS_KEPT) {
                raised.removeFirst();
            }
            raised.addLast(new Raised(seq, e, alert));
        }
        try {
            publisher.publish(seq, e);
        } catch (RuntimeException ex) {
            log.warn("publishing sensor event {} failed", e.title(), ex);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            log.warn("sensor inventory refresh failed: {}", e.toString());
        }
    }

    /** Compares the inventory with the last one, raises the changes, writes the inventory file. */
    synchronized void refresh() throws IOException {
        InventorySnapshot now;
        Map<AssetId, Asset> before;
        synchronized (lock) {
            now = inventory.snapshot();
            if (base == null && !learns) {
                base = byId(assets(now)); // nothing to compare the first look with: it is the baseline
            }
            before = base;
            if (before != null) {
                Map<AssetId, Asset> current = byId(assets(now));
                unseenPrevious.keySet().removeAll(current.keySet());
                Map<AssetId, Asset> next = new LinkedHashMap<>(unseenPrevious);
                next.putAll(current);
                base = next;
            }
        }
        publishSnapshot(now);
        if (before != null) {
            List<Asset> after = assets(now);
            // before, as far as its assets are still here: new and changed assets are events;
            // an asset only leaves a live inventory by eviction, which is not a disappearance
            List<Asset> known = after.stream()
                    .map(a -> before.get(a.id()))
                    .filter(a -> a != null)
                    .toList();
            InventoryDiff.compare(known, after, captureTime()).forEach(e -> raise(e, false));
        }
        if (settings.inventoryFile().isPresent()) {
            Path f = settings.inventoryFile().get().toAbsolutePath();
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            InventoryJson.write(f, InventoryJson.of(now, Instant.now()));
        }
    }

    private void vanished() {
        if (previous.isEmpty()) {
            return;
        }
        Map<AssetId, Asset> seen = byId(assets(snapshot));
        List<Asset> gone =
                previous.get().stream().filter(a -> !seen.containsKey(a.id())).toList();
        InventoryDiff.compare(gone, List.of(), captureTime()).forEach(e -> raise(e, false));
    }

    private Instant captureTime() {
        long t = lastNanos;
        return t < 0
                ? Instant.now()
                : Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L));
    }

    private void publishSnapshot(InventorySnapshot s) {
        snapshot = s;
        snapshotTakenNanos = System.nanoTime();
    }

    public SensorSettings settings() {
        return settings;
    }

    /** The inventory now, at most a second old. */
    public InventorySnapshot snapshot() {
        if (System.nanoTime() - snapshotTakenNanos > SNAPSHOT_MAX_AGE.toNanos()) {
            InventorySnapshot s;
            synchronized (lock) {
                s = inventory.snapshot();
            }
            publishSnapshot(s);
        }
        return snapshot;
    }

    /** The events raised so far (at most {@link #MAX_EVENTS_KEPT}), oldest first. */
    public List<Raised> raised() {
        synchronized (raised) {
            return List.copyOf(raised);
        }
    }

    public SensorStatus status() {
        CaptureSource s = source;
        String until = null;
        boolean learning;
        DetectionStats counts;
        synchronized (lock) {
            learning = detection.learning();
            counts = detection.stats();
            if (settings.baseline() instanceof Detection.BaselineSource.Learn l && firstNanos >= 0) {
                until = instant(firstNanos + l.window().toNanos()).toString();
            }
        }
        long last = lastNanos;
        return new SensorStatus(
                input.name(),
                state,
                packets,
                s == null ? 0 : s.progress().bytesRead(),
                flows,
                alerts.get(),
                sequence.get(),
                learning,
                until,
                input.dropped().map(d -> d.getAsLong()).orElse(null),
                snapshot.assets().size(),
                last < 0 ? null : instant(last).toString(),
                problem,
                counts);
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static List<Asset> assets(InventorySnapshot s) {
        return s.assets().stream().map(InventoryAsset::asset).toList();
    }

    private static Map<AssetId, Asset> byId(List<Asset> assets) {
        Map<AssetId, Asset> m = new LinkedHashMap<>();
        assets.forEach(a -> m.put(a.id(), a));
        return m;
    }

    /**
     * Stops reading (a blocked read of a file, FIFO or the mirror port is interrupted; standard
     * input cannot be, and the daemon thread ends with the process), raises nothing more, and
     * writes the inventory file a last time.
     */
    @Override
    public void close() {
        closing = true;
        refresher.shutdownNow();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refreshQuietly();
        if (!"ended".equals(state) && !"failed".equals(state)) {
            state = "stopped";
        }
    }
}
