package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.Historian;
import io.isthmus.store.JournalId;
import io.isthmus.store.TagPrefix;
import io.isthmus.store.TimeRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Smoke test: appenders and readers in parallel; every append lands once, reads never fail. */
@ParameterizedClass
@EnumSource(Layout.class)
class ConcurrencyTest {
    @Parameter
    Layout layout;

    static final int WRITERS = 3;
    static final int BATCHES = 15;
    static final int PER_BATCH = 50;

    @TempDir
    Path dir;

    static TagPath tag(int writer) {
        return TagPath.parse("acme/plant1/bottling/line1/filler/motor/w" + writer);
    }

    @Test
    void parallelAppendersAndReadersSeeWholeAppendsOnly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Historian h = Fixtures.open(layout, dir)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                writers.add(pool.submit(() -> {
                    JournalId journal = JournalId.of("edge-" + id);
                    for (int b = 0; b < BATCHES; b++) {
                        List<Sample> batch = new ArrayList<>();
                        for (int i = 0; i < PER_BATCH; i++) {
                            batch.add(Sample.good(tag(id), at(b * PER_BATCH + i), Value.of((double) i)));
                        }
                        h.append(journal, b, batch);
                        h.append(journal, b, batch); // a redelivery, skipped
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads == 0) {
                        for (Sample s : h.latest(TagPrefix.ALL)) {
                            int n = h.range(s.path(), at(0), at(100_000), 100_000)
                                    .samples()
                                    .size();
                            // whole appends only: a multiple of the batch size
                            assertThat(n % PER_BATCH).isZero();
                        }
                        h.tags();
                        reads++;
                    }
                    return reads;
                }));
            }
            for (Future<?> f : writers) {
                f.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Integer> f : readers) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isPositive();
            }
            List<TagPath> tags = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                tags.add(tag(w));
                assertThat(h.journalPosition(JournalId.of("edge-" + w))).hasValue(BATCHES - 1);
            }
            List<AggregateSeries> counts = h.aggregate(new AggregateQuery(
                    tags,
                    new TimeRange(at(0), at(BATCHES * PER_BATCH)),
                    Duration.ofSeconds(BATCHES * PER_BATCH),
                    Set.of(Aggregate.COUNT)));
            assertThat(counts)
                    .allSatisfy(s -> assertThat(s.buckets().getFirst().count()).hasValue((long) BATCHES * PER_BATCH));
        } finally {
            pool.shutdownNow();
        }
    }
}
