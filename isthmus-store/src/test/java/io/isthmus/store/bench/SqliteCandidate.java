package io.isthmus.store.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * SQLite through xerial's JDBC driver: a WAL-mode file, a clustered (tag, ts) key, batched
 * prepared inserts, a commit per batch (synchronous=NORMAL: durable across a process crash).
 */
final class SqliteCandidate implements Candidate {
    private final Connection conn;
    private final PreparedStatement insert;

    SqliteCandidate(Path dir) throws Exception {
        conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.sqlite"));
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA cache_size=-262144");
            st.execute("CREATE TABLE IF NOT EXISTS samples (tag INTEGER NOT NULL, ts INTEGER NOT NULL,"
                    + " quality INTEGER NOT NULL, kind INTEGER NOT NULL, num REAL, ival INTEGER, txt TEXT,"
                    + " PRIMARY KEY (tag, ts)) WITHOUT ROWID");
        }
        conn.setAutoCommit(false);
        insert = conn.prepareStatement("INSERT INTO samples VALUES (?, ?, 0, 2, ?, NULL, NULL)");
    }

    @Override
    public Class<?> engineClass() {
        return org.sqlite.JDBC.class;
    }

    @Override
    public String name() {
        return "SQLite 3.54.1.0";
    }

    @Override
    public void ingest(BenchData.Batch b) throws Exception {
        for (int i = 0; i < b.size; i++) {
            insert.setInt(1, b.tag[i]);
            insert.setLong(2, b.tsMicros[i]);
            insert.setDouble(3, b.value[i]);
            insert.addBatch();
        }
        insert.executeBatch();
        conn.commit();
    }

    @Override
    public long averagePerMinute(long from, long to, double[] checksum) throws Exception {
        String sql = "SELECT tag, ts / 60000000 AS b, avg(num) FROM samples WHERE ts >= ? AND ts < ?"
                + " GROUP BY tag, b ORDER BY tag, b";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            return fetch(ps, true, checksum);
        }
    }

    @Override
    public long rawRange(int tag, long from, long to) throws Exception {
        String sql = "SELECT ts, num, quality FROM samples WHERE tag = ? AND ts >= ? AND ts < ? ORDER BY ts";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, tag);
            ps.setLong(2, from);
            ps.setLong(3, to);
            return fetch(ps, false, new double[1]);
        }
    }

    private static long fetch(PreparedStatement ps, boolean aggregate, double[] checksum) throws Exception {
        long n = 0;
        double sum = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getLong(aggregate ? 2 : 1);
                sum += rs.getDouble(aggregate ? 3 : 2);
                n++;
            }
        }
        checksum[0] = sum;
        return n;
    }

    @Override
    public void close() throws Exception {
        conn.commit();
        insert.close();
        conn.close();
    }
}
