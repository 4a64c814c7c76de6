package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.readAll;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.journal.RecoveryReport.Corruption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk read into a {@link RecordBlock} ({@link JournalReader#readInto}, {@link
 * ForwardingReader#nextBatch(RecordBlock)}): the same records as {@link JournalReader#next()}, with
 * the same checks, across segments, known damage and damage found after open.
 */
class RecordBlockReadTest {
    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    /** Payloads of 1 to 97 bytes, so records straddle the reader's buffer and segment ends at many offsets. */
    private static byte[] payload(long i) {
        byte[] p = new byte[(int) (1 + i * 31 % 97)];
        for (int k = 0; k < p.length; k++) {
            p[k] = (byte) (i * 7 + k);
        }
        return p;
    }

    private List<Path> write(int records) {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= records; i++) {
                journal.append(i % 5 == 0 ? RecordType.SAMPLE_BATCH : RecordType.OPAQUE, payload(i));
            }
        }
        return Journals.segmentFiles(dir);
    }

    /** Everything from {@code from} read into a block {@code chunk} records at a time. */
    private static List<JournalRecord> readInBlocks(Journal journal, long from, int chunk) {
        List<JournalRecord> all = new ArrayList<>();
        var block = new RecordBlock(1, 0); // grows: the growing path is exercised too
        try (JournalReader reader = journal.read(from)) {
            while (true) {
                block.clear();
                int read = reader.readInto(block, chunk, Long.MAX_VALUE);
                assertThat(read).isEqualTo(block.size()).isLessThanOrEqualTo(chunk);
                if (read == 0) {
                    return all;
                }
                all.addAll(block.records(0, read));
            }
        }
    }

    @Test
    void the_bulk_read_returns_exactly_the_records_next_returns_across_segments() {
        List<Path> files = write(RECORDS);
        assertThat(files).hasSizeGreaterThan(3);

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            List<JournalRecord> expected = readAll(journal, 1);
            assertThat(expected).hasSize(RECORDS);
            for (int chunk : new int[] {1, 7, 4096}) {
                assertThat(readInBlocks(journal, 1, chunk))
                        .as("%d at a time", chunk)
                        .isEqualTo(expected);
            }
            assertThat(readInBlocks(journal, 123, 10)).isEqualTo(expected.subList(122, RECORDS));
        }
    }

    @Test
    void the_block_holds_each_records_envelope_and_payload_without_a_record_object() {
        write(20);
        try (Journal journal = Journal.open(small(dir, b -> {}));
                JournalReader reader = journal.read(1)) {
            var block = new RecordBlock(4, 16);
            assertThat(reader.readInto(block, 20, Long.MAX_VALUE)).isEqualTo(20);

            List<JournalRecord> expected = readAll(journal, 1);
            for (int i = 0; i < 20; i++) {
                var r = expected.get(i);
                assertThat(block.sequence(i)).isEqualTo(r.sequence());
                assertThat(block.type(i)).isEqualTo(r.type());
                assertThat(block.typeCode(i)).isEqualTo(r.type().code());
                assertThat(EpochMicros.instant(block.appendMicros(i))).isEqualTo(r.appendedAt());
                assertThat(java.util.Arrays.copyOfRange(
                                block.payloads(),
                                block.payloadOffset(i),
                                block.payloadOffset(i) + block.payloadLength(i)))
                        .isEqualTo(r.payload());
            }
            assertThatThrownBy(() -> block.sequence(20)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void the_bulk_read_stops_before_the_bound_and_leaves_that_record_for_the_next_read() {
        write(50);
        try (Journal journal = Journal.open(small(dir, b -> {}));
                JournalReader reader = journal.read(1)) {
            var block = new RecordBlock(8, 64);

            assertThat(reader.readInto(block, 100, 31)).isEqualTo(30);
            assertThat(block.sequence(29)).isEqualTo(30);
            assertThat(reader.readInto(block, 100, 31))
                    .as("nothing below 31 is left")
                    .isZero();
            assertThat(reader.position()).isEqualTo(31);
            assertThat(reader.next()).get().extracting(JournalRecord::sequence).isEqualTo(31L);
        }
    }

    @Test
    void known_damage_found_at_open_is_skipped_by_the_bulk_read_as_by_next() throws IOException {
        List<Path> files = write(RECORDS);
        long thirdAt = SegmentHeader.SIZE + RecordFormat.size(payload(1).length) + RecordFormat.size(payload(2).length);
        RecoveryTest.flip(files.get(0), thirdAt + RecordFormat.HEADER_BYTES);
        Files.delete(SegmentSeals.pathFor(files.get(0))); // scanned at open: the damage is known

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings(Corruption.class)).singleElement();
            List<JournalRecord> expected = readAll(journal, 1);
            assertThat(expected).hasSize(RECORDS - 1);
            assertThat(readInBlocks(journal, 1, 64)).isEqualTo(expected);
        }
    }

    @Test
    void bytes_that_turn_bad_after_open_stop_the_bulk_read_as_they_stop_next() throws IOException {
        List<Path> files = write(RECORDS);
        long thirdAt = SegmentHeader.SIZE + RecordFormat.size(payload(1).length) + RecordFormat.size(payload(2).length);
        RecoveryTest.flip(files.get(0), thirdAt + RecordFormat.HEADER_BYTES); // sealed: trusted at open

        try (Journal journal = Journal.open(small(dir, b -> {}));
                JournalReader reader = journal.read(1)) {
            assertThat(journal.recoveryReport().findings()).isEmpty();
            var block = new RecordBlock(8, 64);
            assertThatThrownBy(() -> reader.readInto(block, 100, Long.MAX_VALUE))
                    .isInstanceOf(JournalCorruptionException.class)
                    .hasMessageContaining(files.get(0).getFileName().toString())
                    .hasMessageContaining(FrameError.CHECKSUM_MISMATCH.toString());
            assertThat(block.size()).as("the two good records before it").isEqualTo(2);
        }
    }

    @Test
    void a_forwarding_batch_into_a_block_holds_what_a_forward_batch_holds() {
        try (Journal journal =
                Journal.open(small(dir, b -> b.maxSegmentBytes(64 * 1024).maxTotalBytes(16L << 20)))) {
            for (int i = 1; i <= 250; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
            var budget = new ForwardingBudget(100, 20);
            try (var lists = ForwardingReader.open(journal, journal.consumer("lists"), budget);
                    var blocks = ForwardingReader.open(journal, journal.consumer("blocks"), budget)) {
                var block = new RecordBlock(16, 256);
                for (int round = 0; round < 6; round++) {
                    for (int i = 0; i < 30; i++) { // live records arrive while the backlog drains
                        journal.append(RecordType.OPAQUE, payload(1000 + round * 30 + i));
                    }
                    ForwardBatch expected = lists.nextBatch();
                    long committable = blocks.nextBatch(block);

                    assertThat(committable).as("round %d", round).isEqualTo(expected.committableThrough());
                    assertThat(block.records(0, block.size()))
                            .as("round %d", round)
                            .isEqualTo(expected.records());
                    assertThat(blocks.inBackfill()).isEqualTo(lists.inBackfill());
                    blocks.commit(committable);
                    lists.commit(expected);
                    assertThat(journal.consumer("blocks").committed())
                            .isEqualTo(journal.consumer("lists").committed());
                }
                assertThat(blocks.inBackfill()).isFalse();
            }
        }
    }

    @Test
    void a_commit_beyond_what_the_batches_returned_allow_is_refused() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= 10; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
            var cursor = journal.consumer("diode");
            try (var reader = ForwardingReader.open(journal, cursor, new ForwardingBudget(4, 1))) {
                long committable = reader.nextBatch(new RecordBlock(4, 64));
                assertThat(committable).isEqualTo(4);

                assertThatThrownBy(() -> reader.commit(committable + 1))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("at most 4");
                reader.commit(committable);
                assertThat(cursor.committed()).isEqualTo(4);
            }
        }
    }
}
