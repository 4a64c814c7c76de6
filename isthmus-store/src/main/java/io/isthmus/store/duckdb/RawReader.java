package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.store.RangeQuery;
import io.isthmus.store.RangeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Raw samples of one tag, oldest first; equal times in arrival order. */
final class RawReader {
    private RawReader() {}

    static RangeResult range(Connection conn, int id, RangeQuery q) throws SQLException {
        String sql = "SELECT t, quality, kind, num, ival, txt FROM samples WHERE tag = ? AND t >= ? AND t < ?"
                + " ORDER BY t, rowid LIMIT ?";
        TagPath path = q.tag();
        List<Sample> out = new ArrayList<>();
        boolean truncated = false;
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, id);
            ps.setLong(2, Micros.of(q.range().from()));
            ps.setLong(3, Micros.of(q.range().to()));
            ps.setLong(4, q.limit() + 1L);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (out.size() == q.limit()) {
                        truncated = true;
                        break;
                    }
                    out.add(new Sample(
                            path,
                            Micros.instant(rs.getLong(1)),
                            Codes.value(rs.getInt(3), rs.getDouble(4), rs.getLong(5), rs.getString(6)),
                            Codes.quality(rs.getInt(2))));
                }
            }
        }
        return new RangeResult(out, truncated);
    }
}
