package io.isthmus.store.duckdb;

import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import io.isthmus.store.RetentionResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Retention of the block layout, in one transaction: the cutoff is cut down to a whole minute (so
 * no partial covers deleted samples); blocks wholly older are deleted, blocks straddling it are
 * re-encoded with the samples (or partials) they keep, under their own {@code seq} so arrival
 * order stays; the journal marks are compacted into {@code journals}. The caller holds the writer
 * lock.
 */
final class BlockRetention {
    private BlockRetention() {}

    static RetentionResult enforce(
            Connection conn, TagDirectory tags, BlockJournals journals, BlockReader reader, Instant cutoff)
            throws SQLException {
        long c = Retention.cutoffMinute(cutoff);
        List<TagState> affected = Retention.affected(tags, c);
        Retention.Survivors survivors = Transaction.run(
                conn,
                () -> {
                    try (Statement st = conn.createStatement()) {
                        long deleted = trimStraddling(conn, tags, reader, c);
                        try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(n), 0) FROM blocks WHERE kind = "
                                + BlockSchema.SAMPLES + " AND t_max < " + c)) {
                            rs.next();
                            deleted += rs.getLong(1);
                        }
                        st.executeUpdate("DELETE FROM blocks WHERE kind IN (" + BlockSchema.SAMPLES + ", "
                                + BlockSchema.PARTIALS + ") AND t_max < " + c);
                        trimPartials(conn, c);
                        compactMarks(conn, journals);
                        Map<Integer, Long> firsts = affected.isEmpty() ? Map.of() : firstTimes(st, affected);
                        return Retention.Survivors.of(affected, firsts).withDeleted(deleted);
                    }
                },
                () -> {});
        return survivors.publish(tags, c);
    }

    /** Re-encodes the sample blocks that straddle the cutoff; returns the samples dropped. */
    private static long trimStraddling(Connection conn, TagDirectory tags, BlockReader reader, long c)
            throws SQLException {
        record Straddling(int tag, long seq, byte[] data) {}
        List<Straddling> found = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT tag, seq, data FROM blocks WHERE kind = " + BlockSchema.SAMPLES
                        + " AND t_min < " + c + " AND t_max >= " + c)) {
            while (rs.next()) {
                found.add(new Straddling(rs.getInt(1), rs.getLong(2), rs.getBytes(3)));
            }
        }
        BlockCodec codec = new BlockCodec(BlockLimits.DEFAULT);
        long dropped = 0;
        for (Straddling s : found) {
            BlockColumns b = reader.decode(tags.path(s.tag()), s.seq(), s.data());
            int[] keep = java.util.stream.IntStream.range(0, b.size)
                    .filter(i -> b.t[i] >= c)
                    .toArray();
            dropped += b.size - keep.length;
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i : keep) {
                lo = Math.min(lo, b.t[i]);
                hi = Math.max(hi, b.t[i]);
            }
            replace(conn, s.seq(), lo, hi, keep.length, codec.encode(b, keep, 0, keep.length));
        }
        return dropped;
    }

    private static void trimPartials(Connection conn, long c) throws SQLException {
        Map<Long, byte[]> found = new HashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, data FROM blocks WHERE kind = " + BlockSchema.PARTIALS
                        + " AND t_min < " + c + " AND t_max >= " + c)) {
            while (rs.next()) {
                found.put(rs.getLong(1), rs.getBytes(2));
            }
        }
        for (Map.Entry<Long, byte[]> e : found.entrySet()) {
            List<MinuteRollup.Partial> ps;
            try {
                ps = PartialsCodec.decode(e.getValue());
            } catch (BlockFormatException x) {
                throw new SQLException("partials block " + e.getKey() + " is corrupt: " + x.getMessage(), x);
            }
            List<MinuteRollup.Partial> keep =
                    ps.stream().filter(p -> p.minute >= c).toList();
            long lo = keep.stream().mapToLong(p -> p.minute).min().orElseThrow();
            long hi = keep.stream().mapToLong(p -> p.minute).max().orElseThrow();
            replace(conn, e.getKey(), lo, hi, keep.size(), PartialsCodec.encode(keep, 0, keep.size()));
        }
    }

    private static void replace(Connection conn, long seq, long lo, long hi, int n, byte[] data) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("UPDATE blocks SET t_min = ?, t_max = ?, n = ?, data = ? WHERE seq = ?")) {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
            ps.setInt(3, n);
            ps.setBytes(4, data);
            ps.setLong(5, seq);
            ps.executeUpdate();
        }
    }

    /** The newest mark of every journal goes into {@code journals}; the mark rows go. */
    private static void compactMarks(Connection conn, BlockJournals journals) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE journals SET sequence = ?, above = ? WHERE id = ?")) {
            for (Map.Entry<JournalId, Integer> e : journals.ids().entrySet()) {
                JournalProgress p = journals.progress(e.getKey()).orElse(JournalProgress.NONE);
                ps.setLong(1, p.contiguousThrough());
                ps.setString(2, p.aboveText());
                ps.setInt(3, e.getValue());
                ps.executeUpdate();
            }
        }
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("DELETE FROM blocks WHERE kind = " + BlockSchema.MARK);
        }
    }

    private static Map<Integer, Long> firstTimes(Statement st, List<TagState> affected) throws SQLException {
        String ids = affected.stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(", "));
        Map<Integer, Long> out = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT tag, min(t_min) FROM blocks WHERE kind = " + BlockSchema.SAMPLES
                + " AND tag IN (" + ids + ") GROUP BY tag")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return out;
    }
}
