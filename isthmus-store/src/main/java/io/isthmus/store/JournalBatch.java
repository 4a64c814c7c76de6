package io.isthmus.store;

import java.util.List;
import java.util.Objects;

/**
 * Records of one journal delivered together, in increasing sequence order. The historian stores
 * the records whose sequence is above the highest it holds for {@link #journal()}, skips the rest
 * (a redelivery after a lost acknowledgement), and stores the new high-water mark in the same
 * transaction: a batch is stored completely or not at all, and never twice.
 */
public record JournalBatch(JournalId journal, List<JournalRecord> records) {

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
    }

    public static JournalBatch of(JournalId journal, long sequence, List<io.isthmus.model.Sample> samples) {
        return new JournalBatch(journal, List.of(new JournalRecord(sequence, samples)));
    }
}
