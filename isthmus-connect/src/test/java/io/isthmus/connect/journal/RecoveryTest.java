package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.readAll;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.RecoveryReport.Corruption;
import io.isthmus.connect.journal.RecoveryReport.MissingTail;
import io.isthmus.connect.journal.RecoveryReport.TornTail;
import io.isthmus.connect.journal.RecoveryReport.UncleanShutdown;
import io.isthmus.connect.journal.RecoveryReport.UnreadableSegment;
import io.isthmus.model.EventKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What open finds after crashes and damage, and what it reports. */
class RecoveryTest {
    private static final int RECORDS = 5;
    /** Payloads of 8 bytes ("record-N"): every record is 33 bytes, the last starts at 32 + 4 * 33. */
    private static final long LAST_RECORD_AT = SegmentHeader.SIZE + (RECORDS - 1) * RecordFormat.size(8);

    private static final long LAST_RECORD_END = LAST_RECORD_AT + RecordFormat.size(8);

    @TempDir
    Path dir;

    private final Journals.Events events = new Journals.Events();

    private Path writeFiveRecords() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= RECORDS; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        }
        return Journals.segmentFiles(dir).getFirst();
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x40);
        }
    }

    static Stream<Long> everyByteOfTheLastRecord() {
        return IntStream.range(0, RecordFormat.size(8)).mapToObj(i -> LAST_RECORD_AT + i);
    }

    @ParameterizedTest(name = "segment cut at byte {0}")
    @MethodSource("everyByteOfTheLastRecord")
    void a_last_record_cut_at_any_byte_is_truncated_reported_and_its_id_never_reused(long cut) throws IOException {
        Path segment = writeFiveRecords();
        assertThat(Files.size(segment)).isEqualTo(LAST_RECORD_END);
        truncate(segment, cut);

        try (Journal journal = Journal.open(small(dir, b -> {}), events)) {
            var report = journal.recoveryReport();

            if (cut > LAST_RECORD_AT) {
                assertThat(report.findings(TornTail.class))
                        .containsExactly(
                                new TornTail(segment, LAST_RECORD_AT, cut - LAST_RECORD_AT, FrameError.TRUNCATED, 4));
            } else {
                assertThat(report.findings(TornTail.class)).isEmpty();
            }
            assertThat(Files.size(segment)).isEqualTo(LAST_RECORD_AT);
            assertThat(report.findings(MissingTail.class)).containsExactly(new MissingTail(SequenceRange.of(5)));
            assertThat(readAll(journal, 1)).extracting(JournalRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(journal.append(RecordType.OPAQUE, payload(6))).isEqualTo(6);
            assertThat(events.ofKind(EventKind.DATA_LOSS))
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.evidence().fact("last_sequence")).contains("5"));
            assertThat(journal.stats().corruptRecords()).isEqualTo(1);
        }
    }

    @Test
    void a_torn_record_of_a_crashed_run_is_truncated_without_loss_and_ids_skip_the_reservation() throws IOException {
        Path crashed = crashImage(journal -> {
            for (int i = 1; i <= RECORDS; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        });
        Path segment = Journals.segmentFiles(crashed).getFirst();
        truncate(segment, LAST_RECORD_END - 1);

        try (Journal journal = Journal.open(small(crashed, b -> b.sequenceReservation(1000)), events)) {
            var report = journal.recoveryReport();

            assertThat(report.cleanShutdown()).isFalse();
            assertThat(report.findings())
                    .containsExactly(
                            new TornTail(segment, LAST_RECORD_AT, RecordFormat.size(8) - 1, FrameError.TRUNCATED, 4),
                            new UncleanShutdown(4, 1001));
            assertThat(report.dataMayBeLost()).isFalse();
            assertThat(events.ofKind(EventKind.DATA_LOSS)).isEmpty();
            assertThat(events.ofKind(EventKind.SYSTEM)).hasSize(2);
            assertThat(journal.append(RecordType.OPAQUE, payload(6))).isEqualTo(1001);
        }
    }

    @Test
    void a_corrupt_record_in_the_middle_is_reported_kept_on_disk_and_skipped_by_readers() throws IOException {
        Path segment = writeFiveRecords();
        long thirdAt = SegmentHeader.SIZE + 2L * RecordFormat.size(8);
        flip(segment, thirdAt + RecordFormat.HEADER_BYTES + 2);

        try (Journal journal = Journal.open(small(dir, b -> {}), events)) {
            var report = journal.recoveryReport();

            assertThat(report.findings())
                    .containsExactly(
                            new Corruption(segment, thirdAt, RecordFormat.size(8), FrameError.CHECKSUM_MISMATCH, 2, 4));
            assertThat(report.findings(Corruption.class).getFirst().lost()).contains(SequenceRange.of(3));
            assertThat(Files.size(segment)).isEqualTo(LAST_RECORD_END);
            assertThat(readAll(journal, 1)).extracting(JournalRecord::sequence).containsExactly(1L, 2L, 4L, 5L);
            assertThat(readAll(journal, 3)).extracting(JournalRecord::sequence).containsExactly(4L, 5L);
            assertThat(events.ofKind(EventKind.DATA_LOSS)).singleElement().satisfies(e -> {
                assertThat(e.title()).contains("ids 3");
                assertThat(e.evidence().fact("error")).contains("CHECKSUM_MISMATCH");
            });
            assertThat(journal.append(RecordType.OPAQUE, payload(6))).isEqualTo(6);
        }
        try (Journal again = Journal.open(small(dir, b -> {}))) {
            assertThat(again.recoveryReport().findings(Corruption.class)).hasSize(1);
        }
    }

    @Test
    void a_corrupt_length_field_in_the_middle_is_damage_not_a_tail() throws IOException {
        Path segment = writeFiveRecords();
        long secondAt = SegmentHeader.SIZE + RecordFormat.size(8);
        flip(segment, secondAt);

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings(Corruption.class))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.offset()).isEqualTo(secondAt);
                        assertThat(c.lost()).contains(SequenceRange.of(2));
                    });
            assertThat(journal.recoveryReport().findings(TornTail.class)).isEmpty();
            assertThat(readAll(journal, 1)).extracting(JournalRecord::sequence).containsExactly(1L, 3L, 4L, 5L);
        }
    }

    @Test
    void damage_at_the_end_of_an_older_segment_is_corruption_up_to_the_next_segment() throws IOException {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= 300; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        }
        Path first = Journals.segmentFiles(dir).get(0);
        long secondFirst = Segment.parseName(
                        Journals.segmentFiles(dir).get(1).getFileName().toString())
                .getAsLong();
        long size = Files.size(first);
        truncate(first, size - 5);

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            var corruption = journal.recoveryReport().findings(Corruption.class);

            assertThat(corruption).singleElement().satisfies(c -> {
                assertThat(c.segment()).isEqualTo(first);
                assertThat(c.nextGoodSequence()).isEqualTo(secondFirst);
                assertThat(c.lost()).contains(SequenceRange.of(secondFirst - 1));
            });
            assertThat(Files.size(first)).as("kept as evidence").isEqualTo(size - 5);
            assertThat(readAll(journal, 1)).hasSize(299);
        }
    }

    @Test
    void a_middle_segment_with_a_bad_header_is_unreadable_and_its_ids_reported() throws IOException {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            for (int i = 1; i <= 400; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        }
        List<Path> files = Journals.segmentFiles(dir);
        long secondFirst =
                Segment.parseName(files.get(1).getFileName().toString()).getAsLong();
        long thirdFirst =
                Segment.parseName(files.get(2).getFileName().toString()).getAsLong();
        flip(files.get(1), 3);

        try (Journal journal = Journal.open(small(dir, b -> {}), events)) {
            assertThat(journal.recoveryReport().findings(UnreadableSegment.class))
                    .containsExactly(new UnreadableSegment(
                            files.get(1),
                            HeaderError.BAD_MAGIC,
                            Files.size(files.get(1)),
                            Optional.of(new SequenceRange(secondFirst, thirdFirst - 1))));
            assertThat(readAll(journal, 1)).hasSize((int) (400 - (thirdFirst - secondFirst)));
            assertThat(events.ofKind(EventKind.DATA_LOSS)).hasSize(1);
            var report = journal.recoveryReport();
            assertThat(report.sealedSegments() + report.scannedSegments())
                    .as("every segment file, the unreadable one too")
                    .isEqualTo(files.size());
            assertThat(report.scannedSegments())
                    .as("the one whose header no longer matches its seal, and the last")
                    .isEqualTo(2);
        }
    }

    @Test
    void a_last_segment_cut_inside_its_header_is_removed_and_reported() throws IOException {
        writeFiveRecords();
        Path torn = dir.resolve("segments").resolve(Segment.fileName(6));
        Files.write(torn, new byte[] {'I', 'S', 'T'});

        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings(TornTail.class))
                    .containsExactly(new TornTail(torn, 0, 3, FrameError.TRUNCATED, 5));
            assertThat(torn).doesNotExist();
            assertThat(journal.append(RecordType.OPAQUE, payload(6))).isEqualTo(6);
        }
    }

    /** Copies the files of an open journal: what a machine that stopped at that instant would leave. */
    private Path crashImage(java.util.function.Consumer<Journal> work) throws IOException {
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        try (Journal journal = Journal.open(small(live, b -> b.sequenceReservation(1000)))) {
            work.accept(journal);
            copyTree(live, image);
        }
        return image;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void after_a_crash_ids_continue_above_the_reservation_even_when_written_records_are_gone() throws IOException {
        Path crashed = crashImage(journal -> {
            for (int i = 1; i <= 10; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
        });
        for (Path segment : Journals.segmentFiles(crashed)) {
            Files.delete(segment);
        }

        try (Journal journal = Journal.open(small(crashed, b -> {}))) {
            assertThat(journal.recoveryReport().findings()).containsExactly(new UncleanShutdown(0, 1001));
            assertThat(journal.append(RecordType.OPAQUE, payload(11))).isEqualTo(1001);
        }
    }

    @Test
    void a_damaged_state_file_stops_open_and_names_the_file() throws IOException {
        writeFiveRecords();
        flip(dir.resolve("journal.state"), 20);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Journal.open(small(dir, b -> {})))
                .isInstanceOf(JournalCorruptionException.class)
                .hasMessageContaining("journal.state");
        Files.delete(dir.resolve("journal.state"));
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.recoveryReport().findings()).containsExactly(new UncleanShutdown(5, 6));
        }
    }
}
