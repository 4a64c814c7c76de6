package io.isthmus.app.edge;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a running edge for the status port, the demo's health and tests.
 *
 * @param sources each source's connection state, by source id
 * @param sourceDetails each source's kind, endpoint, state and driver counters, by source id
 * @param samplesJournaled samples acknowledged by the journal
 * @param samplesDropped samples the journal refused (full, REJECT_NEW)
 * @param journalLost records the journal lost (dropped when full, refused, corrupt)
 * @param journalLast the newest record id; {@code forwardedThrough} the hub's acknowledged cursor
 * @param forwarder {@code starting}, {@code forwarding}, {@code retrying: <last error>}, or {@code
 *     off} when the edge does not forward over HTTP
 * @param journalSegmentsFromSeal segments the journal's open took from a verified seal; {@code
 *     journalSegmentsScanned} those it read record by record (what the open cost, see {@link
 *     io.isthmus.connect.journal.RecoveryReport})
 * @param transfer the one-way transfer's sender side; null when the edge has no {@code transfer}
 *     section
 */
public record EdgeStatus(
        String siteId,
        Map<String, String> sources,
        Map<String, SourceStatus> sourceDetails,
        long samplesJournaled,
        long samplesDropped,
        long eventsJournaled,
        long eventsDropped,
        long journalLast,
        long journalBytes,
        long journalLost,
        long forwardedThrough,
        long forwardedRecords,
        long forwardRequests,
        long forwardFailures,
        boolean backfilling,
        String forwarder,
        List<String> recoveryFindings,
        int journalSegmentsFromSeal,
        int journalSegmentsScanned,
        EdgeTransferStatus transfer) {

    /** Records journaled but not yet acknowledged by the hub (ids are not dense: an upper bound). */
    public long backlog() {
        return Math.max(0, journalLast - forwardedThrough);
    }

    /** Prometheus text exposition format 0.0.4. */
    public String prometheus() {
        StringBuilder b = new StringBuilder();
        String site = "{site=\"" + siteId + "\"}";
        counter(
                b,
                "isthmus_edge_samples_journaled_total",
                "Samples acknowledged by the journal.",
                site,
                samplesJournaled);
        counter(b, "isthmus_edge_samples_dropped_total", "Samples the full journal refused.", site, samplesDropped);
        counter(b, "isthmus_edge_events_journaled_total", "Events journaled for the hub.", site, eventsJournaled);
        counter(
                b,
                "isthmus_edge_events_dropped_total",
                "Events dropped while the journal refused records.",
                site,
                eventsDropped);
        counter(
                b,
                "isthmus_edge_journal_lost_records_total",
                "Records the journal lost (full, corrupt).",
                site,
                journalLost);
        gauge(b, "isthmus_edge_journal_bytes", "Bytes of journal segments on disk.", site, journalBytes);
        gauge(b, "isthmus_edge_journal_last_sequence", "Newest journal record id.", site, journalLast);
        gauge(
                b,
                "isthmus_edge_journal_open_sealed_segments",
                "Segments the journal's open took from a verified seal.",
                site,
                journalSegmentsFromSeal);
        gauge(
                b,
                "isthmus_edge_journal_open_scanned_segments",
                "Segments the journal's open read record by record.",
                site,
                journalSegmentsScanned);
        gauge(b, "isthmus_edge_forwarded_through_sequence", "Journal id the hub acknowledged.", site, forwardedThrough);
        gauge(
                b,
                "isthmus_edge_forward_backlog_records",
                "Upper bound of records not yet acknowledged.",
                site,
                backlog());
        counter(b, "isthmus_edge_forwarded_records_total", "Records sent to the hub.", site, forwardedRecords);
        counter(b, "isthmus_edge_forward_failures_total", "Failed requests to the hub.", site, forwardFailures);
        gauge(
                b,
                "isthmus_edge_forward_up",
                "1 while the hub acknowledges.",
                site,
                forwarder.equals("forwarding") ? 1 : 0);
        if (transfer != null) {
            counter(
                    b,
                    "isthmus_edge_transfer_records_total",
                    "Journal records sent one way (replays included).",
                    site,
                    transfer.records());
            counter(
                    b,
                    "isthmus_edge_transfer_payload_bytes_total",
                    "Record payload bytes sent one way.",
                    site,
                    transfer.payloadBytes());
            counter(
                    b,
                    "isthmus_edge_transfer_send_errors_total",
                    "Datagrams the kernel refused twice.",
                    site,
                    transfer.sendErrors());
            gauge(b, "isthmus_edge_transfer_epoch", "The sender's session epoch.", site, transfer.epoch());
            gauge(
                    b,
                    "isthmus_edge_transfer_last_sequence",
                    "Last batch sequence sent in the epoch.",
                    site,
                    transfer.lastSequence());
            gauge(
                    b,
                    "isthmus_edge_transfer_last_record",
                    "Newest journal id sent one way.",
                    site,
                    transfer.lastRecord());
        }
        b.append(
                "# HELP isthmus_edge_source_up 1 while the source is connected.\n# TYPE isthmus_edge_source_up gauge\n");
        sources.forEach((id, state) -> b.append("isthmus_edge_source_up")
                .append(sourceLabels(id))
                .append(' ')
                .append(state.startsWith("connected") ? 1 : 0)
                .append('\n'));
        sourceCounters(b);
        return b.toString();
    }

    /**
     * One counter family per driver counter name ({@code isthmus_edge_source_<name>_total}), with a
     * series per source that has it: sources of different kinds count different things.
     */
    private void sourceCounters(StringBuilder b) {
        Map<String, Map<String, Long>> byName = new java.util.TreeMap<>();
        sourceDetails.forEach((id, d) -> d.counters()
                .forEach((name, v) -> byName.computeIfAbsent(name, k -> new java.util.TreeMap<>())
                        .put(id, v)));
        byName.forEach((name, perSource) -> {
            String metric = "isthmus_edge_source_" + name + "_total";
            b.append("# HELP ")
                    .append(metric)
                    .append(" Driver counter '")
                    .append(name)
                    .append("' of the source.\n");
            b.append("# TYPE ").append(metric).append(" counter\n");
            perSource.forEach((id, v) -> b.append(metric)
                    .append(sourceLabels(id))
                    .append(' ')
                    .append(v)
                    .append('\n'));
        });
    }

    private String sourceLabels(String id) {
        SourceStatus d = sourceDetails.get(id);
        return "{site=\"" + siteId + "\",source=\"" + id + "\"" + (d == null ? "" : ",kind=\"" + d.kind() + "\"") + "}";
    }

    private static void counter(StringBuilder b, String name, String help, String labels, long v) {
        metric(b, name, help, "counter", labels, v);
    }

    private static void gauge(StringBuilder b, String name, String help, String labels, long v) {
        metric(b, name, help, "gauge", labels, v);
    }

    private static void metric(StringBuilder b, String name, String help, String type, String labels, long v) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        b.append(name).append(labels).append(' ').append(v).append('\n');
    }
}
