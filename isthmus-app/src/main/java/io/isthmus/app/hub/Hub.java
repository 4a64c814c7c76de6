package io.isthmus.app.hub;

import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.LatestValues;
import io.isthmus.app.console.TagJson;
import io.isthmus.app.gateway.GatewayRuntime;
import io.isthmus.app.gateway.GatewaySettings;
import io.isthmus.app.sensor.LiveSensor;
import io.isthmus.app.sensor.SensorRoutes;
import io.isthmus.app.sensor.SensorRun;
import io.isthmus.store.Historian;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import io.isthmus.store.duckdb.DuckDbHistorians;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code isthmus hub}: the historian, the ingest endpoint edges post their journals to, and the
 * REST API and console. Live values come from what edges deliver; after a restart they are seeded
 * from the historian.
 */
public final class Hub implements AutoCloseable {
    private final HubSettings settings;
    private final Historian historian;
    private final LatestValues latest = new LatestValues();
    private final EventLog events = new EventLog();
    private final Ingest ingest;
    private final ConsoleServer console;
    private final IngestGuard guard;
    private final List<TransferReceiver> receivers = new ArrayList<>();
    private final Optional<LiveSensor> sensor;
    private final IncidentDesk incidents;
    private final Optional<GatewayRuntime> gateway;

    private Hub(
            HubSettings settings,
            Supplier<Map<String, Object>> extraHealth,
            Optional<SensorRun> sensorRun,
            Optional<GatewaySettings> gatewaySettings)
            throws IOException {
        this.settings = settings;
        this.sensor = startSensor(sensorRun);
        this.historian = openHistorian(settings);
        latest.publish(historian.latest(TagPrefix.ALL));
        this.ingest = new Ingest(historian, latest, events, settings.edges(), settings.maxIngestBytes());
        if (settings.receiver().isPresent()) {
            try {
                receivers.add(new TransferReceiver(settings.receiver().get(), ingest, events));
            } catch (IOException | RuntimeException e) {
                historian.close();
                throw e;
            }
        }
        HubApi api = new HubApi(
                historian, ingest, events, settings.maxIngestBytes(), settings.maxHistoryPoints(), Clock.systemUTC());
        this.incidents = openIncidents(settings);
        this.gateway = openGateway(gatewaySettings);
        List<ConsoleServer.Routes> routes = new ArrayList<>();
        routes.add(api);
        Optional<ClientCa> gatewayCa = gatewayCa(settings, gateway);
        this.guard = new IngestGuard(
                settings.ingest(),
                settings.listen(),
                gateway.isPresent(),
                gatewayCa,
                subject -> gateway.isPresent() && gateway.get().gateway().mapsCertificateSubject(subject));
        routes.add(guard);
        routes.add(new TransferApi(receivers));
        routes.add(new SensorRoutes(sensor, (seq, e) -> HubApi.json(new EventLog.Received(SENSOR, seq, e))));
        routes.add(new io.isthmus.app.insight.InsightRoutes(
                historian, latest, io.isthmus.app.config.InsightConfigYaml.builtIn(), Clock.systemUTC()));
        routes.add(new IncidentApi(incidents, Clock.systemUTC()));
        gateway.ifPresent(g -> routes.addAll(List.of(
                g.routes(chain -> gatewayCa.isPresent() && gatewayCa.get().issued(chain)), g.auditRoutes())));
        this.console =
                new ConsoleServer(latest, this::tags, () -> health(extraHealth), ConsoleServer.Routes.all(routes));
        events.addListener(r -> console.publish("event", HubApi.json(r)));
    }

    /**
     * The CA whose client certificates authenticate the gateway's service accounts: {@code
     * gateway.client-ca}, or, without it, the edges' {@code hub.ingest.tls.client-ca} (one CA for
     * both, the configuration before gateway.client-ca; the ingest then still refuses a certificate
     * mapped to a service account, and the gateway one mapped to none).
     */
    private static Optional<ClientCa> gatewayCa(HubSettings settings, Optional<GatewayRuntime> gateway) {
        if (gateway.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> own = gateway.get().settings().clientCa();
        if (own.isPresent()) {
            return Optional.of(ClientCa.load(own.get(), "gateway client-ca"));
        }
        return settings.ingest().tls().flatMap(IngestSecurity.Tls::clientCa).map(IngestGuard::edgeCa);
    }

    private IncidentDesk openIncidents(HubSettings settings) {
        try {
            return IncidentDesk.open(settings.dataDir(), settings.incidents(), events, latest, settings.catalog());
        } catch (IOException e) {
            historian.close();
            throw new IllegalArgumentException("incidents: " + e.getMessage(), e);
        }
    }

    /**
     * The access gateway inside the hub: reads from the historian, every audit record also an
     * {@code ACCESS_DECISION} event of edge {@value AccessEvents#EDGE}.
     */
    private Optional<GatewayRuntime> openGateway(Optional<GatewaySettings> s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        AccessEvents access = new AccessEvents(new MachineAssets(settings.catalog()));
        try {
            return Optional.of(GatewayRuntime.open(
                    s.get(),
                    historian::latest,
                    (seq, e) -> events.add(new EventLog.Received(AccessEvents.EDGE, seq, access.event(e))),
                    Clock.systemUTC()));
        } catch (IOException | RuntimeException e) {
            incidents.close();
            historian.close();
            sensor.ifPresent(LiveSensor::close);
            throw new IllegalArgumentException("gateway: " + e.getMessage(), e);
        }
    }

    /** Opens the historian and starts serving on {@code settings.listen()}. */
    public static Hub start(HubSettings settings) throws IOException {
        return start(settings, Map::of);
    }

    /** As {@link #start(HubSettings)}, with more fields in {@code /api/health} (the demo's). */
    public static Hub start(HubSettings settings, Supplier<Map<String, Object>> extraHealth) throws IOException {
        return start(settings, extraHealth, Optional.empty());
    }

    /**
     * As {@link #start(HubSettings, Supplier)}, with a network sensor reading a pcap stream: its
     * alerts and inventory changes go to the event log with the edge name {@value #SENSOR}.
     */
    public static Hub start(HubSettings settings, Supplier<Map<String, Object>> extraHealth, Optional<SensorRun> sensor)
            throws IOException {
        return start(settings, extraHealth, sensor, Optional.empty());
    }

    /**
     * As {@link #start(HubSettings, Supplier, Optional)}, with the access gateway's {@code /gw/...}
     * endpoints and {@code /api/audit} on the hub's own server (one origin for the console).
     */
    public static Hub start(
            HubSettings settings,
            Supplier<Map<String, Object>> extraHealth,
            Optional<SensorRun> sensor,
            Optional<GatewaySettings> gateway)
            throws IOException {
        Hub hub = new Hub(settings, extraHealth, sensor, gateway);
        try {
            hub.receivers.forEach(TransferReceiver::start);
            hub.console.start(settings.listen());
            return hub;
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    /** The edge name of the sensor's events in {@code /api/events}. */
    public static final String SENSOR = "sensor";

    private Optional<LiveSensor> startSensor(Optional<SensorRun> run) throws IOException {
        if (run.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LiveSensor.start(
                run.get().settings(),
                run.get().input(),
                (seq, e) -> events.add(new EventLog.Received(SENSOR, seq, e))));
    }

    private Historian openHistorian(HubSettings settings) {
        try {
            return DuckDbHistorians.open(settings.historian());
        } catch (RuntimeException e) {
            sensor.ifPresent(LiveSensor::close);
            throw e;
        }
    }

    /** The sensor, when the hub runs one. */
    public Optional<LiveSensor> sensor() {
        return sensor;
    }

    public int port() {
        return console.port();
    }

    public Historian historian() {
        return historian;
    }

    public LatestValues latest() {
        return latest;
    }

    /** Every HTTP route the hub serves (for the OpenAPI check). */
    public List<ConsoleServer.RouteInfo> routes() {
        return console.registeredRoutes();
    }

    /** The event log, for local producers at the hub (the sensor, the gateway) and tests. */
    EventLog events() {
        return events;
    }

    /** The incident desk: correlation, journals and runbooks. */
    IncidentDesk incidentDesk() {
        return incidents;
    }

    /** The access gateway, when the hub runs one. */
    public Optional<GatewayRuntime> gateway() {
        return gateway;
    }

    public long eventsReceived() {
        return events.total();
    }

    /** The catalog's tags first, then every other tag the historian holds, by path. */
    private List<TagJson> tags() {
        Map<String, TagJson> byPath = new LinkedHashMap<>();
        settings.catalog().forEach(t -> byPath.put(t.path(), t));
        List<TagJson> out = new ArrayList<>();
        for (TagInfo t : historian.tags()) {
            String p = t.path().toString();
            TagJson known = byPath.remove(p);
            out.add(known != null ? known : new TagJson(p, "", "", false, "", ""));
        }
        out.addAll(byPath.values());
        out.sort(java.util.Comparator.comparing(TagJson::path));
        return out;
    }

    private Map<String, Object> health(Supplier<Map<String, Object>> extra) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "ok");
        h.put("role", "hub");
        h.put("historian", settings.historian().dir().toString());
        h.put("ingestBatches", ingest.batches());
        h.put("duplicateRecordsSkipped", ingest.duplicateRecords());
        h.put("ingestUnauthorized", guard.refused());
        h.put("ingestTokenFileErrors", guard.tokenFileErrors());
        h.put("ingestWrongEdge", ingest.wrongEdge());
        h.put("journalIdsGivenUp", ingest.givenUpRecords());
        h.put("samplesOutOfRange", ingest.samplesOutOfRange());
        h.put("eventsReceived", events.total());
        h.put("edges", historian.tags().isEmpty() ? Map.of() : edgePositions());
        h.putAll(extra.get());
        return h;
    }

    private Map<String, Object> edgePositions() {
        return settings.edges().stream()
                .collect(Collectors.toMap(
                        e -> e,
                        e -> historian
                                .journalPosition(io.isthmus.store.JournalId.of(e))
                                .orElse(0)));
    }

    /** Where the one-way transfer receiver listens (with the actual port), if the hub has one. */
    public java.util.Optional<java.net.InetSocketAddress> receiverAddress() {
        return receivers.stream().map(TransferReceiver::localAddress).findFirst();
    }

    private static void closeGateway(GatewayRuntime g) {
        try {
            g.close();
        } catch (IOException e) {
            System.err.println("isthmus: the audit log's last checkpoint could not be signed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        receivers.forEach(TransferReceiver::close);
        sensor.ifPresent(LiveSensor::close);
        console.close();
        gateway.ifPresent(Hub::closeGateway);
        incidents.close();
        historian.close();
    }
}
