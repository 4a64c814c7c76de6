package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.console.LatestValues;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.model.EventKind;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.duckdb.DuckDbHistorians;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal with more never-filled gaps than the historian keeps: the oldest are given up, loudly. */
class IngestGivenUpTest {

    private static List<JournalRecord> ids(long from, long to, long step) {
        List<JournalRecord> out = new ArrayList<>();
        for (long id = from; id <= to; id += step) {
            out.add(new JournalRecord(id, RecordType.OPAQUE, Instant.EPOCH, new byte[0]));
        }
        return out;
    }

    @Test
    void theGapsBeyondTheLimitBecomeDataLossEventsAndIngestGoesOn(@TempDir Path dir) throws Exception {
        try (var historian = DuckDbHistorians.open(HistorianConfig.create(dir))) {
            var events = new EventLog();
            var ingest = new Ingest(historian, new LatestValues(), events, Set.of(), 8 * 1024 * 1024);
            int max = JournalProgress.MAX_SPANS;

            // ids 2, 4, ..., 2 * (max + 1): one span more than kept, as a lossy diode link nobody replays makes them
            ingest.store("site-a", ids(2, 2L * (max + 1), 2), 0);
            ingest.store("site-a", ids(2L * (max + 2), 2L * (max + 2), 1), 0);

            JournalProgress p = historian.journalProgress(JournalId.of("site-a"));
            assertThat(p.above()).hasSize(max);
            assertThat(p.contiguousThrough()).isEqualTo(4); // ids 1 and 3 given up, 2 and 4 stored
            assertThat(ingest.givenUpRecords()).isEqualTo(2);
            var losses = events.newest(10).stream()
                    .filter(r -> r.event().kind() == EventKind.DATA_LOSS)
                    .toList();
            assertThat(losses).hasSize(2);
            assertThat(losses.get(0).event().evidence().toString()).contains("3..3");
            assertThat(losses.get(1).event().evidence().toString()).contains("1..1");
            assertThat(losses).allSatisfy(r -> assertThat(r.edge()).isEqualTo("hub"));
        }
    }
}
