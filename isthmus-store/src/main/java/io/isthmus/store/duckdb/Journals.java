package io.isthmus.store.duckdb;

import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed progress per journal: in the row layout mirrored from the {@code journals} table
 * ({@link #load}); the block layout's {@link BlockJournals} keeps its progress in one of these too.
 */
final class Journals {
    private final Map<JournalId, JournalProgress> marks = new ConcurrentHashMap<>();

    static Journals load(Connection conn) throws SQLException {
        Journals j = new Journals();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, sequence, above FROM journals")) {
            while (rs.next()) {
                j.marks.put(new JournalId(rs.getString(1)), JournalProgress.of(rs.getLong(2), rs.getString(3)));
            }
        }
        return j;
    }

    OptionalLong position(JournalId journal) {
        JournalProgress v = marks.get(journal);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v.highest());
    }

    Optional<JournalProgress> progress(JournalId journal) {
        return Optional.ofNullable(marks.get(journal));
    }

    /** Called after the transaction that stored {@code progress} committed. */
    void advance(JournalId journal, JournalProgress progress) {
        marks.put(journal, progress);
    }
}
