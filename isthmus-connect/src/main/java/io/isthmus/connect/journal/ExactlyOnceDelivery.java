package io.isthmus.connect.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers journal records into an {@link IdempotentSink} so each id is applied once, however often
 * it is delivered. Batches must reach the sink in the order the reader produced them; after a
 * failed {@code apply}, start a new reader from the consumer's committed id.
 */
public final class ExactlyOnceDelivery {
    private ExactlyOnceDelivery() {}

    /**
     * @param applied records new to the sink
     * @param duplicates records the sink already had, ignored
     */
    public record Outcome(int applied, int duplicates) {}

    /** Delivers a batch of a {@link ForwardingReader} (live and backlog records, out of id order). */
    public static Outcome deliver(ForwardBatch batch, IdempotentSink sink) {
        return deliver(batch.records(), batch.committableThrough(), sink);
    }

    /** Delivers records read in id order by a {@link JournalReader}. */
    public static Outcome deliverInOrder(List<JournalRecord> records, IdempotentSink sink) {
        long through = records.isEmpty() ? 0 : records.getLast().sequence();
        return deliver(records, through, sink);
    }

    private static Outcome deliver(List<JournalRecord> records, long contiguousThrough, IdempotentSink sink) {
        AppliedSequences before = sink.applied();
        AppliedSequences after = before;
        List<JournalRecord> fresh = new ArrayList<>(records.size());
        for (JournalRecord r : records) {
            if (!after.contains(r.sequence())) {
                fresh.add(r);
                after = after.with(r.sequence());
            }
        }
        after = after.settledThrough(contiguousThrough);
        if (!after.equals(before)) {
            sink.apply(fresh, after);
        }
        return new Outcome(fresh.size(), records.size() - fresh.size());
    }
}
