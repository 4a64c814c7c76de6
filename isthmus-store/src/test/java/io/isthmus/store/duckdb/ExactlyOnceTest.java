package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Sample;
import io.isthmus.store.AppendResult;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceTest {
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

    private static List<Double> stored(DuckDbHistorian h) {
        return h.range(CURRENT, at(0), at(1000), 1000).samples().stream()
                .map(s -> s.value().asDouble())
                .toList();
    }

    @Test
    void aRedeliveredBatchIsSkippedAsAWhole() {
        try (DuckDbHistorian h = Fixtures.open(dir)) {
            assertThat(h.journalPosition(EDGE_A)).isEmpty();
            assertThat(h.append(batch(EDGE_A, 1, 2, 3))).isEqualTo(new AppendResult(3, 0, OptionalLong.of(3)));
            assertThat(h.append(batch(EDGE_A, 1, 2, 3))).isEqualTo(new AppendResult(0, 3, OptionalLong.of(3)));
            assertThat(stored(h)).containsExactly(1.0, 2.0, 3.0);
        }
    }

    @Test
    void anOverlappingBatchStoresOnlyTheRecordsAboveTheMark() {
        try (DuckDbHistorian h = Fixtures.open(dir)) {
            h.append(batch(EDGE_A, 1, 2, 3));
            assertThat(h.append(batch(EDGE_A, 2, 3, 4, 5))).isEqualTo(new AppendResult(2, 2, OptionalLong.of(5)));
            assertThat(h.append(EDGE_A, 5, List.of(real(CURRENT, 999, 0))).recordsSkipped())
                    .isEqualTo(1);
            assertThat(stored(h)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
            assertThat(h.journalPosition(EDGE_A)).hasValue(5);
        }
    }

    @Test
    void gapsInTheSequenceAreAcceptedAndJournalsAreIndependent() {
        try (DuckDbHistorian h = Fixtures.open(dir)) {
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
        try (DuckDbHistorian h = Fixtures.open(dir)) {
            h.append(batch(EDGE_A, 1, 2));
        }
        try (DuckDbHistorian h = Fixtures.open(dir)) {
            assertThat(h.journalPosition(EDGE_A)).hasValue(2);
            assertThat(h.append(batch(EDGE_A, 1, 2, 3)).samplesStored()).isEqualTo(1);
        }
        try (DuckDbHistorian h = Fixtures.open(dir)) {
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
        try (DuckDbHistorian h = DuckDbHistorian.open(config, beforeCommit)) {
            assertThatThrownBy(() -> h.append(batch(EDGE_A, 1, 2))).hasMessageContaining("simulated");
            assertThat(h.journalPosition(EDGE_A)).isEmpty();
            assertThat(h.latest(CURRENT)).isEmpty();
            assertThat(h.tags()).isEmpty();
            assertThat(stored(h)).isEmpty();
            fail.set(false);
            h.append(List.of(real(OTHER_LINE, 1, 1)));
            assertThat(h.append(batch(EDGE_A, 1, 2)).samplesStored()).isEqualTo(2);
        }
        try (DuckDbHistorian h = Fixtures.open(dir)) {
            assertThat(stored(h)).containsExactly(1.0, 2.0);
            assertThat(h.journalPosition(EDGE_A)).hasValue(2);
            assertThat(h.latest(OTHER_LINE)).isPresent();
        }
    }

    @Test
    void aRecordWithoutSamplesStillMovesTheMark() {
        try (DuckDbHistorian h = Fixtures.open(dir)) {
            List<Sample> none = List.of();
            assertThat(h.append(EDGE_A, 7, none)).isEqualTo(new AppendResult(0, 0, OptionalLong.of(7)));
            assertThat(h.journalPosition(EDGE_A)).hasValue(7);
        }
    }
}
