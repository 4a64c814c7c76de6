package io.isthmus.connect.transfer.receive;

import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batches {@code firstSequence..lastSequence} of an epoch that could not be recovered, with all
 * that is known of their content. What is known comes from whichever manifests and fragments of
 * the lost batches did arrive; a batch of which nothing arrived is counted in {@code
 * unknownBatches}.
 *
 * @param firstRecord lowest journal id known to be in the lost batches (0 if none known)
 * @param lastRecord highest journal id known to be in the lost batches (0 if none known)
 * @param records records known to be lost (from manifests)
 * @param recordsAfter the highest journal id delivered in this epoch before the gap (0 if none):
 *     the lost ids of unknown batches lie above it
 * @param recordsBefore the lost ids of unknown batches lie at or below this: the first id of the
 *     batch after the gap minus one, or the newest id a heartbeat announced (0 if neither is known)
 * @param tags tag paths named by the manifests of lost batches, sorted, at most 64
 * @param from earliest source time in the lost batches, if a manifest said
 * @param to latest source time in the lost batches, if a manifest said
 */
public record Gap(
        long epoch,
        long firstSequence,
        long lastSequence,
        boolean replay,
        long firstRecord,
        long lastRecord,
        long records,
        long recordsAfter,
        long recordsBefore,
        long unknownBatches,
        List<String> tags,
        Optional<Instant> from,
        Optional<Instant> to,
        Instant detectedAt) {

    public Gap {
        tags = List.copyOf(tags);
    }

    public long batches() {
        return lastSequence - firstSequence + 1;
    }

    /** The first journal id an operator should replay to fill this gap (0 if nothing is known). */
    public long replayFrom() {
        long from = firstRecord == 0 ? Long.MAX_VALUE : firstRecord;
        if (unknownBatches > 0) {
            from = Math.min(from, recordsAfter + 1);
        }
        return from == Long.MAX_VALUE ? 0 : from;
    }

    /** The last journal id an operator should replay to fill this gap (0 if nothing is known). */
    public long replayTo() {
        return unknownBatches > 0 ? Math.max(lastRecord, recordsBefore) : lastRecord;
    }

    /** The data-loss event for the event store and the console. */
    public Event toEvent() {
        String title = "diode transfer lost batch" + (batches() == 1 ? " " : "es ") + firstSequence
                + (batches() == 1 ? "" : ".." + lastSequence) + " of epoch " + epoch;
        var evidence = Evidence.of("Batches that neither arrived nor could be rebuilt by the erasure code; replay the"
                        + " journal ids on the sender's host to fill the gap.")
                .with("epoch", Long.toString(epoch))
                .with("sequences", firstSequence + ".." + lastSequence)
                .with("journal_ids", firstRecord == 0 ? "unknown" : firstRecord + ".." + lastRecord)
                .with("journal_ids_above", Long.toString(recordsAfter))
                .with("journal_ids_at_most", Long.toString(recordsBefore))
                .with("replay", replayFrom() + ".." + replayTo())
                .with("records", Long.toString(records))
                .with("unknown_batches", Long.toString(unknownBatches))
                .with("tags", String.join(",", tags))
                .with("from", from.map(Instant::toString).orElse("unknown"))
                .with("to", to.map(Instant::toString).orElse("unknown"))
                .with("during_replay", Boolean.toString(replay));
        return new Event(detectedAt, EventKind.DATA_LOSS, Severity.HIGH, title, List.of(), List.of(), evidence);
    }
}
