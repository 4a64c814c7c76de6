package io.isthmus.store.bench;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.griffin.engine.functions.bind.BindVariableServiceImpl;
import io.questdb.log.LogFactory;
import io.questdb.mp.WorkerPool;
import io.questdb.mp.WorkerPoolUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * QuestDB 9.3 embedded: a {@link CairoEngine} on a directory, a non-WAL table partitioned by day
 * written through {@link TableWriter} with a commit per batch, queries on the SQL engine with a
 * worker pool of {@code workers} threads for parallel group-by.
 */
final class QuestDbCandidate implements Candidate {
    private final CairoEngine engine;
    private final WorkerPool pool;
    private final int workers;
    private TableWriter writer;

    QuestDbCandidate(Path dir, int workers) throws Exception {
        Path root = Files.createDirectories(dir.resolve("questdb"));
        quietLogging(dir);
        this.workers = workers;
        engine = new CairoEngine(new DefaultCairoConfiguration(root.toString()));
        pool = new WorkerPool(() -> workers);
        WorkerPoolUtils.setupQueryJobs(pool, engine);
        pool.start();
        try (SqlExecutionContextImpl ctx = context()) {
            engine.execute(
                    "CREATE TABLE IF NOT EXISTS samples (tag INT, ts TIMESTAMP, quality BYTE, kind BYTE,"
                            + " num DOUBLE, ival LONG, txt VARCHAR) TIMESTAMP(ts) PARTITION BY DAY BYPASS WAL",
                    ctx);
        }
    }

    /** QuestDB logs every query at INFO to stdout; keep errors only (read once, at first use). */
    private static void quietLogging(Path dir) throws Exception {
        if (System.getProperty(LogFactory.CONFIG_SYSTEM_PROPERTY) == null) {
            Path conf = dir.resolve("questdb-log.conf");
            Files.writeString(
                    conf,
                    "writers=stdout\nw.stdout.class=io.questdb.log.LogConsoleWriter\nw.stdout.level=ERROR,CRITICAL\n");
            System.setProperty(LogFactory.CONFIG_SYSTEM_PROPERTY, conf.toString());
        }
    }

    private SqlExecutionContextImpl context() {
        return new SqlExecutionContextImpl(engine, workers)
                .with(AllowAllSecurityContext.INSTANCE, new BindVariableServiceImpl(engine.getConfiguration()));
    }

    @Override
    public Class<?> engineClass() {
        return CairoEngine.class;
    }

    @Override
    public String name() {
        return "QuestDB 9.3.4";
    }

    @Override
    public void ingest(BenchData.Batch b) {
        if (writer == null) {
            writer = engine.getWriter(engine.verifyTableName("samples"), "bench");
        }
        for (int i = 0; i < b.size; i++) {
            TableWriter.Row row = writer.newRow(b.tsMicros[i]);
            row.putInt(0, b.tag[i]);
            row.putByte(2, (byte) 0);
            row.putByte(3, (byte) 2);
            row.putDouble(4, b.value[i]);
            row.append();
        }
        writer.commit();
    }

    @Override
    public void finishIngest() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public long averagePerMinute(long from, long to, double[] checksum) throws Exception {
        String sql = "SELECT tag, timestamp_floor('1m', ts) b, avg(num) FROM samples WHERE ts >= '" + iso(from)
                + "' AND ts < '" + iso(to) + "' GROUP BY tag, b ORDER BY tag, b";
        return query(sql, 2, checksum);
    }

    @Override
    public long rawRange(int tag, long from, long to) throws Exception {
        String sql = "SELECT ts, num, quality FROM samples WHERE tag = " + tag + " AND ts >= '" + iso(from)
                + "' AND ts < '" + iso(to) + "' ORDER BY ts";
        return query(sql, 1, new double[1]);
    }

    private long query(String sql, int valueColumn, double[] checksum) throws Exception {
        try (SqlExecutionContextImpl ctx = context();
                RecordCursorFactory factory = engine.select(sql, ctx);
                RecordCursor cursor = factory.getCursor(ctx)) {
            Record r = cursor.getRecord();
            long n = 0;
            double sum = 0;
            while (cursor.hasNext()) {
                r.getTimestamp(valueColumn - 1);
                sum += r.getDouble(valueColumn);
                n++;
            }
            checksum[0] = sum;
            return n;
        }
    }

    private static String iso(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000)
                .toString();
    }

    @Override
    public void close() {
        finishIngest();
        pool.halt();
        engine.close();
    }
}
