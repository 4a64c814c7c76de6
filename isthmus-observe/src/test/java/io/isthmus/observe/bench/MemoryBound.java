package io.isthmus.observe.bench;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.detect.Detection;
import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.flow.FlowStats;
import io.isthmus.observe.inventory.Inventory;
import io.isthmus.observe.inventory.InventoryLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.observe.inventory.OuiRegistry;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.wire.capture.CaptureLimits;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory bound of the passive path: a {@link SyntheticCapture} of many distinct flows and
 * assets through the whole pipeline of {@code isthmus analyze --learn --report} (flow table,
 * sessions, dissectors, inventory, detection learning then detecting), with the evictions each
 * bounded table counted and the live heap (after a full GC) sampled every {@code checkEvery}
 * flows' worth of packets. {@code main} learns the first 60 s (30,000 flows). Run with a fixed heap to show there is no OOM:
 *
 * <pre>
 * java -Xmx512m -cp ... io.isthmus.observe.bench.MemoryBound 1000000 100000
 * </pre>
 */
public final class MemoryBound {
    private MemoryBound() {}

    /** What one run counted. */
    public record Result(
            long observations,
            FlowStats flows,
            long assetsEvicted,
            long linksEvicted,
            int assetsHeld,
            DetectionStats detection,
            int baselinePairs,
            long peakLiveHeapBytes) {}

    public static Result run(
            long flows,
            int clients,
            FlowLimits flowLimits,
            InventoryLimits inventoryLimits,
            DetectionLimits detectionLimits,
            Duration learn,
            long checkEvery)
            throws Exception {
        SyntheticCapture capture = new SyntheticCapture(flows, clients, 16);
        Inventory inventory = new Inventory(inventoryLimits, OuiRegistry.load(), InventoryOverrides.NONE);
        // learn the first part (each flow takes 2 ms of capture time), then detect: later clients are new
        Detection detection =
                new Detection(Optional.empty(), new Detection.BaselineSource.Learn(learn), detectionLimits);
        long[] observations = new long[1];
        long[] peak = new long[1];
        long packetsPerCheck = 2 * checkEvery;
        var tap = new io.isthmus.observe.session.CaptureTap() {
            long packets;

            @Override
            public void onPacket(long frameNumber, long timestampNanos) {
                detection.onPacket(frameNumber, timestampNanos);
                if (checkEvery > 0 && ++packets % packetsPerCheck == 0) {
                    peak[0] = Math.max(peak[0], liveHeap());
                }
            }

            @Override
            public void onFlowEnd(io.isthmus.observe.flow.Flow flow) {
                detection.onFlowEnd(flow);
            }
        };
        CaptureAnalysis result;
        try (CaptureSource source = CaptureSource.of(capture, OptionalLong.of(capture.size()), CaptureLimits.DEFAULT)) {
            result = CaptureAnalysis.run(
                    source,
                    DissectorRegistry.defaults(),
                    SessionLimits.DEFAULT,
                    flowLimits,
                    o -> {
                        observations[0]++;
                        inventory.observe(o);
                        detection.accept(o);
                    },
                    tap,
                    inventory::flow);
        }
        int held = inventory.snapshot().assets().size();
        if (checkEvery > 0) {
            peak[0] = Math.max(peak[0], liveHeap());
        }
        return new Result(
                observations[0],
                result.flows(),
                inventory.evictedAssets(),
                inventory.evictedLinks(),
                held,
                detection.stats(),
                detection.baseline().pairCount(),
                peak[0]);
    }

    /** Heap in use right after a full collection: what the pipeline holds. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        long flows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long start = System.nanoTime();
        Result r = run(
                flows,
                clients,
                FlowLimits.DEFAULT,
                InventoryLimits.DEFAULT,
                DetectionLimits.DEFAULT,
                Duration.ofSeconds(60),
                Math.max(1, flows / 10));
        double s = (System.nanoTime() - start) / 1e9;
        FlowStats f = r.flows();
        System.out.printf(
                "%d flows from %d client assets to 16 servers, -Xmx %d MiB, %.0f s:%n",
                flows, clients, Runtime.getRuntime().maxMemory() >> 20, s);
        System.out.printf(
                "  observations %d; flows created %d, evicted %d, expired %d, active at end %d%n",
                r.observations(), f.flowsCreated(), f.flowsEvicted(), f.flowsExpired(), f.flowsActive());
        System.out.printf(
                "  inventory: %d assets held, %d assets evicted, %d links evicted%n",
                r.assetsHeld(), r.assetsEvicted(), r.linksEvicted());
        DetectionStats d = r.detection();
        System.out.printf(
                "  detection: %d requests, %d learned, %d findings, %d alerts, %d alerts evicted, %d scan trackers"
                        + " evicted, %d baseline entries dropped, %d baseline pairs%n",
                d.requests(),
                d.learned(),
                d.findings(),
                d.alerts(),
                d.alertsEvicted(),
                d.hostsEvicted(),
                d.baselineDropped(),
                r.baselinePairs());
        System.out.printf(
                "  peak live heap (after full GC, sampled 11 times): %.1f MiB%n", r.peakLiveHeapBytes() / 1048576.0);
    }
}
