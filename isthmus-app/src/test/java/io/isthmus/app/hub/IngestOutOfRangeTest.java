package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.console.LatestValues;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.model.EventKind;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.JournalId;
import io.isthmus.store.duckdb.DuckDbHistorians;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample batch the journal codec accepts but whose source times the historian cannot store (an
 * edge clock at {@link Instant#MIN}): the batch is stored without those samples and acknowledged,
 * and the refused samples are counted, logged and reported, not lost silently.
 */
class IngestOutOfRangeTest {
    static final TagPath TAG = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");
    static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    private static JournalRecord record(long seq, Sample... samples) {
        return new JournalRecord(
                seq,
                RecordType.SAMPLE_BATCH,
                T0,
                SampleBatchCodec.withDefaults().encode(List.of(samples)));
    }

    @Test
    void aSampleAtInstantMinIsCountedAndReportedWhileTheRestOfTheBatchIsStoredAndAcknowledged(@TempDir Path dir)
            throws Exception {
        try (var historian = DuckDbHistorians.open(HistorianConfig.create(dir))) {
            var events = new EventLog();
            var latest = new LatestValues();
            var ingest = new Ingest(historian, latest, events, Set.of(), 8 * 1024 * 1024);
            List<JournalRecord> batch = List.of(
                    record(1, Sample.good(TAG, Instant.MIN, Value.of(1.0)), Sample.good(TAG, T0, Value.of(2.0))),
                    record(2, Sample.good(TAG, T0.plusSeconds(1), Value.of(3.0))),
                    record(3, Sample.good(TAG, Instant.MAX, Value.of(4.0))));

            Ingest.Accepted first = ingest.store("edge-a", batch, 0);
            assertThat(first.samplesStored()).isEqualTo(2);
            assertThat(first.samplesRefused()).isEqualTo(2);
            assertThat(first.contiguousThrough()).isEqualTo(3); // acknowledged: the edge moves on
            assertThat(ingest.samplesOutOfRange()).isEqualTo(2);
            assertThat(historian.range(TAG, Instant.MIN, Instant.MAX, 10).samples())
                    .extracting(s -> s.value().asDouble())
                    .containsExactly(2.0, 3.0);
            assertThat(latest.get(TAG).orElseThrow().sourceTime()).isEqualTo(T0.plusSeconds(1));
            var losses = events.newest(10).stream()
                    .filter(r -> r.event().kind() == EventKind.DATA_LOSS)
                    .toList();
            assertThat(losses).hasSize(1);
            assertThat(losses.getFirst().event().title()).contains("refused 2 sample(s) of edge-a");
            assertThat(losses.getFirst().event().evidence().toString()).contains("samples");

            Ingest.Accepted retry = ingest.store("edge-a", batch, 0);
            assertThat(retry.duplicates()).isEqualTo(3);
            assertThat(retry.samplesRefused()).isZero();
            assertThat(ingest.samplesOutOfRange()).isEqualTo(2);
            assertThat(historian.journalPosition(JournalId.of("edge-a"))).hasValue(3);
        }
    }
}
