package io.isthmus.observe.session;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.flow.FlowListener;
import io.isthmus.observe.flow.FlowPipeline;
import io.isthmus.observe.flow.FlowStats;
import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.packet.PacketDecoder;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole passive path over one capture: {@link CaptureSource} to {@link FlowPipeline} to {@link
 * SessionLayer} to the dissectors, observations to {@code sink}. What {@code isthmus analyze} and
 * the golden tests run.
 *
 * @param stats the session layer's counters
 * @param flows the flow layer's counters
 * @param damage the capture's damage, empty when it ended cleanly (everything before it was analysed)
 * @param firstNanos capture time of the first packet, -1 for an empty capture
 * @param lastNanos capture time of the last packet, -1 for an empty capture
 */
public record CaptureAnalysis(
        AnalysisStats stats,
        FlowStats flows,
        Optional<CaptureRecord.Malformed> damage,
        long firstNanos,
        long lastNanos) {

    /** Runs the capture to its end (or its damage). */
    public static CaptureAnalysis run(
            CaptureSource source,
            DissectorRegistry registry,
            SessionLimits sessionLimits,
            FlowLimits flowLimits,
            Consumer<Observation> sink)
            throws IOException {
        return run(source, registry, sessionLimits, flowLimits, sink, CaptureTap.NONE, FlowSummary.NONE);
    }

    /** {@link #run} with a tap that sees frame numbers and ended flows (detection). */
    public static CaptureAnalysis run(
            CaptureSource source,
            DissectorRegistry registry,
            SessionLimits sessionLimits,
            FlowLimits flowLimits,
            Consumer<Observation> sink,
            CaptureTap tap)
            throws IOException {
        return run(source, registry, sessionLimits, flowLimits, sink, tap, FlowSummary.NONE);
    }

    /**
     * {@link #run} with a tap (detection) and {@code flowSink} receiving every flow when it leaves
     * the flow table (inventory, conduit timing).
     */
    public static CaptureAnalysis run(
            CaptureSource source,
            DissectorRegistry registry,
            SessionLimits sessionLimits,
            FlowLimits flowLimits,
            Consumer<Observation> sink,
            CaptureTap tap,
            Consumer<FlowSummary> flowSink)
            throws IOException {
        var stats = new AnalysisStats(sessionLimits);
        var sessions = new SessionLayer(registry, sessionLimits, stats, sink, flowSink);
        FlowListener listener = tap == CaptureTap.NONE ? sessions : new TappedListener(sessions, tap);
        var pipeline = new FlowPipeline(flowLimits, new PacketDecoder(), listener);
        long first = -1;
        long last = -1;
        long frame = 0;
        // Without a tap (analyze without detection) no interface call per packet: under C1, which
        // analyze runs, CaptureTap.NONE's empty default method is still a call.
        boolean tapped = tap != CaptureTap.NONE;
        while (source.advance()) {
            CaptureRecord.Packet p = source.packet();
            ++frame;
            if (tapped) {
                tap.onPacket(frame, p.timestampNanos());
            }
            if (first < 0) {
                first = p.timestampNanos();
            }
            last = Math.max(last, p.timestampNanos());
            pipeline.accept(source.buffer(), p);
        }
        pipeline.finish();
        return new CaptureAnalysis(stats, pipeline.stats(), source.failure(), first, last);
    }

    /** {@link #run} with the default registry and limits. */
    public static CaptureAnalysis run(CaptureSource source, Consumer<Observation> sink) throws IOException {
        return run(source, DissectorRegistry.defaults(), SessionLimits.DEFAULT, FlowLimits.DEFAULT, sink);
    }
}
