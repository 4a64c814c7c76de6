package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.config.HostPort;
import io.isthmus.store.HistorianConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code hub:} section as written, checked as it is bound. */
final class HubYaml {
    private static final Set<String> HISTORIAN = Set.of("dir", "retention", "memory-limit", "threads");
    private static final Set<String> INCIDENTS = Set.of("window", "runbooks");

    final java.net.InetSocketAddress listen;
    final String historianDir;
    final Map<String, Object> historian;
    final int maxIngestBytes;
    final int maxHistoryPoints;
    final Set<String> edges;
    final List<String> catalog;
    final Map<String, Object> incidents;

    @JsonCreator
    HubYaml(
            @JsonProperty(value = "listen", required = true) String listen,
            @JsonProperty(value = "historian", required = true) Map<String, Object> historian,
            @JsonProperty("max-ingest-size") String maxIngest,
            @JsonProperty("max-history-points") Integer maxPoints,
            @JsonProperty("edges") List<String> edges,
            @JsonProperty("tag-catalog") List<String> catalog,
            @JsonProperty("incidents") Map<String, Object> incidents) {
        HostPort hp = HostPort.parse(listen);
        this.listen = new java.net.InetSocketAddress(hp.host(), hp.port());
        SourceYaml.known("historian", historian, HISTORIAN);
        Object dir = historian.get("dir");
        if (dir == null || String.valueOf(dir).isBlank()) {
            throw new IllegalArgumentException("historian: 'dir' is required (where the historian keeps its file)");
        }
        this.historianDir = String.valueOf(dir);
        this.historian = historian;
        historian(Path.of(historianDir));
        long ingest = maxIngest == null
                ? io.isthmus.app.hub.HubSettings.DEFAULT_MAX_INGEST_BYTES
                : ByteSizeText.parse(maxIngest);
        if (ingest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max-ingest-size " + maxIngest + " is too large");
        }
        this.maxIngestBytes = (int) ingest;
        this.maxHistoryPoints =
                maxPoints == null ? io.isthmus.app.hub.HubSettings.DEFAULT_MAX_HISTORY_POINTS : maxPoints;
        this.edges = edges == null ? Set.of() : Set.copyOf(edges);
        this.catalog = catalog == null ? List.of() : List.copyOf(catalog);
        this.incidents = incidents == null ? Map.of() : incidents;
        SourceYaml.known("incidents", this.incidents, INCIDENTS);
        incidents(Path.of(""));
    }

    /** The incident desk's settings; {@code runbooks} is resolved against {@code baseDir}. */
    io.isthmus.app.hub.IncidentSettings incidents(Path baseDir) {
        Object window = incidents.get("window");
        Object runbooks = incidents.get("runbooks");
        return new io.isthmus.app.hub.IncidentSettings(
                window == null
                        ? io.isthmus.app.hub.IncidentSettings.DEFAULT.window()
                        : DurationText.parse(String.valueOf(window)),
                runbooks == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(
                                baseDir.resolve(String.valueOf(runbooks)).normalize()));
    }

    HistorianConfig historian(Path dir) {
        return HistorianConfig.create(dir, b -> {
            if (historian.containsKey("retention")) {
                b.retention(DurationText.parse(String.valueOf(historian.get("retention"))));
            }
            if (historian.containsKey("memory-limit")) {
                b.memoryLimitMiB((int) (ByteSizeText.parse(String.valueOf(historian.get("memory-limit"))) >> 20));
            }
            if (historian.containsKey("threads")) {
                b.threads((int) SourceYaml.number(historian, "threads", 1));
            }
        });
    }
}
