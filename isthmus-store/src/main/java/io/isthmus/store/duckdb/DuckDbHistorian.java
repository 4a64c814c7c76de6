package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.AppendResult;
import io.isthmus.store.ExportQuery;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.HistorianException;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.RangeQuery;
import io.isthmus.store.RangeResult;
import io.isthmus.store.RetentionResult;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.duckdb.DuckDBConnection;

/**
 * The embedded historian on DuckDB: one database file {@code historian.duckdb} in the configured
 * directory (chosen over QuestDB and SQLite by measurement, see {@code docs/historian.md}).
 *
 * <p>Threads: appends and retention one at a time, reads in parallel with them, see {@link
 * HistorianGuard}.
 *
 * <p>DuckDB ships as a JNI library inside its jar and unpacks it to {@code java.io.tmpdir} on first
 * use: that directory must be writable and not mounted {@code noexec}. Run with {@code
 * --enable-native-access=ALL-UNNAMED} on JDK 24 and later.
 */
public final class DuckDbHistorian implements Historian {
    static final String FILE_NAME = HistorianGuard.FILE_NAME;

    private final HistorianConfig config;
    private final DuckDBConnection writer;
    private final TagDirectory tags;
    private final Journals journals;
    private final SampleWriter sampleWriter;
    private final Aggregator aggregator;
    private final HistorianGuard guard;

    private DuckDbHistorian(HistorianConfig config, Runnable beforeCommit) throws SQLException, IOException {
        this.config = config;
        writer = HistorianGuard.connect(config);
        try {
            Schema.create(writer);
            tags = TagDirectory.load(writer);
            journals = Journals.load(writer);
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
        sampleWriter = new SampleWriter(writer, tags, beforeCommit);
        aggregator = new Aggregator(tags, Micros.capped(config.maxHold()));
        guard = new HistorianGuard(config, writer);
    }

    /** Opens (or creates) the historian in {@code config.dir()}. */
    public static DuckDbHistorian open(HistorianConfig config) {
        return open(config, () -> {});
    }

    /** For tests: {@code beforeCommit} runs inside every append transaction, just before its commit. */
    static DuckDbHistorian open(HistorianConfig config, Runnable beforeCommit) {
        try {
            return new DuckDbHistorian(config, beforeCommit);
        } catch (SQLException | IOException e) {
            throw new HistorianException("cannot open the historian in " + config.dir() + ": " + e.getMessage(), e);
        }
    }

    public HistorianConfig config() {
        return config;
    }

    @Override
    public AppendResult append(List<Sample> samples) {
        AppendPlan plan = AppendPlan.of(List.copyOf(samples));
        return guard.writing(() -> {
            if (!plan.samples().isEmpty()) {
                sampleWriter.write(plan.samples(), Optional.empty());
            }
            return plan.plainResult();
        });
    }

    @Override
    public AppendResult append(JournalBatch batch) {
        return guard.writing(() -> {
            AppendPlan plan = AppendPlan.of(batch, journals.progress(batch.journal()));
            if (!plan.changesNothing()) {
                sampleWriter.write(plan.samples(), Optional.of(new SampleWriter.Mark(batch.journal(), plan.after())));
                journals.advance(batch.journal(), plan.after());
            }
            return plan.journalResult();
        });
    }

    @Override
    public JournalProgress journalProgress(JournalId journal) {
        return guard.open(() -> journals.progress(journal).orElse(JournalProgress.NONE));
    }

    @Override
    public OptionalLong journalPosition(JournalId journal) {
        return guard.open(() -> journals.position(journal));
    }

    @Override
    public Optional<Sample> latest(TagPath tag) {
        return guard.open(() -> tags.state(tag).map(TagState::latest));
    }

    @Override
    public List<Sample> latest(TagPrefix prefix) {
        return guard.open(() -> tags.latestUnder(prefix));
    }

    @Override
    public RangeResult range(RangeQuery query) {
        QueryLimits.checkRange(query, config);
        Optional<Integer> id = tags.id(query.tag());
        if (id.isEmpty()) {
            return guard.open(() -> new RangeResult(List.of(), false));
        }
        return guard.reading(conn -> RawReader.range(conn, id.get(), query));
    }

    @Override
    public List<AggregateSeries> aggregate(AggregateQuery query) {
        int buckets = QueryLimits.buckets(query, config);
        return guard.reading(conn -> aggregator.run(conn, query, buckets));
    }

    @Override
    public List<TagInfo> tags() {
        return guard.open(tags::infos);
    }

    @Override
    public RetentionResult enforceRetention(Instant now) {
        return guard.writing(() -> Retention.enforce(writer, tags, Retention.cutoff(now, config.retention())));
    }

    @Override
    public long exportCsv(ExportQuery query, Writer out) {
        return guard.reading(conn -> {
            try {
                return Exporter.csv(conn, query, tags.idsUnder(query.tags()), out);
            } catch (IOException e) {
                throw new UncheckedIOException("CSV export failed while writing: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public long exportParquet(ExportQuery query, Path file) {
        return guard.reading(conn -> Exporter.parquet(conn, query, tags.idsUnder(query.tags()), file));
    }

    @Override
    public void close() {
        guard.close(() -> {
            sampleWriter.close();
            return null;
        });
    }
}
