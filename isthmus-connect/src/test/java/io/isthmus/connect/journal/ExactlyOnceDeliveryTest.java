package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At-least-once from the journal plus an idempotent sink: every record applied exactly once. */
class ExactlyOnceDeliveryTest {
    @TempDir
    Path dir;

    /** A historian stand-in: data and applied ids change together, as in one transaction. */
    static final class Historian implements IdempotentSink {
        final List<Long> stored = new ArrayList<>();
        AppliedSequences applied = AppliedSequences.NONE;

        @Override
        public AppliedSequences applied() {
            return applied;
        }

        @Override
        public void apply(List<JournalRecord> records, AppliedSequences after) {
            records.forEach(r -> stored.add(r.sequence()));
            applied = after;
        }
    }

    @Test
    void records_redelivered_after_a_crash_before_the_commit_are_applied_once() {
        var historian = new Historian();
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= 50; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
            ConsumerCursor cursor = journal.consumer("historian");
            try (JournalReader reader = cursor.reader()) {
                var outcome = ExactlyOnceDelivery.deliverInOrder(reader.next(30), historian);
                assertThat(outcome).isEqualTo(new ExactlyOnceDelivery.Outcome(30, 0));
                cursor.commit(20);
            }
            // crash: 21..30 were applied but not committed; a new reader starts after 20
            try (JournalReader reader = cursor.reader()) {
                var outcome = ExactlyOnceDelivery.deliverInOrder(reader.next(100), historian);

                assertThat(outcome).isEqualTo(new ExactlyOnceDelivery.Outcome(20, 10));
            }
        }

        assertThat(historian.stored).hasSize(50).doesNotHaveDuplicates();
        assertThat(historian.applied).isEqualTo(new AppliedSequences(50, List.of()));
        assertThat(historian.applied.highest()).isEqualTo(50);
    }

    @Test
    void ids_stay_unique_across_a_restart_so_the_sink_never_mistakes_new_records_for_old() {
        var historian = new Historian();
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            journal.append(RecordType.OPAQUE, payload(1));
            ExactlyOnceDelivery.deliverInOrder(Journals.readAll(journal, 1), historian);
        }
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            long id = journal.append(RecordType.OPAQUE, payload(2));

            var outcome = ExactlyOnceDelivery.deliverInOrder(Journals.readAll(journal, id), historian);

            assertThat(outcome.applied()).isEqualTo(1);
        }
        assertThat(historian.stored).containsExactly(1L, 2L);
    }

    @Test
    void interleaved_backfill_interrupted_by_a_restart_applies_every_record_once() {
        var historian = new Historian();
        var budget = new ForwardingBudget(10, 3);
        try (Journal journal = Journal.open(small(dir, b -> b.maxTotalBytes(1 << 20)))) {
            ConsumerCursor cursor = journal.consumer("historian");
            for (int i = 0; i < 40; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
            try (var reader = ForwardingReader.open(journal, cursor, budget)) {
                for (int tick = 0; tick < 3; tick++) {
                    for (int i = 0; i < 5; i++) {
                        journal.append(RecordType.OPAQUE, payload(i));
                    }
                    var batch = reader.nextBatch();
                    ExactlyOnceDelivery.deliver(batch, historian);
                    reader.commit(batch);
                }
                assertThat(historian.applied.above())
                        .as("live records ran ahead")
                        .isNotEmpty();
            }
            // restart: the backlog now also holds the live records already sent
            try (var reader = ForwardingReader.open(journal, cursor, budget)) {
                ForwardBatch batch;
                int duplicates = 0;
                while (!(batch = reader.nextBatch()).isEmpty()) {
                    duplicates += ExactlyOnceDelivery.deliver(batch, historian).duplicates();
                    reader.commit(batch);
                }

                assertThat(duplicates).isPositive();
            }
            assertThat(cursor.committed()).isEqualTo(55);
        }

        assertThat(historian.stored).hasSize(55).doesNotHaveDuplicates();
        assertThat(historian.applied).isEqualTo(new AppliedSequences(55, List.of()));
    }
}
