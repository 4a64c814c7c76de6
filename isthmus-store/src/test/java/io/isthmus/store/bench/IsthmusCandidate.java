package io.isthmus.store.bench;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.Bucket;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.TimeRange;
import io.isthmus.store.duckdb.BlockHistorian;
import io.isthmus.store.duckdb.DuckDbHistorian;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.duckdb.DuckDBConnection;

/**
 * The chosen historian through its public API: {@link Sample} objects in, minute partials and tag
 * rows written with every append, the per-minute average answered from the partials.
 */
final class IsthmusCandidate implements Candidate {
    private final Historian historian;
    private final String name;
    private final List<TagPath> tags;

    /** {@code blocks}: {@link BlockHistorian} (schema version 3), else {@link DuckDbHistorian}. */
    IsthmusCandidate(Path dir, int tagCount, boolean blocks) {
        HistorianConfig config = HistorianConfig.create(dir);
        historian = blocks ? BlockHistorian.open(config) : DuckDbHistorian.open(config);
        name = blocks ? "isthmus BlockHistorian" : "isthmus DuckDbHistorian";
        tags = IntStream.range(0, tagCount)
                .mapToObj(i -> TagPath.parse("bench/site/area/line/cell/equipment/t" + i))
                .toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<?> engineClass() {
        return DuckDBConnection.class;
    }

    @Override
    public void ingest(BenchData.Batch b) {
        List<Sample> samples = new ArrayList<>(b.size);
        for (int i = 0; i < b.size; i++) {
            samples.add(Sample.good(tags.get(b.tag[i]), instant(b.tsMicros[i]), Value.of(b.value[i])));
        }
        historian.append(samples);
    }

    @Override
    public long averagePerMinute(long from, long to, double[] checksum) {
        return sum(aggregate(from, to, Aggregate.AVG), Aggregate.AVG, checksum);
    }

    @Override
    public long timeWeightedPerMinute(long from, long to, double[] checksum) {
        return sum(aggregate(from, to, Aggregate.TIME_WEIGHTED_AVG), Aggregate.TIME_WEIGHTED_AVG, checksum);
    }

    private List<AggregateSeries> aggregate(long from, long to, Aggregate a) {
        return historian.aggregate(
                new AggregateQuery(tags, new TimeRange(instant(from), instant(to)), Duration.ofMinutes(1), Set.of(a)));
    }

    private static long sum(List<AggregateSeries> series, Aggregate a, double[] checksum) {
        long n = 0;
        double sum = 0;
        for (AggregateSeries s : series) {
            for (Bucket b : s.buckets()) {
                if (b.value(a).isPresent()) {
                    sum += b.value(a).getAsDouble();
                    n++;
                }
            }
        }
        checksum[0] = sum;
        return n;
    }

    @Override
    public long rawRange(int tag, long from, long to) {
        return historian
                .range(tags.get(tag), instant(from), instant(to), 1_000_000)
                .samples()
                .size();
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    @Override
    public void close() {
        historian.close();
    }
}
