package io.isthmus.store.duckdb;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The write path of a historian that would store each tag's samples of an append as ONE BLOB value
 * ({@link BlockCodec}), measured by {@code bench/historian.sh --only blob} (candidate "DuckDB blob
 * blocks") to decide whether the historian should adopt it (docs/benchmarks.md, "Blob blocks").
 * Per append, in one transaction: the blocks (at most {@code blockSamples} samples per tag), the
 * minute partials and a journal mark. No tag rows: the historian would derive them from the
 * blocks. Queries: the per-minute average from the partials (the historian's SQL), one tag's raw
 * day and the time-weighted average decoded in Java (in-order data only: enough for the bench).
 *
 * <p>Variants for the cost attribution, as system properties ({@code BENCH_JAVA_OPTS="-D..."
 * bench/historian.sh --only blob}): {@code probe.single} (partials as one BLOB and the mark as one
 * row in the block table itself, one appender flush per append: the per-minute query is then not
 * implemented and returns nothing), {@code probe.partialBlob} (partials as one BLOB row of a second
 * table), {@code probe.noPartials}, {@code probe.noMark}, {@code probe.noBlocks}, {@code
 * probe.oneBlob} (the whole append as one BLOB), {@code probe.partialChunk=N} (with {@code probe.single}: the partials in BLOBs of at most N bytes), {@code
 * probe.memory} (an in-memory database: no
 * write-ahead log, no file), {@code probe.ckpt=4GB} (DuckDB's checkpoint threshold). At close it
 * prints the writer thread's CPU per phase.
 */
public final class BlobLayoutProbe implements AutoCloseable {
    private final DuckDBConnection conn;
    private final BlockCodec codec = new BlockCodec(BlockLimits.DEFAULT);
    private final int blockSamples;
    private final PreparedStatement mark;
    private final DuckDBAppender blockApp;
    private final DuckDBAppender rollupApp;
    private final DuckDBAppender logApp;
    private long seq;
    private long appends;
    /** CPU nanoseconds of the writer thread per phase: columns, encode, block appender, partials, mark, commit. */
    public final long[] phases = new long[6];

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private long lap;

    private void lap(int phase) {
        long now = CPU.getCurrentThreadCpuTime();
        phases[phase] += now - lap;
        lap = now;
    }

    public BlobLayoutProbe(Path dir, int blockSamples) throws SQLException {
        this.blockSamples = blockSamples;
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        conn = (DuckDBConnection) new DuckDBDriver()
                .connect("jdbc:duckdb:" + (Boolean.getBoolean("probe.memory") ? "" : dir.resolve("blob.duckdb")), p);
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS sample_blocks (tag INTEGER NOT NULL, seq BIGINT NOT NULL,"
                    + " t_min BIGINT NOT NULL, t_max BIGINT NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL"
                    + System.getProperty("probe.dataCompression", "") + ")");
            if (System.getProperty("probe.ckpt") != null) {
                st.execute("SET checkpoint_threshold = '" + System.getProperty("probe.ckpt") + "'");
            }
            st.execute("CREATE TABLE IF NOT EXISTS rollup_1m (tag INTEGER NOT NULL, minute BIGINT NOT NULL,"
                    + " n BIGINT NOT NULL, total DOUBLE NOT NULL, lo DOUBLE NOT NULL, hi DOUBLE NOT NULL,"
                    + " last_t BIGINT NOT NULL, last_v DOUBLE NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS journals (name VARCHAR PRIMARY KEY, sequence BIGINT NOT NULL)");
            st.execute("INSERT OR IGNORE INTO journals VALUES ('bench', 0)");
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM sample_blocks")) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        mark = conn.prepareStatement("UPDATE journals SET sequence = ? WHERE name = 'bench'");
        blockApp = conn.createAppender("sample_blocks");
        rollupApp = conn.createAppender("rollup_1m");
        try (Statement st = conn.createStatement()) {
            st.execute(
                    "CREATE TABLE IF NOT EXISTS append_log (seq BIGINT, t_min BIGINT, t_max BIGINT, partials BLOB, journal VARCHAR, mark BIGINT)");
        }
        logApp = conn.createAppender("append_log");
    }

    /** One append of good real samples, in one transaction. */
    public void ingest(int[] tag, long[] t, double[] v, int size) throws SQLException {
        lap = CPU.getCurrentThreadCpuTime();
        int maxTag = 0;
        for (int i = 0; i < size; i++) {
            maxTag = Math.max(maxTag, tag[i]);
        }
        int[] start = new int[maxTag + 2];
        for (int i = 0; i < size; i++) {
            start[tag[i] + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] fill = start.clone();
        int[] rows = new int[size];
        BlockColumns c = new BlockColumns(size);
        MinuteRollup rollup = new MinuteRollup();
        for (int i = 0; i < size; i++) {
            rows[fill[tag[i]]++] = i;
            c.t[i] = t[i];
            c.kind[i] = Codes.REAL;
            c.num[i] = v[i];
            rollup.add(tag[i], tag[i], t[i], v[i]);
        }
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN TRANSACTION");
        }
        lap(0);
        byte[][] encoded = new byte[size][];
        int blocks = 0;
        if (Boolean.getBoolean("probe.oneBlob")) {
            encoded[0] = codec.encode(c);
            lap(1);
            blockApp.beginRow()
                    .append(0)
                    .append(seq++)
                    .append(0L)
                    .append(0L)
                    .append(size)
                    .append(encoded[0])
                    .endRow();
            blockApp.flush();
            lap(2);
            maxTag = -1;
        }
        for (int g = 0; g <= maxTag; g++) {
            for (int from = start[g]; from < start[g + 1]; from += blockSamples) {
                int n = Math.min(blockSamples, start[g + 1] - from);
                encoded[blocks++] = codec.encode(c, rows, from, n);
            }
        }
        lap(1);
        blocks = 0;
        if (maxTag >= 0) {
            DuckDBAppender app = blockApp;
            for (int g = 0; g <= maxTag; g++) {
                for (int from = start[g]; from < start[g + 1]; from += blockSamples) {
                    int n = Math.min(blockSamples, start[g + 1] - from);
                    long lo = Long.MAX_VALUE;
                    long hi = Long.MIN_VALUE;
                    for (int k = from; k < from + n; k++) {
                        lo = Math.min(lo, t[rows[k]]);
                        hi = Math.max(hi, t[rows[k]]);
                    }
                    if (Boolean.getBoolean("probe.noBlocks")) {
                        continue;
                    }
                    app.beginRow()
                            .append(g)
                            .append(seq++)
                            .append(lo)
                            .append(hi)
                            .append(n)
                            .append(encoded[blocks++])
                            .endRow();
                }
            }
            if (Boolean.getBoolean("probe.single")) {
                java.util.List<MinuteRollup.Partial> ps = rollup.partials();
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(ps.size() * 60);
                for (MinuteRollup.Partial p : ps) {
                    bb.putInt(p.tag)
                            .putLong(p.minute)
                            .putLong(p.n)
                            .putDouble(p.total)
                            .putDouble(p.lo)
                            .putDouble(p.hi)
                            .putLong(p.lastT)
                            .putDouble(p.lastV);
                }
                // probe.partialChunk=N: the partials in BLOBs of at most N bytes (default: one BLOB)
                int chunk = Integer.getInteger("probe.partialChunk", Integer.MAX_VALUE);
                byte[] all = bb.array();
                for (int off = 0; off < all.length; off += chunk) {
                    app.beginRow()
                            .append(-1)
                            .append(seq++)
                            .append(0L)
                            .append(0L)
                            .append(ps.size())
                            .append(java.util.Arrays.copyOfRange(all, off, Math.min(all.length, off + chunk)))
                            .endRow();
                }
                app.beginRow()
                        .append(-2)
                        .append(seq++)
                        .append(0L)
                        .append(0L)
                        .append(1)
                        .append("bench:12345".getBytes())
                        .endRow();
            }
            app.flush();
        }
        lap(2);
        if (Boolean.getBoolean("probe.single")) {
            // partials and mark went with the blocks
        } else if (Boolean.getBoolean("probe.partialBlob")) {
            java.util.List<MinuteRollup.Partial> ps = rollup.partials();
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(ps.size() * 60);
            for (MinuteRollup.Partial p : ps) {
                bb.putInt(p.tag)
                        .putLong(p.minute)
                        .putLong(p.n)
                        .putDouble(p.total)
                        .putDouble(p.lo)
                        .putDouble(p.hi)
                        .putLong(p.lastT)
                        .putDouble(p.lastV);
            }
            logApp.beginRow()
                    .append(seq)
                    .append(0L)
                    .append(0L)
                    .append(bb.array())
                    .append("bench")
                    .append(appends + 1)
                    .endRow();
            logApp.flush();
        } else {
            DuckDBAppender app = rollupApp;
            for (MinuteRollup.Partial p : Boolean.getBoolean("probe.noPartials")
                    ? java.util.List.<MinuteRollup.Partial>of()
                    : rollup.partials()) {
                app.beginRow()
                        .append(p.tag)
                        .append(p.minute)
                        .append(p.n)
                        .append(p.total)
                        .append(p.lo)
                        .append(p.hi)
                        .append(p.lastT)
                        .append(p.lastV)
                        .endRow();
            }
            app.flush();
        }
        lap(3);
        mark.setLong(1, ++appends);
        if (!Boolean.getBoolean("probe.noMark") && !Boolean.getBoolean("probe.single")) {
            mark.executeUpdate();
        }
        lap(4);
        try (Statement st = conn.createStatement()) {
            st.execute("COMMIT");
        }
        lap(5);
    }

    /** The per-minute average from the partials (the historian's SQL); returns rows, sum in checksum[0]. */
    public long averagePerMinute(long from, long to, double[] checksum) throws SQLException {
        String sql = Aggregator.fromPartials(
                java.util.List.of(io.isthmus.store.Aggregate.AVG),
                "SELECT DISTINCT tag FROM rollup_1m",
                from,
                to,
                MinuteRollup.MINUTE_MICROS);
        return sum(sql, 3, checksum);
    }

    /** One tag's samples in {@code [from, to)}, decoded. */
    public long rawRange(int tag, long from, long to) throws Exception {
        long n = 0;
        try (DuckDBConnection r = (DuckDBConnection) conn.duplicate();
                PreparedStatement ps = r.prepareStatement("SELECT data FROM sample_blocks"
                        + " WHERE tag = ? AND t_max >= ? AND t_min < ? ORDER BY t_min, seq")) {
            ps.setInt(1, tag);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BlockColumns c = codec.decode(rs.getBytes(1));
                    for (int i = 0; i < c.size; i++) {
                        if (c.t[i] >= from && c.t[i] < to) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Step-interpolated average per tag and minute, decoded in Java (in-order data only: a probe). */
    public long timeWeightedPerMinute(long from, long to, double[] checksum) throws Exception {
        long iv = MinuteRollup.MINUTE_MICROS;
        int buckets = (int) ((to - from) / iv);
        long rows = 0;
        double total = 0;
        try (DuckDBConnection r = (DuckDBConnection) conn.duplicate();
                Statement st = r.createStatement();
                ResultSet rs = st.executeQuery("SELECT tag, data FROM sample_blocks WHERE t_max >= " + from
                        + " AND t_min < " + to + " ORDER BY tag, t_min, seq")) {
            int tag = -1;
            double[] sum = new double[buckets];
            long[] held = new long[buckets];
            long prevT = Long.MIN_VALUE;
            double prevV = 0;
            while (rs.next()) {
                int g = rs.getInt(1);
                if (g != tag) {
                    if (tag >= 0) {
                        close(prevT, to, prevV, from, iv, sum, held);
                        rows += flush(sum, held, checksum);
                        total += checksum[0];
                    }
                    tag = g;
                    prevT = Long.MIN_VALUE;
                }
                BlockColumns c = codec.decode(rs.getBytes(2));
                for (int i = 0; i < c.size; i++) {
                    if (prevT != Long.MIN_VALUE) {
                        close(prevT, c.t[i], prevV, from, iv, sum, held);
                    }
                    prevT = c.t[i];
                    prevV = c.num[i];
                }
            }
            if (tag >= 0) {
                close(prevT, to, prevV, from, iv, sum, held);
                rows += flush(sum, held, checksum);
                total += checksum[0];
            }
        }
        checksum[0] = total;
        return rows;
    }

    private static void close(long s, long e, double v, long from, long iv, double[] sum, long[] held) {
        s = Math.max(s, from);
        while (s < e) {
            int k = (int) ((s - from) / iv);
            if (k >= sum.length) {
                return;
            }
            long end = Math.min(e, from + (k + 1) * iv);
            sum[k] += v * (end - s);
            held[k] += end - s;
            s = end;
        }
    }

    private static long flush(double[] sum, long[] held, double[] checksum) {
        long n = 0;
        double total = 0;
        for (int k = 0; k < sum.length; k++) {
            if (held[k] > 0) {
                total += sum[k] / held[k];
                n++;
            }
            sum[k] = 0;
            held[k] = 0;
        }
        checksum[0] = total;
        return n;
    }

    private long sum(String sql, int column, double[] checksum) throws SQLException {
        long n = 0;
        double s = 0;
        try (DuckDBConnection r = (DuckDBConnection) conn.duplicate();
                Statement st = r.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                s += rs.getDouble(column);
                n++;
            }
        }
        checksum[0] = s;
        return n;
    }

    @Override
    public void close() throws SQLException {
        if (appends > 0) {
            System.out.printf(
                    "blob probe, writer CPU ms per phase (columns, encode, blocks, partials, mark, commit): %s over %d appends%n",
                    java.util.Arrays.toString(java.util.Arrays.stream(phases)
                            .map(x -> x / 1_000_000)
                            .toArray()),
                    appends);
        }
        mark.close();
        blockApp.close();
        rollupApp.close();
        logApp.close();
        conn.close();
    }
}
