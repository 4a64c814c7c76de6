package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tag ids and the newest sample per tag, mirrored in memory from the {@code tags} table. Only the
 * writer changes it, after its transaction committed, so readers never see uncommitted state.
 */
final class TagDirectory {
    private final Map<TagPath, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, TagPath> paths = new ConcurrentHashMap<>();
    private final Map<Integer, TagState> states = new ConcurrentHashMap<>();
    private int nextId;

    static TagDirectory load(Connection conn) throws SQLException {
        TagDirectory d = new TagDirectory();
        String sql = "SELECT id, path, first_t, last_t, last_quality, last_kind, last_num, last_int, last_text"
                + " FROM tags";
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int id = rs.getInt(1);
                TagPath path = TagPath.parse(rs.getString(2));
                d.ids.put(path, id);
                d.paths.put(id, path);
                d.nextId = Math.max(d.nextId, id + 1);
                long first = rs.getLong(3);
                if (!rs.wasNull()) {
                    long last = rs.getLong(4);
                    Sample latest = new Sample(
                            path,
                            Micros.instant(last),
                            Codes.value(rs.getInt(6), rs.getDouble(7), rs.getLong(8), rs.getString(9)),
                            Codes.quality(rs.getInt(5)));
                    d.states.put(id, new TagState(id, first, last, latest));
                }
            }
        }
        return d;
    }

    /** Rebuilds the directory from stored rows: a known tag and, when it has samples, its state. */
    void restore(int id, TagPath path, Optional<TagState> state) {
        ids.put(path, id);
        paths.put(id, path);
        nextId = Math.max(nextId, id + 1);
        state.ifPresent(s -> states.put(id, s));
    }

    Optional<Integer> id(TagPath path) {
        return Optional.ofNullable(ids.get(path));
    }

    TagPath path(int id) {
        TagPath p = paths.get(id);
        if (p == null) {
            throw new IllegalStateException("tag id " + id + " is not in the tag directory");
        }
        return p;
    }

    /** The id a new tag gets; the writer calls it under its lock and publishes with {@link #publish}. */
    int reserveId() {
        return nextId++;
    }

    Optional<TagState> state(int id) {
        return Optional.ofNullable(states.get(id));
    }

    Optional<TagState> state(TagPath path) {
        Integer id = ids.get(path);
        return id == null ? Optional.empty() : state(id);
    }

    /** Ids of the known tags under {@code prefix}, with or without samples, ordered by path. */
    List<Integer> idsUnder(TagPrefix prefix) {
        return ids.entrySet().stream()
                .filter(e -> prefix.matches(e.getKey()))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TagPath::toString)))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Tags that have samples, ordered by path. */
    List<TagState> statesByPath() {
        return states.values().stream()
                .sorted(Comparator.comparing(s -> path(s.id()).toString()))
                .toList();
    }

    /** The latest sample of every tag under {@code prefix} that has samples, ordered by path. */
    List<Sample> latestUnder(TagPrefix prefix) {
        return statesByPath().stream()
                .map(TagState::latest)
                .filter(s -> prefix.matches(s.path()))
                .toList();
    }

    /** Every tag with samples and its oldest and newest source time, ordered by path. */
    List<TagInfo> infos() {
        return statesByPath().stream()
                .map(s -> new TagInfo(path(s.id()), Micros.instant(s.firstT()), Micros.instant(s.lastT())))
                .toList();
    }

    /** Makes committed changes visible: new tags and their new states. */
    void publish(Map<TagPath, Integer> newIds, Map<Integer, TagState> changed) {
        newIds.forEach((p, id) -> {
            paths.put(id, p);
            ids.put(p, id);
        });
        states.putAll(changed);
    }

    /** Forgets ids reserved by a transaction that rolled back. */
    void rollback(int firstUnused) {
        nextId = firstUnused;
    }

    int nextId() {
        return nextId;
    }

    /** Replaces the states after retention: tags with no samples left lose theirs. */
    void replaceStates(Map<Integer, TagState> kept, List<Integer> emptied) {
        states.putAll(kept);
        emptied.forEach(states::remove);
    }
}
