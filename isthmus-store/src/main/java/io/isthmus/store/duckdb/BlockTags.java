package io.isthmus.store.duckdb;

import io.isthmus.model.TagPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tag state of the block layout, rebuilt on open from the blocks instead of a tag row per append:
 * per tag the oldest block time, and the newest sample from the block with the newest time (the
 * latest written of those on a tie), its last sample of that time.
 */
final class BlockTags {
    private BlockTags() {}

    static TagDirectory load(Connection conn, BlockReader reader) throws SQLException {
        Map<Integer, TagPath> paths = new HashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, path FROM tags")) {
            while (rs.next()) {
                paths.put(rs.getInt(1), TagPath.parse(rs.getString(2)));
            }
        }
        Map<Integer, TagState> states = new HashMap<>();
        // spans and the newest block per tag from the small columns only; then each newest block's
        // data by its seq (seq grows with the insertion order, so zone maps find it)
        String sql = "WITH s AS (SELECT tag, min(t_min) AS first_t, max(t_max) AS last_t FROM blocks WHERE kind = "
                + BlockSchema.SAMPLES + " GROUP BY tag) SELECT s.tag, s.first_t, max(b.seq) FROM s JOIN blocks b"
                + " ON b.kind = " + BlockSchema.SAMPLES + " AND b.tag = s.tag AND b.t_max = s.last_t"
                + " GROUP BY s.tag, s.first_t";
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql);
                PreparedStatement data = conn.prepareStatement("SELECT data FROM blocks WHERE seq = ?")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                TagPath path = paths.get(id);
                if (path == null) {
                    throw new SQLException("blocks of tag id " + id + " have no row in tags (the file is corrupt)");
                }
                long seq = rs.getLong(3);
                data.setLong(1, seq);
                BlockColumns c;
                try (ResultSet d = data.executeQuery()) {
                    d.next();
                    c = reader.decode(path, seq, d.getBytes(1));
                }
                int newest = 0;
                for (int i = 1; i < c.size; i++) {
                    if (c.t[i] >= c.t[newest]) {
                        newest = i;
                    }
                }
                states.put(id, new TagState(id, rs.getLong(2), c.t[newest], c.sample(path, newest)));
            }
        }
        TagDirectory d = new TagDirectory();
        paths.forEach((id, path) -> d.restore(id, path, Optional.ofNullable(states.get(id))));
        return d;
    }

    static long nextSeq(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM blocks")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
