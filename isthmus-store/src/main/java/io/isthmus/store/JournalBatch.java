package io.isthmus.store;

import java.util.List;
import java.util.Objects;

/**
 * Records of one journal delivered together, in increasing sequence order. The historian stores
 * the records whose sequence it has not stored yet, skips the rest (a redelivery after a lost
 * acknowledgement), and stores its new {@link JournalProgress} in the same transaction: a batch is
 * stored completely or not at all, and never twice.
 *
 * <p>{@code settledThrough} says that no sequence at or below it will come any more except as a
 * redelivery: a reader that sends in order settles through its last record; a forwarder that
 * sends live records ahead of a backlog (see {@code io.isthmus.connect.journal.ForwardingReader})
 * settles only through the backlog's position, so the backlog records still to come are stored when
 * they arrive, although their sequences are below the live ones already stored.
 *
 * @param settledThrough every sequence up to it has been delivered or will never be; at most the
 *     last record's sequence when there are records
 */
public record JournalBatch(JournalId journal, List<JournalRecord> records, long settledThrough) {

    public JournalBatch {
        Objects.requireNonNull(journal, "journal");
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        for (int i = 1; i < records.size(); i++) {
            long prev = records.get(i - 1).sequence();
            long cur = records.get(i).sequence();
            if (cur <= prev) {
                throw new IllegalArgumentException("journal " + journal + ": record " + i + " has sequence " + cur
                        + " after " + prev + "; sequences must increase within a batch");
            }
        }
        if (settledThrough < 0) {
            throw new IllegalArgumentException(
                    "journal " + journal + ": settledThrough " + settledThrough + " is negative");
        }
    }

    /** Records delivered in sequence order: everything up to the last one is settled. */
    public JournalBatch(JournalId journal, List<JournalRecord> records) {
        this(journal, records, records.isEmpty() ? 0 : records.getLast().sequence());
    }

    public static JournalBatch of(JournalId journal, long sequence, List<io.isthmus.model.Sample> samples) {
        return new JournalBatch(journal, List.of(new JournalRecord(sequence, samples)));
    }
}
