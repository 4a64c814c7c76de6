package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Sample;
import io.isthmus.store.AppendResult;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.JournalRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Layout.class)
class ExactlyOnceTest {
    @Parameter
    Layout layout;

    static final JournalId EDGE_A = JournalId.of("edge-a");
    static final JournalId EDGE_B = JournalId.of("edge-b");

    @TempDir
    Path dir;

    static JournalRecord record(long seq) {
        return new JournalRecord(seq, List.of(real(CURRENT, seq, seq)));
    }

    static JournalBatch batch(JournalId j, long... seqs) {
        return new JournalBatch(
                j,
                java.util.Arrays.stream(seqs).mapToObj(ExactlyOnceTest::record).toList());
    }

    private static List<Double> stored(Historian h) {
        return h.range(CURRENT, at(0), at(1000), 1000).samples().stream()
                .map(s -> s.value().asDouble())
                .toList();
    }

    @Test
    void aRedeliveredBatchIsSkippedAsAWhole() {
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.journalPosition(EDGE_A)).isEmpty();
            assertThat(h.append(batch(EDGE_A, 1, 2, 3))).isEqualTo(new AppendResult(3, 0, OptionalLong.of(3)));
            assertThat(h.append(batch(EDGE_A, 1, 2, 3))).isEqualTo(new AppendResult(0, 3, OptionalLong.of(3)));
            assertThat(stored(h)).containsExactly(1.0, 2.0, 3.0);
        }
    }

    @Test
    void anOverlappingBatchStoresOnlyTheRecordsAboveTheMark() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(batch(EDGE_A, 1, 2, 3));
            assertThat(h.append(batch(EDGE_A, 2, 3, 4, 5))).isEqualTo(new AppendResult(2, 2, OptionalLong.of(5)));
            assertThat(h.append(EDGE_A, 5, List.of(real(CURRENT, 999, 0))).recordsSkipped())
                    .isEqualTo(1);
            assertThat(stored(h)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
            assertThat(h.journalPosition(EDGE_A)).hasValue(5);
        }
    }

    @Test
    void liveRecordsSentAheadOfABacklogDoNotHideTheBacklog() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(batch(EDGE_A, 1, 2));
            // a forwarder reconnects with backlog 3..6 and live records from 7: live 7, 8 and backlog 3
            // arrive first, settled only through the backlog's position
            var first = new JournalBatch(EDGE_A, List.of(record(3), record(7), record(8)), 3);
            assertThat(h.append(first).samplesStored()).isEqualTo(3);
            assertThat(h.journalProgress(EDGE_A)).isEqualTo(JournalProgress.of(3, "7-8"));
            // the hub restarts here: the progress is durable
            h.close();
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.journalProgress(EDGE_A)).isEqualTo(JournalProgress.of(3, "7-8"));
            // redelivery of 7 after a lost acknowledgement, with the rest of the backlog
            var second = new JournalBatch(EDGE_A, List.of(record(4), record(5), record(6), record(7)), 8);
            assertThat(h.append(second)).isEqualTo(new AppendResult(3, 1, OptionalLong.of(8)));
            assertThat(h.journalProgress(EDGE_A)).isEqualTo(new JournalProgress(8, List.of()));
            assertThat(stored(h)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
        }
    }

    @Test
    void progressFoldsSpansAndRejectsOverlaps() {
        var p = JournalProgress.NONE.with(5).with(7).with(6);
        assertThat(p).isEqualTo(JournalProgress.of(-1, "5-7"));
        assertThat(JournalProgress.NONE.contains(0))
                .as("sequence 0 is a sequence like any")
                .isFalse();
        assertThat(p.with(1).settledThrough(4)).isEqualTo(new JournalProgress(7, List.of()));
        assertThat(JournalProgress.of(2, "4-4,9-12").aboveText()).isEqualTo("4-4,9-12");
        assertThatThrownBy(() -> JournalProgress.of(2, "3-4")).hasMessageContaining("must start above 3");
        assertThatThrownBy(() -> JournalProgress.of(2, "5-9,8-10")).hasMessageContaining("must start above 10");
    }

    @Test
    void gapsInTheSequenceAreAcceptedAndJournalsAreIndependent() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(batch(EDGE_A, 10));
            h.append(batch(EDGE_A, 20));
            h.append(batch(EDGE_B, 15));
            assertThat(h.journalPosition(EDGE_A)).hasValue(20);
            assertThat(h.journalPosition(EDGE_B)).hasValue(15);
            assertThat(h.append(batch(EDGE_B, 16)).samplesStored()).isEqualTo(1);
        }
    }

    @Test
    void theMarkSurvivesAReopenSoARedeliveryAfterARestartIsStillSkipped() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(batch(EDGE_A, 1, 2));
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.journalPosition(EDGE_A)).hasValue(2);
            assertThat(h.append(batch(EDGE_A, 1, 2, 3)).samplesStored()).isEqualTo(1);
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(stored(h)).containsExactly(1.0, 2.0, 3.0);
            assertThat(h.journalPosition(EDGE_A)).hasValue(3);
        }
    }

    @Test
    void anAppendThatFailsBeforeCommitStoresNeitherSamplesNorMark() {
        AtomicBoolean fail = new AtomicBoolean(true);
        Runnable beforeCommit = () -> {
            if (fail.get()) {
                throw new IllegalStateException("disk full (simulated)");
            }
        };
        HistorianConfig config = HistorianConfig.create(dir);
        try (Historian h = layout.open(config, beforeCommit)) {
            assertThatThrownBy(() -> h.append(batch(EDGE_A, 1, 2))).hasMessageContaining("simulated");
            assertThat(h.journalPosition(EDGE_A)).isEmpty();
            assertThat(h.latest(CURRENT)).isEmpty();
            assertThat(h.tags()).isEmpty();
            assertThat(stored(h)).isEmpty();
            fail.set(false);
            h.append(List.of(real(OTHER_LINE, 1, 1)));
            assertThat(h.append(batch(EDGE_A, 1, 2)).samplesStored()).isEqualTo(2);
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(stored(h)).containsExactly(1.0, 2.0);
            assertThat(h.journalPosition(EDGE_A)).hasValue(2);
            assertThat(h.latest(OTHER_LINE)).isPresent();
        }
    }

    @Test
    void aRecordWithoutSamplesStillMovesTheMark() {
        try (Historian h = Fixtures.open(layout, dir)) {
            List<Sample> none = List.of();
            assertThat(h.append(EDGE_A, 7, none)).isEqualTo(new AppendResult(0, 0, OptionalLong.of(7)));
            assertThat(h.journalPosition(EDGE_A)).hasValue(7);
        }
    }
}
