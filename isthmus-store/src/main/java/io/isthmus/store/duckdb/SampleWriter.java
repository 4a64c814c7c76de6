package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.JournalId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final int TAG_ROWS_PER_STATEMENT = 256;

    /** The journal's new high-water mark, stored with the samples. */
    record Mark(JournalId journal, long sequence) {}

    private final DuckDBConnection conn;
    private final TagDirectory tags;
    private final Runnable beforeCommit;

    SampleWriter(DuckDBConnection conn, TagDirectory tags, Runnable beforeCommit) {
        this.conn = conn;
        this.tags = tags;
        this.beforeCommit = beforeCommit;
    }

    /** Stores {@code samples} and the optional mark atomically; publishes new tag state on commit. */
    void write(List<Sample> samples, Optional<Mark> mark) throws SQLException {
        int firstReserved = tags.nextId();
        Map<TagPath, Integer> newIds = new LinkedHashMap<>();
        Map<Integer, TagState> changed;
        execute("BEGIN TRANSACTION");
        try {
            changed = appendSamples(samples, newIds);
            writeTags(changed, newIds);
            if (mark.isPresent()) {
                writeMark(mark.get());
            }
            beforeCommit.run();
            execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            tags.rollback(firstReserved);
            throw e;
        }
        tags.publish(newIds, changed);
    }

    private Map<Integer, TagState> appendSamples(List<Sample> samples, Map<TagPath, Integer> newIds)
            throws SQLException {
        Map<Integer, TagState> batch = new HashMap<>();
        MinuteRollup rollup = new MinuteRollup();
        try (DuckDBAppender app = conn.createAppender("samples")) {
            for (Sample s : samples) {
                int id = tags.id(s.path()).orElseGet(() -> newIds.computeIfAbsent(s.path(), p -> tags.reserveId()));
                long t = Micros.of(s.sourceTime());
                appendRow(app, id, t, s);
                rollup.add(id, t, s);
                TagState one = new TagState(id, t, t, stored(s, t));
                batch.merge(id, one, TagState::merge);
            }
            app.flush();
        }
        appendPartials(rollup.partials());
        Map<Integer, TagState> changed = new HashMap<>();
        batch.forEach((id, st) ->
                changed.put(id, tags.state(id).map(old -> old.merge(st)).orElse(st)));
        return changed;
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

    /** Upserts the changed tag rows, many per statement (one statement per row is slow in DuckDB). */
    private void writeTags(Map<Integer, TagState> changed, Map<TagPath, Integer> newIds) throws SQLException {
        List<TagState> rows = new ArrayList<>(changed.values());
        Map<Integer, TagPath> newPaths = new HashMap<>();
        newIds.forEach((p, id) -> newPaths.put(id, p));
        for (int from = 0; from < rows.size(); from += TAG_ROWS_PER_STATEMENT) {
            List<TagState> chunk = rows.subList(from, Math.min(rows.size(), from + TAG_ROWS_PER_STATEMENT));
            String sql = "INSERT OR REPLACE INTO tags VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                int i = 1;
                for (TagState st : chunk) {
                    TagPath path = newPaths.containsKey(st.id()) ? newPaths.get(st.id()) : tags.path(st.id());
                    i = bindTag(ps, i, st, path);
                }
                ps.executeUpdate();
            }
        }
    }

    static int bindTag(PreparedStatement ps, int i, TagState st, TagPath path) throws SQLException {
        Sample s = st.latest();
        Value v = s.value();
        ps.setInt(i++, st.id());
        ps.setString(i++, path.toString());
        ps.setLong(i++, st.firstT());
        ps.setLong(i++, st.lastT());
        ps.setInt(i++, Codes.quality(s.quality()));
        ps.setInt(i++, Codes.kind(v));
        if (v instanceof Value.Text) {
            ps.setNull(i++, Types.DOUBLE);
        } else {
            ps.setDouble(i++, v.asDouble());
        }
        if (v instanceof Value.Int n) {
            ps.setLong(i++, n.value());
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        if (v instanceof Value.Text x) {
            ps.setString(i++, x.value());
        } else {
            ps.setNull(i++, Types.VARCHAR);
        }
        return i;
    }

    private void writeMark(Mark mark) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO journals VALUES (?, ?)")) {
            ps.setString(1, mark.journal().name());
            ps.setLong(2, mark.sequence());
            ps.executeUpdate();
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** Ends the failed transaction; a failure to do so is attached to the original one. */
    void rollback(Exception cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
