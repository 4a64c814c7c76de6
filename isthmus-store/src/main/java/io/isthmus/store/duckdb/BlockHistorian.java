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
import io.isthmus.store.InvalidQueryException;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.JournalRecord;
import io.isthmus.store.RangeQuery;
import io.isthmus.store.RangeResult;
import io.isthmus.store.RetentionResult;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The embedded historian on DuckDB in the block layout (schema version 3, {@link BlockSchema}):
 * each tag's samples of an append as BLOBs of {@link BlockCodec}, the minute partials and the
 * journal mark as rows of the same table, written with one appender flush and one commit per
 * append; reads decode the blocks in Java. Same file name and behaviour as {@link DuckDbHistorian}
 * (row layout, schema version 1), whose files it refuses (see {@link BlockSchema#refusal}).
 *
 * <p>Threads: one writer connection used under {@link #writeLock}, so appends and retention run
 * one at a time, each as one transaction; every read runs on its own short-lived connection
 * duplicated from the same database, so reads run in parallel with each other and with the writer
 * and see only committed appends (DuckDB's MVCC). {@link #close()} waits for operations in flight.
 *
 * <p>DuckDB ships as a JNI library inside its jar and unpacks it to {@code java.io.tmpdir} on first
 * use: that directory must be writable and not mounted {@code noexec}. Run with {@code
 * --enable-native-access=ALL-UNNAMED} on JDK 24 and later.
 */
public final class BlockHistorian implements Historian {
    static final String FILE_NAME = DuckDbHistorian.FILE_NAME;

    private final HistorianConfig config;
    private final DuckDBConnection writer;
    private final TagDirectory tags;
    private final BlockJournals journals;
    private final BlockWriter blockWriter;
    private final BlockReader reader = new BlockReader();
    private final BlockAggregator aggregator;
    private final Lock writeLock = new ReentrantLock();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private BlockHistorian(HistorianConfig config, Runnable beforeCommit) throws SQLException, IOException {
        this.config = config;
        Files.createDirectories(config.dir());
        // The driver class directly, not DriverManager: a shaded jar that drops or fails to merge
        // META-INF/services/java.sql.Driver would otherwise find no driver.
        writer = (DuckDBConnection) new DuckDBDriver()
                .connect("jdbc:duckdb:" + config.dir().resolve(FILE_NAME).toAbsolutePath(), properties(config));
        long nextSeq;
        try {
            BlockSchema.create(writer);
            tags = BlockTags.load(writer, reader);
            journals = BlockJournals.load(writer);
            nextSeq = BlockTags.nextSeq(writer);
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
        blockWriter = new BlockWriter(writer, tags, journals, nextSeq, beforeCommit);
        aggregator = new BlockAggregator(tags, reader, Micros.of(config.maxHold()));
    }

    /** Opens (or creates) the historian in {@code config.dir()}. */
    public static BlockHistorian open(HistorianConfig config) {
        return open(config, () -> {});
    }

    /** For tests: {@code beforeCommit} runs inside every append transaction, just before its commit. */
    static BlockHistorian open(HistorianConfig config, Runnable beforeCommit) {
        try {
            return new BlockHistorian(config, beforeCommit);
        } catch (SQLException | IOException e) {
            throw new HistorianException("cannot open the historian in " + config.dir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * No extension is ever downloaded or loaded at run time (Parquet, JSON and ICU are built into
     * the JDBC driver): an OT-side product must not fetch code from the internet.
     */
    private static Properties properties(HistorianConfig config) {
        Properties p = new Properties();
        p.setProperty("threads", String.valueOf(config.threads()));
        p.setProperty("memory_limit", config.memoryLimitMiB() + "MiB");
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("allow_community_extensions", "false");
        return p;
    }

    public HistorianConfig config() {
        return config;
    }

    @Override
    public AppendResult append(List<Sample> samples) {
        List<Sample> copy = List.copyOf(samples);
        return writing(() -> {
            if (!copy.isEmpty()) {
                blockWriter.write(copy, Optional.empty(), JournalProgress.NONE);
            }
            return new AppendResult(copy.size(), 0, OptionalLong.empty());
        });
    }

    @Override
    public AppendResult append(JournalBatch batch) {
        return writing(() -> {
            Optional<JournalProgress> known = journals.progress(batch.journal());
            JournalProgress before = known.orElse(JournalProgress.NONE);
            JournalProgress after = before;
            List<Sample> fresh = new ArrayList<>();
            int skipped = 0;
            for (JournalRecord r : batch.records()) {
                if (after.contains(r.sequence())) {
                    skipped++;
                } else {
                    fresh.addAll(r.samples());
                    after = after.with(r.sequence());
                }
            }
            after = after.settledThrough(batch.settledThrough());
            if (known.isPresent() && after.equals(before)) {
                return new AppendResult(0, skipped, OptionalLong.of(before.highest()));
            }
            blockWriter.write(fresh, Optional.of(batch.journal()), after);
            return new AppendResult(fresh.size(), skipped, OptionalLong.of(after.highest()));
        });
    }

    @Override
    public JournalProgress journalProgress(JournalId journal) {
        return open(() -> journals.progress(journal).orElse(JournalProgress.NONE));
    }

    @Override
    public OptionalLong journalPosition(JournalId journal) {
        return open(() -> journals.position(journal));
    }

    @Override
    public Optional<Sample> latest(TagPath tag) {
        return open(() -> tags.state(tag).map(TagState::latest));
    }

    @Override
    public List<Sample> latest(TagPrefix prefix) {
        return open(() -> tags.statesByPath().stream()
                .map(TagState::latest)
                .filter(s -> prefix.matches(s.path()))
                .toList());
    }

    @Override
    public RangeResult range(RangeQuery query) {
        if (query.limit() > config.maxRangeSamples()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.TOO_MANY_POINTS,
                    "limit " + query.limit() + " is above the historian's maximum of " + config.maxRangeSamples());
        }
        Optional<Integer> id = tags.id(query.tag());
        if (id.isEmpty()) {
            return open(() -> new RangeResult(List.of(), false));
        }
        return reading(conn -> range(conn, id.get(), query));
    }

    @Override
    public List<AggregateSeries> aggregate(AggregateQuery query) {
        long buckets = query.bucketCount();
        long points = buckets * query.tags().size();
        if (buckets > Integer.MAX_VALUE || points > config.maxAggregatePoints()) {
            throw new InvalidQueryException(
                    InvalidQueryException.Problem.TOO_MANY_POINTS,
                    query.tags().size() + " tag(s) x " + buckets + " bucket(s) = " + points
                            + " points, above the historian's maximum of " + config.maxAggregatePoints()
                            + "; use a longer interval or a shorter range");
        }
        return reading(conn -> aggregator.run(conn, query, (int) buckets));
    }

    @Override
    public List<TagInfo> tags() {
        return open(() -> tags.statesByPath().stream()
                .map(s -> new TagInfo(tags.path(s.id()), Micros.instant(s.firstT()), Micros.instant(s.lastT())))
                .toList());
    }

    @Override
    public RetentionResult enforceRetention(Instant now) {
        return writing(() ->
                BlockRetention.enforce(writer, blockWriter, tags, journals, reader, now.minus(config.retention())));
    }

    @Override
    public long exportCsv(ExportQuery query, Writer out) {
        return reading(conn -> {
            try {
                return BlockExporter.csv(conn, reader, tags, query, tags.idsUnder(query.tags()), out);
            } catch (IOException e) {
                throw new UncheckedIOException("CSV export failed while writing: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public long exportParquet(ExportQuery query, Path file) {
        return reading(conn -> BlockExporter.parquet(conn, reader, tags, query, tags.idsUnder(query.tags()), file));
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            writer.close();
        } catch (SQLException e) {
            throw new HistorianException("closing the historian failed: " + e.getMessage(), e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private RangeResult range(DuckDBConnection conn, int id, RangeQuery q) throws SQLException {
        BlockColumns c = reader.read(
                conn,
                id,
                q.tag(),
                Micros.of(q.range().from()),
                Micros.of(q.range().to()),
                q.limit());
        int n = Math.min(c.size, q.limit());
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(c.sample(q.tag(), i));
        }
        return new RangeResult(out, c.size > q.limit());
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private interface SqlRead<T> {
        T run(DuckDBConnection conn) throws SQLException;
    }

    private <T> T open(Supplier<T> work) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return work.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private <T> T writing(SqlWork<T> work) {
        lifecycle.readLock().lock();
        writeLock.lock();
        try {
            ensureOpen();
            return work.run();
        } catch (SQLException e) {
            throw new HistorianException("historian write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
            lifecycle.readLock().unlock();
        }
    }

    private <T> T reading(SqlRead<T> work) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            try (DuckDBConnection conn = writer.duplicate()) {
                return work.run(conn);
            }
        } catch (SQLException e) {
            throw new HistorianException("historian query failed: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the historian in " + config.dir() + " is closed");
        }
    }
}
