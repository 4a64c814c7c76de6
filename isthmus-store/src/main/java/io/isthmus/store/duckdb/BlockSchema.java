package io.isthmus.store.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of the block layout (schema version 3; version 2 was the unmerged list-column
 * experiment). Everything an append writes goes into ONE table, {@code blocks}, as rows {@code
 * (kind, tag, seq, t_min, t_max, n, data)}, so an append is one appender flush and one commit:
 *
 * <ul>
 *   <li>{@link #SAMPLES}: up to {@link BlockWriter#MAX_BLOCK_SAMPLES} samples of tag {@code tag} in
 *       arrival order, {@link BlockCodec}; {@code t_min}/{@code t_max} their time span, {@code n}
 *       their count.
 *   <li>{@link #PARTIALS}: minute partials of usable samples of one append ({@link PartialsCodec}),
 *       {@code tag} -1, {@code t_min}/{@code t_max} the first and last minute.
 *   <li>{@link #MARK}: the progress of journal {@code tag} (an id of {@code journals}) after the
 *       append, as text; the newest row per journal counts.
 * </ul>
 *
 * {@code seq} grows by one per row in the order written: it is the arrival order. {@code tags}
 * maps ids to paths (a row only when a tag first appears); {@code journals} maps journal ids to
 * names and holds the progress retention compacted the mark rows into.
 */
final class BlockSchema {
    static final int VERSION = 3;
    static final int SAMPLES = 0;
    static final int PARTIALS = 1;
    static final int MARK = 2;

    private BlockSchema() {}

    /** Creates the tables of a new file, or checks an existing file is of this version. */
    static void create(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
                if (rs.next()) {
                    int found = Integer.parseInt(rs.getString(1));
                    if (found != VERSION) {
                        throw new SchemaVersionException(refusal(found), found);
                    }
                    return;
                }
            }
            st.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, path VARCHAR NOT NULL)");
            st.execute("CREATE TABLE journals (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                    + " sequence BIGINT NOT NULL, above VARCHAR NOT NULL)");
            st.execute("CREATE TABLE blocks (kind UTINYINT NOT NULL, tag INTEGER NOT NULL, seq BIGINT NOT NULL,"
                    + " t_min BIGINT NOT NULL, t_max BIGINT NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL)");
            st.execute("INSERT INTO meta VALUES ('schema', '" + VERSION + "')");
        }
    }

    /**
     * Version 1 files (one row per sample) are refused, not converted: a conversion rewrites every
     * sample of the file in one transaction (a year of 100 tags is 3 billion rows), which should be
     * an explicit, measured step, not a side effect of a start.
     */
    static String refusal(int found) {
        return "historian schema version " + found + " is not the block layout (version " + VERSION + ")"
                + (found == 1
                        ? "; open this file with the row layout (DuckDbHistorian.open) or export it and start a new"
                                + " directory"
                        : "");
    }
}
