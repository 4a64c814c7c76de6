package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static io.isthmus.connect.journal.Journals.readAll;
import static io.isthmus.connect.journal.Journals.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full journal never loses a record silently: every drop and refusal is counted and raised. */
class FullJournalTest {
    private static final long THREE_SEGMENTS = 3 * 4096;

    @TempDir
    Path dir;

    private final Journals.Events events = new Journals.Events();

    private static long fact(Event e, String name) {
        return Long.parseLong(e.evidence().fact(name).orElseThrow());
    }

    @Test
    void drop_oldest_keeps_the_newest_records_and_counts_and_raises_every_dropped_one() {
        try (Journal journal = Journal.open(
                small(dir, b -> b.maxTotalBytes(THREE_SEGMENTS).whenFull(FullPolicy.DROP_OLDEST)), events)) {
            ConsumerCursor diode = journal.consumer("diode");
            for (int i = 1; i <= 1000; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }

            var stats = journal.stats();
            List<JournalRecord> retained = readAll(journal, diode.committed() + 1);
            List<Event> losses = events.ofKind(EventKind.DATA_LOSS);

            assertThat(stats.totalBytes()).isLessThanOrEqualTo(THREE_SEGMENTS);
            assertThat(stats.segments()).isLessThanOrEqualTo(3);
            assertThat(retained.getLast().sequence()).isEqualTo(1000);
            assertThat(stats.droppedRecords() + retained.size()).isEqualTo(1000);
            assertThat(retained.getFirst().sequence()).isEqualTo(stats.droppedRecords() + 1);
            assertThat(losses).isNotEmpty().allSatisfy(e -> {
                assertThat(e.severity()).isEqualTo(Severity.HIGH);
                assertThat(e.evidence().fact("cause")).contains("DROPPED_OLDEST");
                assertThat(e.evidence().fact("consumers_behind")).contains("diode");
            });
            assertThat(losses.stream().mapToLong(e -> fact(e, "records")).sum()).isEqualTo(stats.droppedRecords());
            assertThat(fact(losses.getFirst(), "first_sequence")).isEqualTo(1);
            for (int i = 1; i < losses.size(); i++) {
                assertThat(fact(losses.get(i), "first_sequence"))
                        .isEqualTo(fact(losses.get(i - 1), "last_sequence") + 1);
            }
            assertThat(stats.recentLosses()).allMatch(l -> l.cause() == LossCause.DROPPED_OLDEST);
        }
    }

    @Test
    void drop_oldest_counts_only_records_some_consumer_had_not_committed() {
        try (Journal journal = Journal.open(small(dir, b -> b.maxTotalBytes(THREE_SEGMENTS)), events)) {
            ConsumerCursor historian = journal.consumer("historian");
            for (int i = 1; i <= 200; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }
            historian.commit(50);
            for (int i = 201; i <= 400; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }

            Event first = events.ofKind(EventKind.DATA_LOSS).getFirst();

            assertThat(fact(first, "first_sequence")).isEqualTo(51);
        }
    }

    @Test
    void reject_new_refuses_records_without_using_ids_and_reports_the_episode() {
        try (Journal journal = Journal.open(
                small(dir, b -> b.maxTotalBytes(THREE_SEGMENTS).whenFull(FullPolicy.REJECT_NEW)), events)) {
            ConsumerCursor historian = journal.consumer("historian");
            long last = 0;
            int refused = 0;
            for (int i = 1; i <= 1000; i++) {
                try {
                    last = journal.append(RecordType.OPAQUE, payload(i));
                } catch (JournalFullException e) {
                    refused++;
                    assertThat(e.rejectedRecords()).isEqualTo(refused);
                }
            }

            assertThat(refused).isPositive();
            assertThat(last).isEqualTo(1000 - refused);
            assertThat(readAll(journal, 1))
                    .hasSize((int) last)
                    .first()
                    .satisfies(r -> assertThat(r.sequence()).isEqualTo(1));
            assertThat(journal.stats().rejectedRecords()).isEqualTo(refused);
            assertThat(events.ofKind(EventKind.DATA_LOSS)).singleElement().satisfies(e -> {
                assertThat(e.title()).contains("rejecting");
                assertThat(e.evidence().fact("cause")).contains("REJECTED_NEW");
            });

            int rejected = refused;
            historian.commit(last);
            long next = journal.append(RecordType.OPAQUE, payload(1001));

            assertThat(next).isEqualTo(last + 1);
            assertThat(events.ofKind(EventKind.DATA_LOSS)).hasSize(2).last().satisfies(e -> {
                assertThat(e.title()).contains("after rejecting " + rejected);
                assertThat(fact(e, "records")).isEqualTo(rejected);
            });
            assertThat(journal.stats().recentLosses()).singleElement().satisfies(l -> {
                assertThat(l.cause()).isEqualTo(LossCause.REJECTED_NEW);
                assertThat(l.records()).isEqualTo(rejected);
                assertThat(l.range()).isEmpty();
            });
        }
    }

    @Test
    void reject_new_also_applies_to_the_segment_count() {
        try (Journal journal =
                Journal.open(small(dir, b -> b.maxSegments(2).whenFull(FullPolicy.REJECT_NEW)), events)) {
            assertThatThrownBy(() -> {
                        for (int i = 1; i <= 1000; i++) {
                            journal.append(RecordType.OPAQUE, payload(i));
                        }
                    })
                    .isInstanceOf(JournalFullException.class)
                    .hasMessageContaining("2 of 2 segments");
            assertThat(journal.stats().segments()).isEqualTo(2);
        }
    }

    @Test
    void a_listener_that_throws_costs_only_its_own_event() {
        try (Journal journal = Journal.open(small(dir, b -> b.maxTotalBytes(THREE_SEGMENTS)), e -> {
            throw new IllegalStateException("listener broken");
        })) {
            for (int i = 1; i <= 1000; i++) {
                journal.append(RecordType.OPAQUE, payload(i));
            }

            assertThat(journal.stats().listenerFailures()).isPositive();
            assertThat(journal.stats().droppedRecords()).isPositive();
        }
    }
}
