package io.isthmus.app.hub;

import io.isthmus.app.console.LatestValues;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.journal.SampleBatchDecoding;
import io.isthmus.connect.transfer.EventCodec;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.connect.transfer.TransferDecoding;
import io.isthmus.connect.transfer.TransferLimits;
import io.isthmus.model.Event;
import io.isthmus.model.Sample;
import io.isthmus.store.AppendResult;
import io.isthmus.store.Historian;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of the transfer: decodes an edge's batch completely (the transfer frame, every
 * sample batch, every event) before it stores anything, then stores it in the historian in one
 * transaction keyed by the edge's journal sequence. Records the historian already holds are
 * skipped, so a retried request is harmless; events and live values are published only for
 * records stored for the first time.
 */
final class Ingest {
    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    /** What the edge gets back with 200. */
    record Accepted(
            String edge,
            long records,
            long samplesStored,
            int duplicates,
            long contiguousThrough,
            long samplesRefused) {}

    /** A refused request: HTTP status and a sentence for the problem document. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final Historian historian;
    private final LatestValues latest;
    private final EventLog events;
    private final Set<String> allowedEdges;
    private final TransferCodec transfer;
    private final SampleBatchCodec samples = SampleBatchCodec.withDefaults();
    private final EventCodec eventCodec = EventCodec.withBundledAttack();
    private final LongAdder batches = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder wrongEdge = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder outOfRange = new LongAdder();

    Ingest(Historian historian, LatestValues latest, EventLog events, Set<String> allowedEdges, int maxBodyBytes) {
        this.historian = historian;
        this.latest = latest;
        this.events = events;
        this.allowedEdges = allowedEdges;
        this.transfer = new TransferCodec(new TransferLimits(
                maxBodyBytes,
                TransferLimits.DEFAULT.maxRecords(),
                Math.min(maxBodyBytes, TransferLimits.DEFAULT.maxRecordBytes())));
    }

    long batches() {
        return batches.sum();
    }

    /** Batches refused because they name another edge than the token's. */
    long wrongEdge() {
        return wrongEdge.sum();
    }

    long duplicateRecords() {
        return duplicates.sum();
    }

    /**
     * Journal ids the historian gave up because an edge's journal had more than {@link
     * JournalProgress#MAX_SPANS} open gaps (each reported as a DATA_LOSS event).
     */
    long givenUpRecords() {
        return givenUp.sum();
    }

    /**
     * Samples the historian refused because their source time lies outside {@link
     * TimeRange#STORABLE} (a broken clock on the OT side); their records were stored without them.
     */
    long samplesOutOfRange() {
        return outOfRange.sum();
    }

    private record Decoded(JournalRecord record, List<Sample> samples, Event event) {}

    Accepted accept(byte[] body) throws Refused {
        return accept(body, Optional.empty());
    }

    /**
     * Stores a batch; {@code authenticated} is the edge the request's token belongs to, when the
     * hub requires tokens, and the batch must be that edge's.
     */
    Accepted accept(byte[] body, Optional<String> authenticated) throws Refused {
        TransferBatch batch = switch (transfer.decode(body)) {
            case TransferDecoding.Decoded<TransferBatch> d -> d.value();
            case TransferDecoding.Malformed<TransferBatch> m ->
                throw new Refused(
                        400, "not a transfer batch: " + m.error() + " at byte " + m.offset() + " (" + m.detail() + ")");
        };
        if (authenticated.isPresent() && !authenticated.get().equals(batch.edgeId())) {
            wrongEdge.increment();
            throw new Refused(
                    403,
                    "the token belongs to edge '" + authenticated.get() + "', which may not post the journal of edge '"
                            + batch.edgeId() + "'");
        }
        if (!allowedEdges.isEmpty() && !allowedEdges.contains(batch.edgeId())) {
            throw new Refused(403, "edge '" + batch.edgeId() + "' is not in the hub's list of edges");
        }
        return store(batch.edgeId(), batch.records(), batch.settledThrough());
    }

    /**
     * Decodes every record (refusing the whole batch if one is malformed), then stores the records
     * the historian does not hold yet in one transaction and publishes their events and live values.
     * Shared by the HTTP ingest and the one-way transfer's receiver.
     *
     * @param settledThrough every journal id up to it has come or never will (see {@link JournalBatch})
     */
    Accepted store(String edge, List<JournalRecord> records, long settledThrough) throws Refused {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (JournalRecord r : records) {
            decoded.add(decode(r));
        }
        decoded.sort(Comparator.comparingLong(d -> d.record().sequence()));
        for (int i = decoded.size() - 1; i > 0; i--) {
            if (decoded.get(i).record().sequence()
                    == decoded.get(i - 1).record().sequence()) {
                decoded.remove(i); // the same record twice in one delivery: store it once
            }
        }
        JournalId journal = JournalId.of(edge);
        synchronized (this) {
            JournalProgress before = historian.journalProgress(journal);
            List<io.isthmus.store.JournalRecord> stored = new ArrayList<>(decoded.size());
            for (Decoded d : decoded) {
                stored.add(new io.isthmus.store.JournalRecord(d.record().sequence(), d.samples()));
            }
            AppendResult result = historian.append(new JournalBatch(journal, stored, settledThrough));
            reportGivenUp(edge, before, stored, settledThrough);
            reportOutOfRange(edge, result);
            publish(edge, decoded, before);
            batches.increment();
            duplicates.add(result.recordsSkipped());
            return new Accepted(
                    edge,
                    decoded.size(),
                    result.samplesStored(),
                    result.recordsSkipped(),
                    historian.journalProgress(journal).contiguousThrough(),
                    result.samplesRefused());
        }
    }

    /**
     * A DATA_LOSS event when this append made the historian give up the oldest gaps of the edge's
     * journal (more than {@link JournalProgress#MAX_SPANS} never-filled gaps): a replay of those ids
     * would now be skipped, so they are lost for good and said so, once.
     */
    private void reportGivenUp(
            String edge, JournalProgress before, List<io.isthmus.store.JournalRecord> stored, long settledThrough) {
        JournalProgress after = historian.journalProgress(JournalId.of(edge));
        if (after.contiguousThrough() <= before.contiguousThrough()) {
            return;
        }
        long[] ids = stored.stream()
                .mapToLong(io.isthmus.store.JournalRecord::sequence)
                .toArray();
        List<JournalProgress.Span> spans = JournalProgress.givenUp(before, after, ids, settledThrough);
        if (spans.isEmpty()) {
            return;
        }
        long count = 0;
        for (JournalProgress.Span s : spans) {
            count += s.last() - s.first() + 1;
        }
        givenUp.add(count);
        String ranges = spans.stream()
                .limit(32)
                .map(s -> s.first() + ".." + s.last())
                .collect(java.util.stream.Collectors.joining(","));
        var evidence = io.isthmus.model.Evidence.of("The historian keeps at most " + JournalProgress.MAX_SPANS
                        + " open gaps per journal; the oldest were given up and a later replay of them is"
                        + " skipped as already held.")
                .with("journal", edge)
                .with("journal_ids", ranges + (spans.size() > 32 ? ",..." : ""))
                .with("gaps", Integer.toString(spans.size()))
                .with("records", Long.toString(count));
        Event event = new Event(
                java.time.Instant.now(),
                io.isthmus.model.EventKind.DATA_LOSS,
                io.isthmus.model.Severity.HIGH,
                "historian gave up " + count + " journal ids of " + edge + " (more than " + JournalProgress.MAX_SPANS
                        + " open gaps)",
                List.of(),
                List.of(),
                evidence);
        events.add(new EventLog.Received("hub", after.contiguousThrough(), event));
    }

    /**
     * Samples with a source time the historian cannot store are an anomaly of the sending side, not
     * a reason to refuse the batch (the edge would resend it forever): counted, logged and reported
     * as a DATA_LOSS event, while the rest of the batch is stored and acknowledged.
     */
    private void reportOutOfRange(String edge, AppendResult result) {
        long n = result.samplesRefused();
        if (n == 0) {
            return;
        }
        outOfRange.add(n);
        String range = TimeRange.STORABLE.from() + " .. " + TimeRange.STORABLE.to();
        log.warn(
                "edge {}: {} sample(s) with a source time outside {} were not stored; the rest of the batch was",
                edge,
                n,
                range);
        var evidence = io.isthmus.model.Evidence.of("The historian stores source times in " + range
                        + " only; samples outside it (a device or edge clock far off) are dropped and counted.")
                .with("journal", edge)
                .with("samples", Long.toString(n));
        Event event = new Event(
                java.time.Instant.now(),
                io.isthmus.model.EventKind.DATA_LOSS,
                io.isthmus.model.Severity.MEDIUM,
                "historian refused " + n + " sample(s) of " + edge + " with a source time outside " + range,
                List.of(),
                List.of(),
                evidence);
        events.add(new EventLog.Received("hub", result.highestSequence().orElse(0), event));
    }

    private Decoded decode(JournalRecord r) throws Refused {
        return switch (r.type()) {
            case SAMPLE_BATCH ->
                switch (samples.decode(r.payload())) {
                    case SampleBatchDecoding.Decoded d -> new Decoded(r, d.samples(), null);
                    case SampleBatchDecoding.Malformed m ->
                        throw new Refused(
                                400,
                                "record " + r.sequence() + " is not a sample batch: " + m.error() + " at byte "
                                        + m.offset() + " (" + m.detail() + ")");
                };
            case EVENT ->
                switch (eventCodec.decode(r.payload())) {
                    case TransferDecoding.Decoded<Event> d -> new Decoded(r, List.of(), d.value());
                    case TransferDecoding.Malformed<Event> m ->
                        throw new Refused(
                                400,
                                "record " + r.sequence() + " is not an event: " + m.error() + " at byte " + m.offset()
                                        + " (" + m.detail() + ")");
                };
            case OPAQUE -> new Decoded(r, List.of(), null); // nothing the hub interprets; marked as delivered
        };
    }

    private void publish(String edge, List<Decoded> decoded, JournalProgress before) {
        List<Sample> fresh = new ArrayList<>();
        for (Decoded d : decoded) {
            if (before.contains(d.record().sequence())) {
                continue;
            }
            for (Sample s : d.samples()) {
                if (TimeRange.STORABLE.contains(s.sourceTime())) {
                    fresh.add(s); // what the historian stored, no more
                }
            }
            if (d.event() != null) {
                events.add(new EventLog.Received(edge, d.record().sequence(), d.event()));
            }
        }
        if (!fresh.isEmpty()) {
            latest.publish(fresh);
        }
    }
}
