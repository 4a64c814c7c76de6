package io.isthmus.store.duckdb;

import io.isthmus.model.Quality;
import io.isthmus.store.ExportQuery;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** CSV written row by row from a query; Parquet written by DuckDB's own {@code COPY ... TO}. */
final class Exporter {
    static final String CSV_HEADER = "time,tag,type,value,quality";
    private static final String CRLF = "\r\n";

    private Exporter() {}

    static long csv(Connection conn, ExportQuery q, List<Integer> ids, Writer out) throws SQLException, IOException {
        out.write(CSV_HEADER + CRLF);
        long n = 0;
        if (!ids.isEmpty()) {
            String sql = "SELECT g.path, s.t, s.quality, s.kind, s.num, s.ival, s.txt FROM samples s"
                    + " JOIN tags g ON g.id = s.tag " + where(q, ids) + " ORDER BY g.path, s.t, s.rowid";
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                StringBuilder line = new StringBuilder(128);
                while (rs.next()) {
                    line.setLength(0);
                    int kind = rs.getInt(4);
                    line.append(Micros.instant(rs.getLong(2)))
                            .append(',')
                            .append(rs.getString(1))
                            .append(',')
                            .append(Codes.kindName(kind))
                            .append(',');
                    appendValue(line, kind, rs);
                    line.append(',').append(Codes.quality(rs.getInt(3)).name()).append(CRLF);
                    out.write(line.toString());
                    n++;
                }
            }
        }
        out.flush();
        return n;
    }

    private static void appendValue(StringBuilder line, int kind, ResultSet rs) throws SQLException {
        switch (kind) {
            case Codes.BOOL -> line.append(rs.getDouble(5) != 0);
            case Codes.INT -> line.append(rs.getLong(6));
            case Codes.REAL -> line.append(rs.getDouble(5));
            default -> line.append(quote(rs.getString(7)));
        }
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, inner quotes doubled. */
    static String quote(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    static long parquet(Connection conn, ExportQuery q, List<Integer> ids, Path file) throws SQLException {
        String target = file.toAbsolutePath().toString().replace("'", "''");
        String select = "SELECT make_timestamptz(s.t) AS time, g.path AS tag,"
                + " CASE s.kind WHEN 0 THEN 'bool' WHEN 1 THEN 'int' WHEN 2 THEN 'real' ELSE 'text' END AS type,"
                + " CASE s.quality" + qualityCases() + " END AS quality,"
                + " CASE WHEN s.kind = 0 THEN s.num <> 0 END AS bool_value, s.ival AS int_value,"
                + " CASE WHEN s.kind = 2 THEN s.num END AS real_value, s.txt AS text_value"
                + " FROM samples s JOIN tags g ON g.id = s.tag " + where(q, ids.isEmpty() ? List.of(-1) : ids)
                + " ORDER BY g.path, s.t, s.rowid";
        try (PreparedStatement ps =
                conn.prepareStatement("COPY (" + select + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd)")) {
            return ps.executeUpdate();
        }
    }

    private static String qualityCases() {
        StringBuilder b = new StringBuilder();
        for (Quality q : Quality.values()) {
            b.append(" WHEN ")
                    .append(Codes.quality(q))
                    .append(" THEN '")
                    .append(q.name())
                    .append('\'');
        }
        return b.toString();
    }

    private static String where(ExportQuery q, List<Integer> ids) {
        return "WHERE s.tag IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ") AND s.t >= " + Micros.of(q.range().from()) + " AND s.t < "
                + Micros.of(q.range().to());
    }
}
