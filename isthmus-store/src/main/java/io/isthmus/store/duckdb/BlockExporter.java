package io.isthmus.store.duckdb;

import io.isthmus.store.ExportQuery;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Exports of the block layout: each tag's samples merged in order by {@link BlockReader}; CSV
 * written line by line, Parquet by DuckDB's {@code COPY ... TO} from a temporary table filled
 * through an appender on the reader's own connection. Same columns as {@link Exporter}.
 */
final class BlockExporter {
    private static final String CRLF = "\r\n";
    private static final String STAGE = "export_stage";

    private BlockExporter() {}

    static long csv(
            DuckDBConnection conn, BlockReader reader, TagDirectory tags, ExportQuery q, List<Integer> ids, Writer out)
            throws SQLException, IOException {
        out.write(Exporter.CSV_HEADER + CRLF);
        long n = 0;
        StringBuilder line = new StringBuilder(128);
        for (int id : ids) {
            String path = tags.path(id).toString();
            BlockColumns c = read(conn, reader, tags, q, id);
            for (int i = 0; i < c.size; i++) {
                line.setLength(0);
                line.append(Micros.instant(c.t[i]))
                        .append(',')
                        .append(path)
                        .append(',')
                        .append(Codes.kindName(c.kind[i]))
                        .append(',');
                switch (c.kind[i]) {
                    case Codes.BOOL -> line.append(c.num[i] != 0);
                    case Codes.INT -> line.append(c.ival[i]);
                    case Codes.REAL -> line.append(c.num[i]);
                    default -> line.append(Exporter.quote(c.text[i]));
                }
                line.append(',').append(c.qualityOf(i).name()).append(CRLF);
                out.write(line.toString());
                n++;
            }
        }
        out.flush();
        return n;
    }

    static long parquet(
            DuckDBConnection conn, BlockReader reader, TagDirectory tags, ExportQuery q, List<Integer> ids, Path file)
            throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + STAGE + " (ord BIGINT, t BIGINT, tag VARCHAR,"
                    + " quality UTINYINT, kind UTINYINT, num DOUBLE, ival BIGINT, txt VARCHAR)");
        }
        long ord = 0;
        try (DuckDBAppender app = conn.createAppender("temp", "main", STAGE)) {
            for (int id : ids) {
                String path = tags.path(id).toString();
                BlockColumns c = read(conn, reader, tags, q, id);
                for (int i = 0; i < c.size; i++) {
                    app.beginRow()
                            .append(ord++)
                            .append(c.t[i])
                            .append(path)
                            .append(c.quality[i])
                            .append(c.kind[i])
                            .append(c.num[i]);
                    if (c.kind[i] == Codes.INT) {
                        app.append(c.ival[i]);
                    } else {
                        app.appendNull();
                    }
                    if (c.kind[i] == Codes.TEXT) {
                        app.append(c.text[i]);
                    } else {
                        app.appendNull();
                    }
                    app.endRow();
                }
            }
        }
        String target = file.toAbsolutePath().toString().replace("'", "''");
        String select = "SELECT make_timestamptz(s.t) AS time, s.tag AS tag,"
                + " CASE s.kind WHEN 0 THEN 'bool' WHEN 1 THEN 'int' WHEN 2 THEN 'real' ELSE 'text' END AS type,"
                + " CASE s.quality WHEN 0 THEN 'GOOD' WHEN 1 THEN 'STALE' WHEN 2 THEN 'BAD_COMM' ELSE 'BAD_DEVICE'"
                + " END AS quality,"
                + " CASE WHEN s.kind = 0 THEN s.num <> 0 END AS bool_value, s.ival AS int_value,"
                + " CASE WHEN s.kind = 2 THEN s.num END AS real_value, s.txt AS text_value"
                + " FROM temp.main." + STAGE + " s ORDER BY s.ord";
        try (PreparedStatement ps =
                conn.prepareStatement("COPY (" + select + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd)")) {
            return ps.executeUpdate();
        } finally {
            try (Statement st = conn.createStatement()) {
                st.execute("DROP TABLE IF EXISTS temp.main." + STAGE);
            }
        }
    }

    private static BlockColumns read(
            DuckDBConnection conn, BlockReader reader, TagDirectory tags, ExportQuery q, int id) throws SQLException {
        return reader.read(
                conn,
                id,
                tags.path(id),
                Micros.of(q.range().from()),
                Micros.of(q.range().to()),
                Integer.MAX_VALUE);
    }
}
