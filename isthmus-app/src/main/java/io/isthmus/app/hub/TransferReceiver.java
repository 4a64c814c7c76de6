package io.isthmus.app.hub;

import io.isthmus.connect.transfer.receive.Delivery;
import io.isthmus.connect.transfer.receive.DiodeReceiver;
import io.isthmus.connect.transfer.receive.Gap;
import io.isthmus.connect.transfer.receive.ReceiverStatus;
import io.isthmus.connect.transfer.receive.TransferSink;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's end of the one-way transfer: a {@link DiodeReceiver} on its own thread whose verified
 * batches go through the same {@link Ingest} as HTTP batches (exactly once per journal id, so a
 * replay or an edge that also forwards over HTTP stores nothing twice), and whose unrecoverable
 * gaps become {@code DATA_LOSS} events in the hub's {@link EventLog}, under the configured site.
 *
 * <p>Deliveries settle nothing ({@code settledThrough} 0): a gap stays open in the historian's
 * journal progress, so the records an operator replays later are stored when they arrive.
 */
final class TransferReceiver implements TransferSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransferReceiver.class);

    private final ReceiverSettings settings;
    private final Ingest ingest;
    private final EventLog events;
    private final DiodeReceiver receiver;
    private final LongAdder refusedBatches = new LongAdder();
    private final LongAdder storedRecords = new LongAdder();
    private Thread thread;

    TransferReceiver(ReceiverSettings settings, Ingest ingest, EventLog events) throws IOException {
        this.settings = settings;
        this.ingest = ingest;
        this.events = events;
        this.receiver = new DiodeReceiver(settings.config(), this);
    }

    TransferReceiver start() {
        thread = Thread.ofPlatform().daemon().name("isthmus-hub-diode").start(() -> {
            try {
                receiver.run();
            } catch (IOException | RuntimeException e) {
                log.error("the diode receiver for site {} stopped: {}", settings.site(), e.toString(), e);
                raise(
                        Severity.HIGH,
                        "diode receiver stopped",
                        "the receiver failed; nothing arrives any more" + " until the hub restarts",
                        e.toString());
            }
        });
        log.info("receiving one way for site {} on {} (never transmits)", settings.site(), localAddress());
        return this;
    }

    String site() {
        return settings.site();
    }

    InetSocketAddress localAddress() {
        return receiver.localAddress();
    }

    ReceiverStatus status() {
        return receiver.status();
    }

    long refusedBatches() {
        return refusedBatches.sum();
    }

    long storedRecords() {
        return storedRecords.sum();
    }

    @Override
    public void deliver(Delivery d) {
        try {
            Ingest.Accepted a = ingest.store(settings.site(), d.records(), 0);
            storedRecords.add(a.records() - a.duplicates());
        } catch (Ingest.Refused r) {
            refusedBatches.increment();
            raise(
                    Severity.HIGH,
                    "diode batch " + d.sequence() + " of epoch " + d.epoch() + " refused",
                    "the batch arrived intact (SHA-256) but a record in it does not decode; nothing of it"
                            + " was stored",
                    r.getMessage());
        } catch (RuntimeException e) {
            refusedBatches.increment();
            log.error("storing diode batch {} of epoch {} failed: {}", d.sequence(), d.epoch(), e.toString(), e);
            raise(
                    Severity.HIGH,
                    "diode batch " + d.sequence() + " of epoch " + d.epoch() + " not stored",
                    "the historian refused the batch; replay its journal ids once it is fixed",
                    e.toString());
        }
    }

    @Override
    public void lost(Gap gap) {
        log.warn("site {}: {}", settings.site(), gap.toEvent().title());
        events.add(new EventLog.Received(settings.site(), gap.replayFrom(), gap.toEvent()));
    }

    private void raise(Severity severity, String title, String summary, String error) {
        events.add(new EventLog.Received(
                settings.site(),
                0,
                new Event(
                        Instant.now(),
                        EventKind.DATA_LOSS,
                        severity,
                        title,
                        List.of(),
                        List.of(),
                        Evidence.of(summary).with("site", settings.site()).with("error", error))));
    }

    /** The receiver's status as {@code GET /api/transfer} shows it (see docs/api.md). */
    Map<String, Object> json() {
        ReceiverStatus s = receiver.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", settings.site());
        InetSocketAddress a = localAddress();
        m.put("listen", a.getAddress().getHostAddress() + ":" + a.getPort());
        m.put("epoch", s.epoch());
        m.put("lastSequence", s.lastSequence());
        m.put("rateBitsPerSecond", Math.round(s.payloadBitsPerSecond()));
        m.put("batches", s.batches());
        m.put("records", s.records());
        m.put("recordsStored", storedRecords());
        m.put("payloadBytes", s.payloadBytes());
        m.put("datagrams", s.datagrams());
        m.put("recoveredBatches", s.recoveredBatches());
        m.put("recoveredFragments", s.recoveredFragments());
        m.put("lostBatches", s.lostBatches());
        m.put("duplicateFrames", s.duplicateFrames());
        m.put("refusedBatches", refusedBatches());
        Map<String, Long> bad = new LinkedHashMap<>();
        s.badFrames().forEach((k, v) -> bad.put(k.name(), v));
        m.put("badFrames", bad);
        List<Map<String, Object>> lost = new ArrayList<>();
        for (Gap g : s.recentGaps()) {
            lost.add(lostRange(g));
        }
        m.put("lostRanges", lost);
        m.put("lastHeartbeat", s.lastHeartbeat().map(Instant::toString).orElse(null));
        m.put("warmUp", receiver.warmUpReport().orElse(null));
        return m;
    }

    private static Map<String, Object> lostRange(Gap g) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", g.replayFrom());
        r.put("to", g.replayTo());
        r.put("epoch", g.epoch());
        r.put("firstSequence", g.firstSequence());
        r.put("lastSequence", g.lastSequence());
        r.put("records", g.records());
        r.put("unknownBatches", g.unknownBatches());
        r.put("tags", g.tags());
        r.put("fromTime", g.from().map(Instant::toString).orElse(null));
        r.put("toTime", g.to().map(Instant::toString).orElse(null));
        r.put("detectedAt", g.detectedAt().toString());
        return r;
    }

    @Override
    public void close() {
        receiver.close();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
