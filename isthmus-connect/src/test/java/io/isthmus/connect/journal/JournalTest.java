package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.readAll;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void appended_records_come_back_in_order_with_their_envelope() {
        try (Journal journal = Journal.open(small(dir, b -> b.fsync(FsyncPolicy.everyRecord())))) {
            long first = journal.append(RecordType.SAMPLE_BATCH, Samples.encoded(1, 5));
            long second = journal.append(RecordType.OPAQUE, payload(2));

            List<JournalRecord> records = readAll(journal, 1);

            assertThat(first).isEqualTo(1);
            assertThat(second).isEqualTo(2);
            assertThat(records).extracting(JournalRecord::sequence).containsExactly(1L, 2L);
            assertThat(records.get(0).type()).isEqualTo(RecordType.SAMPLE_BATCH);
            assertThat(records.get(0).appendedAt()).isEqualTo(Journals.CLOCK.instant());
            assertThat(records.get(1).payload()).isEqualTo(payload(2));
        }
    }

    @Test
    void a_sample_batch_round_trips_through_the_journal_and_the_codec() {
        var codec = SampleBatchCodec.withDefaults();
        List<Sample> batch = Samples.batch(7, 40);
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            journal.append(RecordType.SAMPLE_BATCH, codec.encode(batch));

            var record = readAll(journal, 1).getFirst();

            assertThat(codec.decode(record.payload())).isEqualTo(new SampleBatchDecoding.Decoded(batch));
        }
    }

    @Test
    void records_span_segments_and_a_reader_from_any_id_starts_there() {
        try (Journal journal = Journal.open(small(dir, b -> b.indexIntervalBytes(512)))) {
            for (int i = 1; i <= 300; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }

            assertThat(Journals.segmentFiles(dir)).hasSizeGreaterThan(2);
            assertThat(readAll(journal, 1)).hasSize(300);
            assertThat(readAll(journal, 137)).first().satisfies(r -> {
                assertThat(r.sequence()).isEqualTo(137);
                assertThat(r.payload()).isEqualTo(payload(137));
            });
            assertThat(readAll(journal, 301)).isEmpty();
        }
    }

    @Test
    void a_reopened_journal_has_every_record_and_continues_the_ids_without_findings() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= 100; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        }
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            var report = journal.recoveryReport();

            assertThat(report.cleanShutdown()).isTrue();
            assertThat(report.findings()).isEmpty();
            assertThat(report.records()).isEqualTo(100);
            assertThat(report.lastSequence()).isEqualTo(100);
            assertThat(journal.append(RecordType.OPAQUE, payload(101))).isEqualTo(101);
            assertThat(readAll(journal, 1))
                    .extracting(r -> new String(r.payload()))
                    .startsWith("record-1", "record-2")
                    .endsWith("record-100", "record-101");
        }
    }

    @Test
    void a_live_reader_sees_a_record_once_it_is_acknowledged() throws Exception {
        try (Journal journal = Journal.open(small(dir, b -> {}));
                JournalReader reader = journal.read(1);
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(reader.next()).isEmpty();

            Future<java.util.Optional<JournalRecord>> waiting =
                    executor.submit(() -> reader.next(Duration.ofMinutes(1)));
            journal.append(RecordType.OPAQUE, payload(1));

            assertThat(waiting.get()).map(JournalRecord::sequence).contains(1L);
        }
    }

    @Test
    void a_reader_following_concurrent_appenders_sees_every_id_once_in_order() throws Exception {
        int appenders = 4;
        int each = 300;
        try (Journal journal = Journal.open(small(
                        dir,
                        b -> b.fsync(FsyncPolicy.everyNRecords(8, Duration.ofMillis(1)))
                                .maxTotalBytes(1 << 20)));
                JournalReader reader = journal.read(1);
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (int t = 0; t < appenders; t++) {
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        journal.append(RecordType.OPAQUE, payload(i));
                    }
                }));
            }
            long expected = 1;
            while (expected <= appenders * each) {
                var record = reader.next(Duration.ofSeconds(30));
                assertThat(record).as("record %d", expected).isPresent();
                assertThat(record.get().sequence()).isEqualTo(expected);
                assertThat(record.get().sequence()).isLessThanOrEqualTo(journal.lastSequence());
                expected++;
            }
            for (Future<?> w : writers) {
                w.get();
            }
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void every_policy_acknowledges_and_reads_back_the_same_records() {
        for (FsyncPolicy policy : List.of(
                FsyncPolicy.everyRecord(), FsyncPolicy.everyNRecords(1, Duration.ofMillis(1)), FsyncPolicy.never())) {
            Path sub = dir.resolve(policy.getClass().getSimpleName());
            try (Journal journal = Journal.open(small(sub, b -> b.fsync(policy)))) {
                for (int i = 1; i <= 20; i++) {
                    journal.append(RecordType.OPAQUE, payload(i));
                }

                assertThat(readAll(journal, 1)).as("%s", policy).hasSize(20);
            }
        }
    }

    @Test
    void a_payload_over_the_limit_is_refused_and_takes_no_id() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThatThrownBy(() -> journal.append(RecordType.OPAQUE, new byte[1025]))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("1025");

            assertThat(journal.append(RecordType.OPAQUE, new byte[1024])).isEqualTo(1);
        }
    }

    @Test
    void a_second_open_of_the_same_directory_is_refused_while_the_first_is_open() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThatThrownBy(() -> Journal.open(small(dir, b -> {})))
                    .isInstanceOf(JournalLockedException.class)
                    .hasMessageContaining(dir.toString());
        }
        Journal.open(small(dir, b -> {})).close();
    }

    @Test
    void a_closed_journal_refuses_appends_and_readers() {
        Journal journal = Journal.open(small(dir, b -> {}));
        JournalReader reader = journal.read(1);
        journal.close();

        assertThatThrownBy(() -> journal.append(RecordType.OPAQUE, payload(1)))
                .isInstanceOf(JournalClosedException.class);
        assertThatThrownBy(reader::next).isInstanceOf(JournalClosedException.class);
        assertThatThrownBy(() -> journal.read(1)).isInstanceOf(JournalClosedException.class);
        journal.close();
    }

    @Test
    void stats_count_appends_segments_and_bytes() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= 10; i++) {
                journal.append(RecordType.OPAQUE, new byte[100]);
            }

            var stats = journal.stats();

            assertThat(stats.appendedRecords()).isEqualTo(10);
            assertThat(stats.appendedBytes()).isEqualTo(1000);
            assertThat(stats.totalBytes()).isEqualTo(SegmentHeader.SIZE + 10 * RecordFormat.size(100));
            assertThat(stats.firstSequence()).isEqualTo(1);
            assertThat(stats.lastSequence()).isEqualTo(10);
            assertThat(stats.lostRecords()).isZero();
        }
    }
}
