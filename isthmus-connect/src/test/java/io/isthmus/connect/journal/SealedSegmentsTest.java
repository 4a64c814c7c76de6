package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.readAll;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.journal.RecoveryReport.Corruption;
import io.isthmus.connect.journal.RecoveryReport.UncleanShutdown;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seals: open takes a segment the journal had finished with from its seal instead of scanning it,
 * and scans it as before whenever the seal is missing, torn or does not match the segment.
 */
class SealedSegmentsTest {
    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    /** 300 records over three segments of 4 KiB; the first two were full when the next started. */
    private List<Path> writeThreeSegments() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= RECORDS; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        }
        List<Path> files = Journals.segmentFiles(dir);
        assertThat(files).hasSize(3);
        return files;
    }

    private static List<Long> ids(Journal journal) {
        return readAll(journal, 1).stream().map(JournalRecord::sequence).toList();
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    @Test
    void full_segments_are_sealed_and_the_one_being_written_is_sealed_by_the_next_open() throws IOException {
        List<Path> files = writeThreeSegments();

        assertThat(SegmentSeals.pathFor(files.get(0))).exists();
        assertThat(SegmentSeals.pathFor(files.get(1))).exists();
        assertThat(SegmentSeals.pathFor(files.get(2))).doesNotExist();
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings()).isEmpty();
            assertThat(journal.recoveryReport().records()).isEqualTo(RECORDS);
            assertThat(journal.recoveryReport().sealedSegments())
                    .as("the two full segments")
                    .isEqualTo(2);
            assertThat(journal.recoveryReport().scannedSegments())
                    .as("the one being written at close")
                    .isEqualTo(1);
            assertThat(journal.recoveryReport().summary())
                    .startsWith("3 segments (2 from a seal, 1 scanned), 300 records 1..300, next id ")
                    .endsWith(", closed cleanly, 0 findings");
            assertThat(SegmentSeals.pathFor(files.get(2))).exists();
            assertThat(ids(journal)).isEqualTo(oneTo(RECORDS));
            assertThat(journal.append(RecordType.OPAQUE, payload(301))).isEqualTo(301);
        }
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings()).isEmpty();
            assertThat(journal.recoveryReport().scannedSegments())
                    .as("only the one record 301 was written to")
                    .isEqualTo(1);
            assertThat(journal.recoveryReport().sealedSegments())
                    .as("the open before sealed the third")
                    .isEqualTo(Journals.segmentFiles(dir).size() - 1)
                    .isGreaterThanOrEqualTo(2);
            assertThat(ids(journal)).isEqualTo(oneTo(RECORDS + 1));
            assertThat(journal.read(150).next())
                    .get()
                    .extracting(JournalRecord::sequence)
                    .isEqualTo(150L);
        }
    }

    @Test
    void a_sealed_segment_is_not_read_at_open_so_bytes_that_turn_bad_later_stop_the_reader() throws IOException {
        List<Path> files = writeThreeSegments();
        long thirdAt = SegmentHeader.SIZE + 2L * RecordFormat.size(8);
        RecoveryTest.flip(files.get(0), thirdAt + RecordFormat.HEADER_BYTES + 2);

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings()).isEmpty();
            assertThatThrownBy(() -> readAll(journal, 1))
                    .isInstanceOf(JournalCorruptionException.class)
                    .hasMessageContaining(files.get(0).getFileName().toString());
        }
        Files.delete(SegmentSeals.pathFor(files.get(0)));
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings(Corruption.class))
                    .singleElement()
                    .satisfies(c -> assertThat(c.lost()).contains(SequenceRange.of(3)));
            assertThat(ids(journal)).hasSize(RECORDS - 1).doesNotContain(3L);
            assertThat(SegmentSeals.pathFor(files.get(0)))
                    .as("damaged: never sealed")
                    .doesNotExist();
        }
    }

    /** Ways a seal can fail to describe its segment; each must lead to a scan with the same outcome. */
    enum Mismatch {
        SEAL_CUT_BY_A_CRASH,
        SEAL_BIT_FLIPPED,
        SEAL_EMPTY,
        SEAL_OF_ANOTHER_SEGMENT,
        SEGMENT_HEADER_REWRITTEN_WITH_ANOTHER_TIME,
        SEGMENT_LAST_RECORD_CHANGED
    }

    @ParameterizedTest
    @EnumSource(Mismatch.class)
    void a_seal_that_does_not_verify_is_ignored_and_the_segment_scanned(Mismatch mismatch) throws IOException {
        List<Path> files = writeThreeSegments();
        Path segment = files.get(0);
        Path seal = SegmentSeals.pathFor(segment);
        byte[] original = Files.readAllBytes(seal);
        long lastRecordAt =
                ((SegmentSeal.Valid) SegmentSeal.decode(original)).seal().lastRecordOffset();
        switch (mismatch) {
            case SEAL_CUT_BY_A_CRASH -> Files.write(seal, java.util.Arrays.copyOf(original, original.length / 2));
            case SEAL_BIT_FLIPPED -> RecoveryTest.flip(seal, 30);
            case SEAL_EMPTY -> Files.write(seal, new byte[0]);
            case SEAL_OF_ANOTHER_SEGMENT ->
                Files.copy(SegmentSeals.pathFor(files.get(1)), seal, StandardCopyOption.REPLACE_EXISTING);
            case SEGMENT_HEADER_REWRITTEN_WITH_ANOTHER_TIME -> {
                try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
                    ByteBuffer header = new SegmentHeader(1, 42).encode();
                    raf.write(header.array(), 0, header.remaining());
                }
            }
            case SEGMENT_LAST_RECORD_CHANGED -> RecoveryTest.flip(segment, lastRecordAt + RecordFormat.HEADER_BYTES);
        }
        boolean segmentDamaged = mismatch == Mismatch.SEGMENT_LAST_RECORD_CHANGED;

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            var report = journal.recoveryReport();
            assertThat(report.scannedSegments())
                    .as("the first, whose seal did not verify, and the third, never sealed")
                    .isEqualTo(2);
            assertThat(report.sealedSegments()).isEqualTo(1);
            if (segmentDamaged) {
                assertThat(report.findings(Corruption.class))
                        .singleElement()
                        .satisfies(c -> assertThat(c.segment()).isEqualTo(segment));
                assertThat(ids(journal)).hasSize(RECORDS - 1);
                assertThat(seal).doesNotExist();
            } else {
                assertThat(report.findings()).isEmpty();
                assertThat(ids(journal)).isEqualTo(oneTo(RECORDS));
                assertThat(SegmentSeal.decode(Files.readAllBytes(seal))).isInstanceOf(SegmentSeal.Valid.class);
            }
        }
        if (mismatch != Mismatch.SEGMENT_HEADER_REWRITTEN_WITH_ANOTHER_TIME && !segmentDamaged) {
            assertThat(Files.readAllBytes(seal))
                    .as("the scan seals it again, as before")
                    .isEqualTo(original);
        }
    }

    @Test
    void a_seal_left_without_its_segment_is_deleted_at_open() throws IOException {
        List<Path> files = writeThreeSegments();
        Path orphan = files.get(0).resolveSibling(Segment.fileName(100_000).replace(".seg", ".seal"));
        Files.copy(SegmentSeals.pathFor(files.get(0)), orphan);

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(orphan).doesNotExist();
            assertThat(SegmentSeals.pathFor(files.get(0))).exists();
            assertThat(ids(journal)).isEqualTo(oneTo(RECORDS));
        }
    }

    @Test
    void retention_deletes_a_segments_seal_with_the_segment() {
        List<Path> files = writeThreeSegments();

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            var consumer = journal.consumer("diode");
            consumer.commit(RECORDS);

            assertThat(Journals.segmentFiles(dir)).containsExactly(files.get(2));
            assertThat(SegmentSeals.pathFor(files.get(0))).doesNotExist();
            assertThat(SegmentSeals.pathFor(files.get(1))).doesNotExist();
            assertThat(SegmentSeals.pathFor(files.get(2))).exists();
        }
    }

    @Test
    void after_a_crash_the_sealed_segments_are_trusted_and_the_one_being_written_is_scanned() throws IOException {
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        try (Journal journal = Journal.open(small(live, b -> {}))) {
            for (int i = 1; i <= RECORDS; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
            copyTree(live, image);
        }
        Path writing = Journals.segmentFiles(image).getLast();
        long size = Files.size(writing);
        try (RandomAccessFile raf = new RandomAccessFile(writing.toFile(), "rw")) {
            raf.setLength(size - 3); // the last record torn
        }

        try (Journal journal = Journal.open(small(image, b -> {}))) {
            var report = journal.recoveryReport();
            assertThat(report.findings())
                    .hasSize(2)
                    .anySatisfy(f -> assertThat(f).isInstanceOf(UncleanShutdown.class));
            assertThat(report.sealedSegments()).isEqualTo(report.segments() - 1);
            assertThat(report.scannedSegments()).isEqualTo(1);
            assertThat(report.summary()).contains("not closed cleanly", "2 findings");
            assertThat(report.findings(RecoveryReport.TornTail.class))
                    .singleElement()
                    .satisfies(t -> assertThat(t.segment()).isEqualTo(writing));
            assertThat(ids(journal)).isEqualTo(oneTo(RECORDS - 1));
            assertThat(SegmentSeals.pathFor(writing))
                    .as("truncated this open: sealed by the next")
                    .doesNotExist();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("journal.lock")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
