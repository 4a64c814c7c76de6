package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumerCursorTest {
    @TempDir
    Path dir;

    private static void append(Journal journal, int count) {
        for (int i = 0; i < count; i++) {
            journal.append(RecordType.OPAQUE, payload(i));
        }
    }

    @Test
    void a_new_consumer_starts_before_the_oldest_record_and_its_commits_survive_reopening() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            append(journal, 10);
            ConsumerCursor diode = journal.consumer("diode");

            assertThat(diode.committed()).isZero();
            assertThat(diode.reader().next()).map(JournalRecord::sequence).contains(1L);

            diode.commit(7);
        }
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThat(journal.consumers()).containsExactly("diode");
            assertThat(journal.consumer("diode").committed()).isEqualTo(7);
            assertThat(journal.consumer("diode").reader().next())
                    .map(JournalRecord::sequence)
                    .contains(8L);
        }
    }

    @Test
    void commits_only_move_forward_and_only_over_acknowledged_records() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            append(journal, 5);
            ConsumerCursor historian = journal.consumer("historian");
            historian.commit(3);
            historian.commit(3);

            assertThatThrownBy(() -> historian.commit(2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already committed 3");
            assertThatThrownBy(() -> historian.commit(6))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("newest acknowledged record is 5");
            assertThat(historian.committed()).isEqualTo(3);
        }
    }

    @Test
    void retention_deletes_a_segment_once_every_consumer_has_committed_it_but_never_the_newest() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            ConsumerCursor diode = journal.consumer("diode");
            ConsumerCursor historian = journal.consumer("historian");
            append(journal, 400);
            int segments = journal.stats().segments();
            assertThat(segments).isGreaterThan(3);

            diode.commit(400);
            assertThat(journal.stats().segments()).as("historian still behind").isEqualTo(segments);

            historian.commit(400);
            assertThat(journal.stats().segments()).isEqualTo(1);
            assertThat(journal.firstSequence()).isPositive();
            assertThat(journal.stats().droppedRecords()).isZero();
        }
    }

    @Test
    void retention_keeps_every_segment_with_a_record_some_consumer_has_not_committed() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            ConsumerCursor diode = journal.consumer("diode");
            append(journal, 400);
            long first = journal.firstSequence();

            diode.commit(150);

            assertThat(journal.firstSequence()).isGreaterThan(first).isLessThanOrEqualTo(151);
            assertThat(diode.reader().next()).map(JournalRecord::sequence).contains(151L);
        }
    }

    @Test
    void removing_a_stalled_consumer_lets_retention_go_on() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            ConsumerCursor diode = journal.consumer("diode");
            journal.consumer("stalled");
            append(journal, 400);
            diode.commit(400);
            int before = journal.stats().segments();

            assertThat(journal.removeConsumer("stalled")).isTrue();

            assertThat(journal.stats().segments()).isLessThan(before).isEqualTo(1);
            assertThat(journal.consumers()).containsExactly("diode");
            assertThat(journal.removeConsumer("stalled")).isFalse();
        }
    }

    @Test
    void a_reader_whose_segment_is_deleted_under_it_continues_at_the_next_retained_record() {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            ConsumerCursor diode = journal.consumer("diode");
            append(journal, 400);
            JournalReader slow = journal.read(1);
            slow.next();

            diode.commit(300);

            assertThat(slow.next())
                    .map(JournalRecord::sequence)
                    .hasValueSatisfying(s -> assertThat(s).isGreaterThan(2).isEqualTo(journal.firstSequence()));
            slow.close();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Diode",
                "-x",
                "a b",
                "../up",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void consumer_names_are_short_lower_case_words(String name) {
        try (Journal journal = Journal.open(small(dir, b -> {}))) {
            assertThatThrownBy(() -> journal.consumer(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("consumer name");
        }
    }

    @Test
    void the_number_of_consumers_is_bounded() {
        try (Journal journal = Journal.open(small(dir, b -> b.maxConsumers(2)))) {
            journal.consumer("a");
            journal.consumer("b");
            journal.consumer("a");

            assertThatThrownBy(() -> journal.consumer("c"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("maxConsumers 2");
        }
    }
}
