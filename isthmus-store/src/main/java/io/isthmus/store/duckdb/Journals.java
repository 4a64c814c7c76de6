package io.isthmus.store.duckdb;

import io.isthmus.store.JournalId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** The committed high-water mark per journal, mirrored from the {@code journals} table. */
final class Journals {
    private final Map<JournalId, Long> marks = new ConcurrentHashMap<>();

    static Journals load(Connection conn) throws SQLException {
        Journals j = new Journals();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, sequence FROM journals")) {
            while (rs.next()) {
                j.marks.put(new JournalId(rs.getString(1)), rs.getLong(2));
            }
        }
        return j;
    }

    OptionalLong position(JournalId journal) {
        Long v = marks.get(journal);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Called after the transaction that stored {@code sequence} committed. */
    void advance(JournalId journal, long sequence) {
        marks.put(journal, sequence);
    }
}
