package io.isthmus.app.hub;

import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.LatestValues;
import io.isthmus.app.console.TagJson;
import io.isthmus.store.Historian;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import io.isthmus.store.duckdb.DuckDbHistorian;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final IncidentDesk incidents;

    private Hub(HubSettings settings, Supplier<Map<String, Object>> extraHealth) {
        this.settings = settings;
        this.historian = DuckDbHistorian.open(settings.historian());
        latest.publish(historian.latest(TagPrefix.ALL));
        this.ingest = new Ingest(historian, latest, events, settings.edges(), settings.maxIngestBytes());
        HubApi api = new HubApi(
                historian, ingest, events, settings.maxIngestBytes(), settings.maxHistoryPoints(), Clock.systemUTC());
        this.incidents = openIncidents(settings);
        List<ConsoleServer.Routes> routes = new ArrayList<>();
        routes.add(api);
        routes.add(new IncidentApi(incidents, Clock.systemUTC()));
        this.console =
                new ConsoleServer(latest, this::tags, () -> health(extraHealth), ConsoleServer.Routes.all(routes));
    }

    private IncidentDesk openIncidents(HubSettings settings) {
        try {
            return IncidentDesk.open(settings.dataDir(), settings.incidents(), events, latest, settings.catalog());
        } catch (IOException e) {
            historian.close();
            throw new IllegalArgumentException("incidents: " + e.getMessage(), e);
        }
    }

    /** Opens the historian and starts serving on {@code settings.listen()}. */
    public static Hub start(HubSettings settings) throws IOException {
        return start(settings, Map::of);
    }

    /** As {@link #start(HubSettings)}, with more fields in {@code /api/health} (the demo's). */
    public static Hub start(HubSettings settings, Supplier<Map<String, Object>> extraHealth) throws IOException {
        Hub hub = new Hub(settings, extraHealth);
        try {
            hub.console.start(settings.listen());
            return hub;
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
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

    /** The event log, for local producers at the hub (the sensor, the gateway) and tests. */
    EventLog events() {
        return events;
    }

    /** The incident desk: correlation, journals and runbooks. */
    IncidentDesk incidentDesk() {
        return incidents;
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

    @Override
    public void close() {
        console.close();
        incidents.close();
        historian.close();
    }
}
