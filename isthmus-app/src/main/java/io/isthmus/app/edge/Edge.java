package io.isthmus.app.edge;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.RecoveryReport;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.connect.source.SourceDefinition;
import io.isthmus.connect.source.SourceDriver;
import io.isthmus.connect.source.SourcesConfig;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code isthmus edge}: drivers poll the plant, every sample goes into the journal (acknowledged
 * when durable under the fsync policy), and the journal leaves the edge over HTTP (a forwarder that
 * moves its cursor only on the hub's acknowledgement), one way through a data diode (a sender that
 * never listens and never reads the network), or both. The edge opens connections toward its
 * devices and toward the hub, and listens on no port unless a status port is configured.
 *
 * <p>Events (the journal full, a source lost or back, recovery findings at start) are logged and
 * journaled as EVENT records, so they reach the hub the same way as samples.
 */
public final class Edge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Edge.class);

    private final EdgeConfig config;
    private final Journal journal;
    private final SampleJournaler journaler;
    private final Map<String, SourceDriver> drivers = new ConcurrentHashMap<>();
    private final List<SourceDriver> started = new ArrayList<>();
    private final Map<String, ConnectionState> states = new ConcurrentHashMap<>();
    private final Forwarder forwarder;
    private final DiodeForwarder diode;
    private final List<String> recoveryFindings;
    private final RecoveryReport journalOpened;
    private StatusServer status;

    private Edge(EdgeConfig config, Consumer<Journaled> appended) {
        this.config = config;
        EventRelay relay = new EventRelay();
        this.journal = Journal.open(config.edge().journal(), relay);
        this.journaler = new SampleJournaler(journal, appended);
        relay.target = journaler;
        this.recoveryFindings = journal.recoveryReport().findings().stream()
                .map(Object::toString)
                .toList();
        this.journalOpened = journal.recoveryReport();
        log.info("journal {} opened: {}", config.edge().journal().directory(), journalOpened.summary());
        recoveryFindings.forEach(f -> log.warn("journal recovery: {}", f));
        this.forwarder = config.edge()
                .forward()
                .map(f -> new Forwarder(journal, config.edge().siteId(), f))
                .orElse(null);
        this.diode = config.edge()
                .transfer()
                .map(t -> new DiodeForwarder(journal, t))
                .orElse(null);
    }

    /** Starts everything; {@code appended} hears of every acknowledged sample record (tests, tools). */
    public static Edge start(EdgeConfig config, Consumer<Journaled> appended) throws IOException {
        Edge edge = new Edge(config, appended);
        try {
            edge.journaler.start();
            edge.raise(
                    Severity.INFO,
                    "edge " + config.edge().siteId() + " started",
                    Evidence.of("the edge started polling and forwarding")
                            .with(
                                    "sources",
                                    Integer.toString(config.sources().sources().size()))
                            .with("tags", Integer.toString(config.sources().tagCount()))
                            .with("journal_recovery_findings", Integer.toString(edge.recoveryFindings.size()))
                            .with("journal_segments_from_seal", Integer.toString(edge.journalOpened.sealedSegments()))
                            .with("journal_segments_scanned", Integer.toString(edge.journalOpened.scannedSegments())));
            edge.startSources(config.sources());
            if (edge.forwarder != null) {
                edge.forwarder.start();
            }
            if (edge.diode != null) {
                edge.diode.start();
            }
            if (config.edge().status().isPresent()) {
                edge.status = StatusServer.start(config.edge().status().get(), edge::status);
            }
            return edge;
        } catch (IOException | RuntimeException e) {
            edge.close();
            throw e;
        }
    }

    public static Edge start(EdgeConfig config) throws IOException {
        return start(config, a -> {});
    }

    /**
     * One driver per source, chosen by its kind ({@link SourceDriver}); every driver delivers to the
     * same journaler and reports its state transitions here.
     */
    private void startSources(SourcesConfig all) {
        SampleSink sink = journaler::accept;
        for (SourceDefinition s : all.sources()) {
            SourceDriver driver = SourceDriver.start(s, sink, next -> onState(s.id(), next));
            started.add(driver);
            drivers.put(s.id(), driver);
        }
    }

    private void onState(String source, ConnectionState next) {
        ConnectionState before = states.put(source, next);
        if (next instanceof ConnectionState.BackingOff b
                && (before instanceof ConnectionState.Connected || before == null || b.attempt() == 1)) {
            log.warn("source {} lost: {}", source, b.lastError());
            raise(
                    Severity.MEDIUM,
                    "source " + source + " unreachable",
                    Evidence.of("the edge lost its connection to a device; its tags are BAD_COMM until it is back")
                            .with("source", source)
                            .with("error", b.lastError()));
        } else if (next instanceof ConnectionState.Connected && before instanceof ConnectionState.BackingOff) {
            log.info("source {} back", source);
            raise(
                    Severity.INFO,
                    "source " + source + " reconnected",
                    Evidence.of("the device answers again").with("source", source));
        }
    }

    private void raise(Severity severity, String title, Evidence evidence) {
        journaler.raise(new Event(
                Instant.now(),
                EventKind.SYSTEM,
                severity,
                title,
                List.of(),
                List.of(),
                evidence.with("edge", config.edge().siteId())));
    }

    /** Receives the journal's events (data loss, recovery) and hands them to the journaler. */
    private static final class EventRelay implements Consumer<Event> {
        private volatile SampleJournaler target;
        private final List<Event> early = new ArrayList<>();

        @Override
        public void accept(Event e) {
            log.warn("journal: {} ({})", e.title(), e.evidence().summary());
            SampleJournaler t = target;
            if (t == null) {
                synchronized (early) {
                    early.add(e);
                }
            } else {
                synchronized (early) {
                    early.forEach(t::raise);
                    early.clear();
                }
                t.raise(e);
            }
        }
    }

    public EdgeConfig config() {
        return config;
    }

    public EdgeStatus status() {
        var stats = journal.stats();
        Map<String, String> sourceStates = new TreeMap<>();
        Map<String, SourceStatus> details = new TreeMap<>();
        for (SourceDefinition s : config.sources().sources()) {
            String state = describe(states.get(s.id()));
            SourceDriver d = drivers.get(s.id());
            sourceStates.put(s.id(), state);
            details.put(s.id(), new SourceStatus(s.kind(), s.endpoint(), state, d == null ? Map.of() : d.counters()));
        }
        return new EdgeStatus(
                config.edge().siteId(),
                sourceStates,
                details,
                journaler.samplesJournaled(),
                journaler.samplesDropped(),
                journaler.eventsJournaled(),
                journaler.eventsDropped(),
                stats.lastSequence(),
                stats.totalBytes(),
                stats.lostRecords(),
                forwarder == null ? 0 : forwarder.committed(),
                forwarder == null ? 0 : forwarder.sentRecords(),
                forwarder == null ? 0 : forwarder.requests(),
                forwarder == null ? 0 : forwarder.failures(),
                forwarder != null && forwarder.inBackfill(),
                forwarder == null ? "off" : describe(forwarder.state()),
                recoveryFindings,
                journalOpened.sealedSegments(),
                journalOpened.scannedSegments(),
                diode == null ? null : diode.status());
    }

    private static String describe(ConnectionState s) {
        return switch (s) {
            case null -> "starting";
            case ConnectionState.Connecting c -> "connecting (attempt " + c.attempt() + ")";
            case ConnectionState.Connected c -> "connected since " + c.since();
            case ConnectionState.BackingOff b -> "retrying: " + b.lastError();
            case ConnectionState.Stopped x -> "stopped";
        };
    }

    private static String describe(Forwarder.State s) {
        return switch (s) {
            case Forwarder.State.Starting x -> "starting";
            case Forwarder.State.Forwarding f -> "forwarding";
            case Forwarder.State.Retrying r -> "retrying: " + r.lastError();
        };
    }

    /** Stops the drivers, journals what they delivered, stops forwarding, closes the journal. */
    @Override
    public void close() {
        if (status != null) {
            status.close();
        }
        for (SourceDriver s : started) {
            try {
                s.close();
            } catch (RuntimeException e) {
                log.warn("closing a source: {}", e.toString());
            }
        }
        journaler.close();
        if (forwarder != null) {
            forwarder.close();
        }
        if (diode != null) {
            diode.close();
        }
        journal.close();
    }
}
