package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.app.hub.IngestSecurity;
import io.isthmus.connect.config.HostPort;
import io.isthmus.store.HistorianConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    final IngestSecurity ingest;
    final java.util.Optional<io.isthmus.app.hub.ReceiverSettings> receiver;
    final Map<String, Object> incidents;

    @JsonCreator
    HubYaml(
            @JacksonInject(TagConfigYaml.BASE_DIR) Path baseDir,
            @JsonProperty(value = "listen", required = true) String listen,
            @JsonProperty(value = "historian", required = true) Map<String, Object> historian,
            @JsonProperty("max-ingest-size") String maxIngest,
            @JsonProperty("max-history-points") Integer maxPoints,
            @JsonProperty("edges") List<String> edges,
            @JsonProperty("tag-catalog") List<String> catalog,
            @JsonProperty("ingest") Map<String, Object> ingestSection,
            @JsonProperty("receiver") Map<String, Object> receiver,
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
        this.ingest = ingestSection == null ? IngestSecurity.OPEN : ingest(ingestSection, baseDir);
        this.receiver =
                receiver == null ? java.util.Optional.empty() : java.util.Optional.of(TransferYaml.receiver(receiver));
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

    /**
     * {@code ingest: { tokens: { <edge>: sha256:<hex> }, tokens-file: F, tls: { keystore: F,
     * password-file: F, client-ca: F } }}.
     */
    @SuppressWarnings("unchecked")
    private static IngestSecurity ingest(Map<String, Object> m, Path baseDir) {
        SourceYaml.known("ingest", m, Set.of("tokens", "tokens-file", "tls"));
        Map<String, IngestSecurity.TokenHash> tokens = new LinkedHashMap<>();
        Object t = m.get("tokens");
        if (t != null) {
            if (!(t instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException("ingest tokens is a mapping of edge site id to sha256:<hex>");
            }
            raw.forEach((edge, hash) -> {
                try {
                    tokens.put(String.valueOf(edge), IngestSecurity.TokenHash.parse(String.valueOf(hash)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("ingest tokens of edge '" + edge + "': " + e.getMessage(), e);
                }
            });
        }
        Optional<IngestSecurity.Tls> tls = Optional.empty();
        Object tl = m.get("tls");
        if (tl != null) {
            if (!(tl instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException("ingest tls is a mapping with keystore and password-file");
            }
            Map<String, Object> tm = (Map<String, Object>) raw;
            SourceYaml.known("ingest tls", tm, Set.of("keystore", "password-file", "client-ca"));
            Object ks = tm.get("keystore");
            Object pw = tm.get("password-file");
            if (ks == null || pw == null) {
                throw new IllegalArgumentException(
                        "ingest tls needs keystore (a PKCS#12 file) and password-file (the file holding its password)");
            }
            Path keyStore = baseDir.resolve(String.valueOf(ks)).normalize();
            if (!Files.isReadable(keyStore)) {
                throw new IllegalArgumentException("ingest tls keystore '" + keyStore + "' cannot be read");
            }
            Optional<Path> clientCa = Optional.ofNullable(tm.get("client-ca"))
                    .map(f -> baseDir.resolve(String.valueOf(f)).normalize());
            // a client CA file without a certificate is a configuration error, reported here
            clientCa.ifPresent(f -> io.isthmus.app.edge.HubTrust.certificates(f, "ingest tls client-ca"));
            tls = Optional.of(new IngestSecurity.Tls(
                    keyStore,
                    SecretFile.read("ingest tls password-file", baseDir.resolve(String.valueOf(pw))),
                    clientCa));
        }
        Optional<Path> tokensFile = Optional.ofNullable(m.get("tokens-file"))
                .map(f -> baseDir.resolve(String.valueOf(f)).normalize());
        if (tokensFile.isPresent() && !Files.isReadable(tokensFile.get())) {
            throw new IllegalArgumentException("ingest tokens-file '" + tokensFile.get() + "' cannot be read");
        }
        return new IngestSecurity(tokens, tokensFile, tls);
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
