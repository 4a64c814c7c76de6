package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one append as one transaction: the samples, their minute partials, the changed tag rows
 * and the journal mark. The caller holds the writer lock. Transactions are begun and ended with SQL
 * statements because DuckDB's appender joins a transaction only when one was begun explicitly
 * (with JDBC's auto-commit off and no statement run yet, it commits on its own).
 */
final class SampleWriter {
    private static final String INSERT_STAGED = "INSERT INTO samples SELECT unnest(tag), unnest(t),"
            + " unnest(quality)::UTINYINT, unnest(kind)::UTINYINT, unnest(num), unnest(ival), NULL::VARCHAR"
            + " FROM temp.main." + Schema.SAMPLE_STAGE;
    private static final String CLEAR_STAGE = "DELETE FROM temp.main." + Schema.SAMPLE_STAGE;
    private static final String UPSERT_TAGS =
            "INSERT OR REPLACE INTO tags SELECT * FROM temp.main." + Schema.TAG_CHANGES;
    private static final String UPDATE_TAGS = "UPDATE tags SET first_t = c.first_t, last_t = c.last_t,"
            + " last_quality = c.last_quality, last_kind = c.last_kind, last_num = c.last_num,"
            + " last_int = c.last_int, last_text = c.last_text FROM temp.main." + Schema.TAG_CHANGES
            + " c WHERE tags.id = c.id";
    private static final String CLEAR_TAG_CHANGES = "DELETE FROM temp.main." + Schema.TAG_CHANGES;

    /** The journal's new progress, stored with the samples. */
    record Mark(JournalId journal, JournalProgress progress) {}

    private final DuckDBConnection conn;
    private final TagDirectory tags;
    private final Runnable beforeCommit;
    private final TagIdCache ids;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    SampleWriter(DuckDBConnection conn, TagDirectory tags, Runnable beforeCommit) {
        this.conn = conn;
        this.tags = tags;
        this.beforeCommit = beforeCommit;
        this.ids = new TagIdCache(tags);
    }

    /** Stores {@code samples} and the optional mark atomically; publishes new tag state on commit. */
    void write(List<Sample> samples, Optional<Mark> mark) throws SQLException {
        int firstReserved = tags.nextId();
        Map<TagPath, Integer> newIds = new LinkedHashMap<>();
        Map<Integer, TagState> changed = Transaction.run(
                conn,
                () -> {
                    Map<Integer, TagState> c = appendSamples(samples, newIds);
                    writeTags(c, newIds);
                    if (mark.isPresent()) {
                        writeMark(mark.get());
                    }
                    beforeCommit.run();
                    return c;
                },
                () -> tags.rollback(firstReserved));
        tags.publish(newIds, changed);
    }

    private Map<Integer, TagState> appendSamples(List<Sample> samples, Map<TagPath, Integer> newIds)
            throws SQLException {
        SampleColumns cols = new SampleColumns(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            cols.set(i, ids.id(s.path(), newIds), s);
        }
        if (cols.hasText()) {
            appendRows(cols, samples);
        } else {
            appendLists(cols);
        }
        appendPartials(cols.rollup.partials());
        Map<Integer, TagState> changed = new HashMap<>();
        for (int k = 0; k < cols.tagCount(); k++) {
            int id = cols.tagId(k);
            int row = cols.latestRow(k);
            TagState st = new TagState(id, cols.firstT(k), cols.lastT(k), stored(samples.get(row), cols.t[row]));
            changed.put(id, tags.state(id).map(old -> old.merge(st)).orElse(st));
        }
        return changed;
    }

    /**
     * The numeric route: the whole append as one row of lists in the staging table (each list a
     * memory copy of a column), then one {@code INSERT ... SELECT unnest(...)} that DuckDB runs
     * vectorised. Order is kept, so arrival order (rowid) is the order of {@code samples}.
     */
    private void appendLists(SampleColumns cols) throws SQLException {
        try (DuckDBAppender app = conn.createAppender("temp", "main", Schema.SAMPLE_STAGE)) {
            app.beginRow()
                    .append(cols.tag)
                    .append(cols.t)
                    .append(cols.quality)
                    .append(cols.kind)
                    .append(cols.num, cols.numNull)
                    .append(cols.ival, cols.ivalNull)
                    .endRow();
            app.flush();
        }
        run(INSERT_STAGED);
        run(CLEAR_STAGE);
    }

    /** The route for appends holding text (rare): one appender row per sample. */
    private void appendRows(SampleColumns cols, List<Sample> samples) throws SQLException {
        try (DuckDBAppender app = conn.createAppender("samples")) {
            for (int i = 0; i < cols.size; i++) {
                appendRow(app, cols.tag[i], cols.t[i], samples.get(i));
            }
            app.flush();
        }
    }

    /** The sample as it reads back: time cut to microseconds. */
    private static Sample stored(Sample s, long t) {
        return s.sourceTime().getNano() % 1000 == 0
                ? s
                : new Sample(s.path(), Micros.instant(t), s.value(), s.quality());
    }

    private static void appendRow(DuckDBAppender app, int id, long t, Sample s) throws SQLException {
        Value v = s.value();
        app.beginRow()
                .append(id)
                .append(t)
                .append((byte) Codes.quality(s.quality()))
                .append((byte) Codes.kind(v));
        switch (v) {
            case Value.Bool b -> app.append(b.value() ? 1.0 : 0.0).appendNull().appendNull();
            case Value.Int i -> app.append((double) i.value()).append(i.value()).appendNull();
            case Value.Real r -> app.append(r.value()).appendNull().appendNull();
            case Value.Text x -> app.appendNull().appendNull().append(x.value());
        }
        app.endRow();
    }

    private void appendPartials(List<MinuteRollup.Partial> partials) throws SQLException {
        if (partials.isEmpty()) {
            return;
        }
        try (DuckDBAppender app = conn.createAppender("rollup_1m")) {
            for (MinuteRollup.Partial p : partials) {
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
    }

    /**
     * Upserts the changed tag rows through a temporary staging table filled by an appender: one
     * multi-row {@code INSERT OR REPLACE ... VALUES} per append cost about 35 ms for 100 tags
     * (statement preparation and per-row index work), the staging route about 5 ms.
     */
    private void writeTags(Map<Integer, TagState> changed, Map<TagPath, Integer> newIds) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        Map<Integer, TagPath> newPaths = new HashMap<>();
        newIds.forEach((p, id) -> newPaths.put(id, p));
        try (DuckDBAppender app = conn.createAppender("temp", "main", Schema.TAG_CHANGES)) {
            for (TagState st : changed.values()) {
                TagPath path = newPaths.containsKey(st.id()) ? newPaths.get(st.id()) : tags.path(st.id());
                appendTag(app, st, path);
            }
            app.flush();
        }
        // Known tags only: an UPDATE of non-key columns changes rows in place; INSERT OR REPLACE
        // deletes and re-inserts every row and its primary-key entry (measured: most of an append's cost).
        run(newIds.isEmpty() ? UPDATE_TAGS : UPSERT_TAGS);
        run(CLEAR_TAG_CHANGES);
    }

    private static void appendTag(DuckDBAppender app, TagState st, TagPath path) throws SQLException {
        Sample s = st.latest();
        Value v = s.value();
        app.beginRow()
                .append(st.id())
                .append(path.toString())
                .append(st.firstT())
                .append(st.lastT())
                .append((byte) Codes.quality(s.quality()))
                .append((byte) Codes.kind(v));
        switch (v) {
            case Value.Bool b -> app.append(b.value() ? 1.0 : 0.0).appendNull().appendNull();
            case Value.Int i -> app.append((double) i.value()).append(i.value()).appendNull();
            case Value.Real r -> app.append(r.value()).appendNull().appendNull();
            case Value.Text x -> app.appendNull().appendNull().append(x.value());
        }
        app.endRow();
    }

    private void writeMark(Mark mark) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("INSERT OR REPLACE INTO journals (name, sequence, above) VALUES (?, ?, ?)")) {
            ps.setString(1, mark.journal().name());
            ps.setLong(2, mark.progress().contiguousThrough());
            ps.setString(3, mark.progress().aboveText());
            ps.executeUpdate();
        }
    }

    /** Runs one of the writer's fixed statements, prepared once (planning costs about a millisecond). */
    private void run(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        ps.execute();
    }

    /** Closes the prepared statements; the caller closes the connection. */
    void close() throws SQLException {
        for (PreparedStatement ps : prepared.values()) {
            ps.close();
        }
        prepared.clear();
    }
}
