package io.isthmus.store.duckdb;

import io.isthmus.store.RetentionResult;
import io.isthmus.store.TimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deletes samples and minute partials older than the cutoff, cut down to a whole minute so no
 * partial ever covers deleted samples (at most a minute more is kept than asked for). Tags whose
 * oldest sample went get their new oldest time; tags with nothing left disappear from {@code
 * tags()} and {@code latest()} but keep their id. The caller holds the writer lock.
 */
final class Retention {
    private Retention() {}

    /**
     * {@code now} minus {@code retention}, kept inside {@link TimeRange#STORABLE} without overflow:
     * a retention reaching before the earliest storable time deletes nothing, whatever its length.
     */
    static Instant cutoff(Instant now, Duration retention) {
        TimeRange storable = TimeRange.STORABLE;
        if (!now.isAfter(storable.from()) || retention.compareTo(Duration.between(storable.from(), now)) >= 0) {
            return storable.from();
        }
        Instant c = now.minus(retention);
        return c.isAfter(storable.to()) ? storable.to() : c;
    }

    static RetentionResult enforce(Connection conn, TagDirectory tags, Instant cutoff) throws SQLException {
        long c = cutoffMinute(cutoff);
        List<TagState> affected = affected(tags, c);
        Survivors survivors = Transaction.run(
                conn,
                () -> {
                    try (Statement st = conn.createStatement()) {
                        long deleted = st.executeUpdate("DELETE FROM samples WHERE t < " + c);
                        st.executeUpdate("DELETE FROM rollup_1m WHERE minute < " + c);
                        Survivors s = Survivors.of(affected, affected.isEmpty() ? Map.of() : firstTimes(st, affected));
                        updateTags(conn, s.kept(), s.emptied());
                        return s.withDeleted(deleted);
                    }
                },
                () -> {});
        return survivors.publish(tags, c);
    }

    /** The cutoff cut down to a whole minute, so no minute partial ever covers deleted samples. */
    static long cutoffMinute(Instant cutoff) {
        return Math.floorDiv(Micros.of(cutoff), MinuteRollup.MINUTE_MICROS) * MinuteRollup.MINUTE_MICROS;
    }

    /** The tags with samples older than the cutoff {@code c}. */
    static List<TagState> affected(TagDirectory tags, long c) {
        return tags.statesByPath().stream().filter(s -> s.firstT() < c).toList();
    }

    /**
     * What retention leaves of the affected tags, both layouts: a tag with samples left gets its new
     * oldest time ({@code firsts}), a tag without is emptied; the states are published only after the
     * commit.
     */
    record Survivors(Map<Integer, TagState> kept, List<Integer> emptied, long deleted) {
        static Survivors of(List<TagState> affected, Map<Integer, Long> firsts) {
            Map<Integer, TagState> kept = new HashMap<>();
            List<Integer> emptied = new ArrayList<>();
            for (TagState s : affected) {
                Long first = firsts.get(s.id());
                if (first == null) {
                    emptied.add(s.id());
                } else {
                    kept.put(s.id(), new TagState(s.id(), first, s.lastT(), s.latest()));
                }
            }
            return new Survivors(kept, emptied, 0);
        }

        Survivors withDeleted(long n) {
            return new Survivors(kept, emptied, n);
        }

        RetentionResult publish(TagDirectory tags, long c) {
            tags.replaceStates(kept, emptied);
            return new RetentionResult(Micros.instant(c), deleted);
        }
    }

    private static Map<Integer, Long> firstTimes(Statement st, List<TagState> affected) throws SQLException {
        String ids = affected.stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(", "));
        Map<Integer, Long> out = new HashMap<>();
        try (ResultSet rs =
                st.executeQuery("SELECT tag, min(t) FROM samples WHERE tag IN (" + ids + ") GROUP BY tag")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static void updateTags(Connection conn, Map<Integer, TagState> kept, List<Integer> emptied)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE tags SET first_t = ? WHERE id = ?")) {
            for (TagState s : kept.values()) {
                ps.setLong(1, s.firstT());
                ps.setInt(2, s.id());
                ps.executeUpdate();
            }
        }
        if (!emptied.isEmpty()) {
            String ids = emptied.stream().map(String::valueOf).collect(Collectors.joining(", "));
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("UPDATE tags SET first_t = NULL, last_t = NULL, last_quality = NULL, last_kind = NULL,"
                        + " last_num = NULL, last_int = NULL, last_text = NULL WHERE id IN (" + ids + ")");
            }
        }
    }
}
