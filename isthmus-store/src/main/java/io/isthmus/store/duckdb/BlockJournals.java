package io.isthmus.store.duckdb;

import io.isthmus.store.HistorianException;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed progress per journal in the block layout: the {@code journals} row (what retention
 * compacted) overridden by the journal's newest {@link BlockSchema#MARK} row. A mark is the text
 * {@code contiguousThrough;above} ({@link JournalProgress#aboveText()}).
 */
final class BlockJournals {
    private final Journals marks = new Journals();
    private final Map<JournalId, Integer> ids = new ConcurrentHashMap<>();
    private int nextId;

    static BlockJournals load(Connection conn) throws SQLException {
        BlockJournals j = new BlockJournals();
        Map<Integer, JournalId> byId = new HashMap<>();
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, name, sequence, above FROM journals")) {
                while (rs.next()) {
                    JournalId name = new JournalId(rs.getString(2));
                    byId.put(rs.getInt(1), name);
                    j.ids.put(name, rs.getInt(1));
                    j.nextId = Math.max(j.nextId, rs.getInt(1) + 1);
                    if (rs.getLong(3) >= 0 || !rs.getString(4).isEmpty()) {
                        j.marks.advance(name, JournalProgress.of(rs.getLong(3), rs.getString(4)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT tag, arg_max(data, seq) FROM blocks WHERE kind = " + BlockSchema.MARK + " GROUP BY tag")) {
                while (rs.next()) {
                    JournalId name = byId.get(rs.getInt(1));
                    if (name == null) {
                        throw new HistorianException(
                                "a journal mark names journal id " + rs.getInt(1)
                                        + ", which the journals table does not hold (the file is corrupt)",
                                null);
                    }
                    j.marks.advance(name, parse(name, rs.getBytes(2)));
                }
            }
        }
        return j;
    }

    static byte[] markText(JournalProgress p) {
        return (p.contiguousThrough() + ";" + p.aboveText()).getBytes(StandardCharsets.UTF_8);
    }

    private static JournalProgress parse(JournalId journal, byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int semi = text.indexOf(';');
        try {
            return JournalProgress.of(Long.parseLong(text.substring(0, semi)), text.substring(semi + 1));
        } catch (RuntimeException e) {
            throw new HistorianException("the newest mark of journal " + journal + " is corrupt: " + e.getMessage(), e);
        }
    }

    OptionalLong position(JournalId journal) {
        return marks.position(journal);
    }

    Optional<JournalProgress> progress(JournalId journal) {
        return marks.progress(journal);
    }

    Optional<Integer> id(JournalId journal) {
        return Optional.ofNullable(ids.get(journal));
    }

    int nextId() {
        return nextId;
    }

    Map<JournalId, Integer> ids() {
        return Map.copyOf(ids);
    }

    /** Called after the transaction that stored {@code progress} (and the new id, if any) committed. */
    void advance(JournalId journal, Optional<Integer> newId, JournalProgress progress) {
        newId.ifPresent(id -> {
            ids.put(journal, id);
            nextId = Math.max(nextId, id + 1);
        });
        marks.advance(journal, progress);
    }
}
