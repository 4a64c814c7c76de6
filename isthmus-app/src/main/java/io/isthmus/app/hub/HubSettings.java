package io.isthmus.app.hub;

import io.isthmus.app.console.TagJson;
import io.isthmus.store.HistorianConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code isthmus hub} runs.
 *
 * @param listen address and port of the API, the console and the ingest endpoint (port 0: any free one)
 * @param historian the embedded historian
 * @param maxIngestBytes the largest request body an edge may post; larger ones are refused unread
 * @param maxHistoryPoints the most points one history request may ask for
 * @param edges the edge site ids allowed to post; empty allows any
 * @param catalog unit, type and source of known tags, from the edges' tag configurations
 * @param ingest bearer tokens per edge and TLS for the listener; {@link IngestSecurity#OPEN} for none
 * @param receiver the one-way transfer's receiver, if the hub has one
 * @param incidents correlation window and runbook directory of the incident desk
 */
public record HubSettings(
        InetSocketAddress listen,
        HistorianConfig historian,
        int maxIngestBytes,
        int maxHistoryPoints,
        Set<String> edges,
        List<TagJson> catalog,
        IngestSecurity ingest,
        Optional<ReceiverSettings> receiver,
        IncidentSettings incidents) {
    public static final int DEFAULT_MAX_INGEST_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_HISTORY_POINTS = 10_000;

    public HubSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(historian, "historian");
        if (maxIngestBytes < 1024 || maxIngestBytes > (256 << 20)) {
            throw new IllegalArgumentException("hub max-ingest-bytes must be 1KiB..256MiB, was " + maxIngestBytes);
        }
        if (maxHistoryPoints < 10 || maxHistoryPoints > 1_000_000) {
            throw new IllegalArgumentException("hub max-history-points must be 10..1000000, was " + maxHistoryPoints);
        }
        edges = Set.copyOf(edges);
        catalog = List.copyOf(catalog);
        Objects.requireNonNull(ingest, "ingest");
        for (String edge : ingest.tokens().keySet()) {
            if (!edges.isEmpty() && !edges.contains(edge)) {
                throw new IllegalArgumentException(
                        "hub ingest has a token for edge '" + edge + "', which is not in the hub's edges " + edges);
            }
        }
        Objects.requireNonNull(receiver, "receiver");
        if (receiver.isPresent()
                && !edges.isEmpty()
                && !edges.contains(receiver.get().site())) {
            throw new IllegalArgumentException(
                    "receiver site '" + receiver.get().site() + "' is not in the hub's edges "
                            + edges.stream().sorted().toList() + "; add it there");
        }
        Objects.requireNonNull(incidents, "incidents");
    }

    /** A hub without ingest tokens, TLS or a one-way transfer receiver, with the default incident desk. */
    public HubSettings(
            InetSocketAddress listen,
            HistorianConfig historian,
            int maxIngestBytes,
            int maxHistoryPoints,
            Set<String> edges,
            List<TagJson> catalog) {
        this(
                listen,
                historian,
                maxIngestBytes,
                maxHistoryPoints,
                edges,
                catalog,
                IngestSecurity.OPEN,
                Optional.empty(),
                IncidentSettings.DEFAULT);
    }

    /** The same hub with a one-way transfer receiver. */
    public HubSettings withReceiver(ReceiverSettings r) {
        return new HubSettings(
                listen, historian, maxIngestBytes, maxHistoryPoints, edges, catalog, ingest, Optional.of(r), incidents);
    }

    /** The same hub with ingest tokens and TLS. */
    public HubSettings withIngest(IngestSecurity security) {
        return new HubSettings(
                listen, historian, maxIngestBytes, maxHistoryPoints, edges, catalog, security, receiver, incidents);
    }

    /** The hub's own files beside the historian's: the event and incident journals. */
    public java.nio.file.Path dataDir() {
        return historian.dir();
    }

    public static HubSettings of(InetSocketAddress listen, HistorianConfig historian, List<TagJson> catalog) {
        return new HubSettings(
                listen, historian, DEFAULT_MAX_INGEST_BYTES, DEFAULT_MAX_HISTORY_POINTS, Set.of(), catalog);
    }
}
