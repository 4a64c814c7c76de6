package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfill after an outage: live records first, the backlog never starved. */
class ForwardingReaderTest {
    private static final ForwardingBudget BUDGET = new ForwardingBudget(100, 20);

    @TempDir
    Path dir;

    private Journal journal;
    private ConsumerCursor diode;

    @BeforeEach
    void open() {
        journal = Journal.open(small(dir, b -> b.maxSegmentBytes(64 * 1024).maxTotalBytes(16L << 20)));
        diode = journal.consumer("diode");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        journal.close();
    }

    private long append(int count) {
        long last = 0;
        for (int i = 0; i < count; i++) {
            last = journal.append(RecordType.OPAQUE, payload(i));
        }
        return last;
    }

    private static List<Long> ids(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::sequence).toList();
    }

    @Test
    void a_busy_live_tail_takes_its_share_and_the_backlog_still_moves_every_batch() {
        append(1000);
        try (var reader = ForwardingReader.open(journal, diode, BUDGET)) {
            long nextLive = 1001;
            long nextBacklog = 1;
            for (int tick = 0; tick < 10; tick++) {
                append(200);

                ForwardBatch batch = reader.nextBatch();

                assertThat(ids(batch.live())).hasSize(80).first().isEqualTo(nextLive);
                assertThat(ids(batch.backlog())).hasSize(20).first().isEqualTo(nextBacklog);
                assertThat(batch.committableThrough()).isEqualTo(nextBacklog + 19);
                nextLive += 80;
                nextBacklog += 20;
            }
            assertThat(reader.inBackfill()).isTrue();
        }
    }

    @Test
    void a_quiet_live_tail_is_sent_at_once_and_leaves_the_rest_of_the_batch_to_the_backlog() {
        append(1000);
        try (var reader = ForwardingReader.open(journal, diode, BUDGET)) {
            for (int tick = 0; tick < 5; tick++) {
                long newest = append(5);

                ForwardBatch batch = reader.nextBatch();

                assertThat(ids(batch.live())).hasSize(5).last().isEqualTo(newest);
                assertThat(batch.backlog()).hasSize(95);
                assertThat(batch.records().subList(0, 5)).isEqualTo(batch.live());
            }
        }
    }

    @Test
    void once_the_backlog_is_drained_the_whole_batch_is_live_and_the_cursor_follows_it() {
        append(150);
        try (var reader = ForwardingReader.open(journal, diode, BUDGET)) {
            assertThat(reader.liveStart()).isEqualTo(151);
            ForwardBatch first = reader.nextBatch();
            ForwardBatch second = reader.nextBatch();
            reader.commit(second);

            assertThat(first.backlog()).hasSize(100);
            assertThat(second.backlog()).hasSize(50);
            assertThat(reader.inBackfill()).isFalse();
            assertThat(diode.committed()).isEqualTo(150);

            append(250);
            ForwardBatch live = reader.nextBatch();
            reader.commit(live);

            assertThat(live.live()).hasSize(100);
            assertThat(live.backlog()).isEmpty();
            assertThat(diode.committed()).isEqualTo(250);
        }
    }

    @Test
    void the_cursor_moves_only_over_contiguous_records_while_live_ones_run_ahead() {
        append(300);
        try (var reader = ForwardingReader.open(journal, diode, BUDGET)) {
            append(100);
            ForwardBatch batch = reader.nextBatch();
            reader.commit(batch);

            assertThat(ids(batch.live())).startsWith(301L);
            assertThat(diode.committed()).isEqualTo(20);
        }
    }

    @Test
    void without_a_backlog_every_record_is_live() {
        try (var reader = ForwardingReader.open(journal, diode, BUDGET)) {
            append(250);

            assertThat(reader.inBackfill()).isFalse();
            assertThat(reader.nextBatch().live()).hasSize(100);
            assertThat(reader.nextBatch().live()).hasSize(100);
            assertThat(reader.nextBatch().live()).hasSize(50);
            assertThat(reader.nextBatch().isEmpty()).isTrue();
        }
    }

    @Test
    void waiting_for_a_batch_returns_when_a_live_record_is_acknowledged() throws Exception {
        try (var reader = ForwardingReader.open(journal, diode, BUDGET);
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var waiting = executor.submit(() -> reader.nextBatch(Duration.ofMinutes(1)));
            journal.append(RecordType.OPAQUE, payload(1));

            assertThat(ids(waiting.get().live())).containsExactly(1L);
        }
    }

    @Test
    void a_budget_must_leave_room_for_both_sides() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ForwardingBudget(10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starve");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ForwardingBudget(10, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ForwardingBudget.of(500)).isEqualTo(new ForwardingBudget(500, 50));
    }
}
