package io.isthmus.store.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of the embedded historian.
 *
 * <ul>
 *   <li>{@code samples}: one row per sample, in arrival order (DuckDB's zone maps on {@code t} skip
 *       row groups outside a time range). {@code num} holds bools as 0/1, ints and reals; {@code
 *       ival} the exact int; {@code txt} the text.
 *   <li>{@code rollup_1m}: partial aggregates of usable samples per tag and minute, written in the
 *       same transaction as the samples. A minute may have several partial rows (one per append
 *       that touched it); readers combine them. They answer whole-minute MIN/MAX/AVG/COUNT/LAST
 *       queries without touching the raw rows.
 *   <li>{@code tags}: id, path, oldest and newest source time and the newest sample.
 *   <li>{@code journals}: per journal, every sequence up to {@code sequence} is stored, and the spans
 *       in {@code above} ({@code first-last,...}) too (records forwarded live ahead of a backlog).
 * </ul>
 */
final class Schema {
    static final int VERSION = 1;

    /** Per-connection staging table for the tag rows an append changes. */
    static final String TAG_CHANGES = "tag_changes";

    /** Per-connection staging table: one append's numeric samples as one row of column lists. */
    static final String SAMPLE_STAGE = "sample_stage";

    private Schema() {}

    /**
     * Creates the tables of a new file, or checks an existing file is of this version before it
     * touches anything else: a file of another layout is refused unchanged.
     */
    static void create(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            boolean versioned = false;
            try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
                if (rs.next()) {
                    int found = Integer.parseInt(rs.getString(1));
                    if (found != VERSION) {
                        throw new SchemaVersionException(
                                "historian schema version " + found + " is not the row layout (version " + VERSION
                                        + ")"
                                        + (found == BlockSchema.VERSION
                                                ? "; open this file with the block layout (BlockHistorian.open or"
                                                        + " DuckDbHistorians.open)"
                                                : ""),
                                found);
                    }
                    versioned = true;
                }
            }
            st.execute("CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, path VARCHAR NOT NULL,"
                    + " first_t BIGINT, last_t BIGINT, last_quality UTINYINT, last_kind UTINYINT,"
                    + " last_num DOUBLE, last_int BIGINT, last_text VARCHAR)");
            st.execute("CREATE TABLE IF NOT EXISTS samples (tag INTEGER NOT NULL, t BIGINT NOT NULL,"
                    + " quality UTINYINT NOT NULL, kind UTINYINT NOT NULL, num DOUBLE, ival BIGINT, txt VARCHAR)");
            st.execute("CREATE TABLE IF NOT EXISTS rollup_1m (tag INTEGER NOT NULL, minute BIGINT NOT NULL,"
                    + " n BIGINT NOT NULL, total DOUBLE NOT NULL, lo DOUBLE NOT NULL, hi DOUBLE NOT NULL,"
                    + " last_t BIGINT NOT NULL, last_v DOUBLE NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS journals (name VARCHAR PRIMARY KEY, sequence BIGINT NOT NULL)");
            // added after the first release: files written before have no spans above
            st.execute("ALTER TABLE journals ADD COLUMN IF NOT EXISTS above VARCHAR DEFAULT ''");
            st.execute("CREATE TEMP TABLE " + TAG_CHANGES + " AS SELECT * FROM tags LIMIT 0");
            st.execute("CREATE TEMP TABLE " + SAMPLE_STAGE + " (tag INTEGER[], t BIGINT[], quality SMALLINT[],"
                    + " kind SMALLINT[], num DOUBLE[], ival BIGINT[])");
            if (!versioned) {
                st.execute("INSERT INTO meta VALUES ('schema', '" + VERSION + "')");
            }
        }
    }
}
