package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.store.AppendResult;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.JournalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one append writes, the same for both layouts: the samples of the records not stored yet
 * whose source time is storable ({@link Micros#storable}), how many were refused for their time,
 * and the journal's progress after it. A refused sample does not refuse its record: the record is
 * stored without it and counts as delivered, so a journal never stalls on a sample no redelivery
 * can fix.
 *
 * @param known the journal's progress before the append; empty for its first append or a plain one
 */
record AppendPlan(
        List<Sample> samples, long refused, int skipped, Optional<JournalProgress> known, JournalProgress after) {

    /** A plain append: every storable sample, no journal. */
    static AppendPlan of(List<Sample> samples) {
        List<Sample> kept = new ArrayList<>(samples.size());
        long refused = keepStorable(samples, kept);
        return new AppendPlan(kept, refused, 0, Optional.empty(), JournalProgress.NONE);
    }

    /** The records of {@code batch} whose sequence {@code known} does not hold yet. */
    static AppendPlan of(JournalBatch batch, Optional<JournalProgress> known) {
        JournalProgress after = known.orElse(JournalProgress.NONE);
        List<Sample> fresh = new ArrayList<>();
        long refused = 0;
        int skipped = 0;
        for (JournalRecord r : batch.records()) {
            if (after.contains(r.sequence())) {
                skipped++;
            } else {
                refused += keepStorable(r.samples(), fresh);
                after = after.with(r.sequence());
            }
        }
        return new AppendPlan(fresh, refused, skipped, known, after.settledThrough(batch.settledThrough()));
    }

    private static long keepStorable(List<Sample> samples, List<Sample> into) {
        long refused = 0;
        for (Sample s : samples) {
            if (Micros.storable(s.sourceTime())) {
                into.add(s);
            } else {
                refused++;
            }
        }
        return refused;
    }

    /** A redelivery of records already stored, with no new settlement: nothing to write. */
    boolean changesNothing() {
        return known.isPresent() && after.equals(known.get());
    }

    AppendResult journalResult() {
        JournalProgress progress = changesNothing() ? known.get() : after;
        return new AppendResult(samples.size(), skipped, OptionalLong.of(progress.highest()), refused);
    }

    AppendResult plainResult() {
        return new AppendResult(samples.size(), 0, OptionalLong.empty(), refused);
    }
}
