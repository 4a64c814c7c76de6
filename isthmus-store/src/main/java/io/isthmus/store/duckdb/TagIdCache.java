package io.isthmus.store.duckdb;

import io.isthmus.model.TagPath;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writers' path-to-id lookup: a committed id, remembered by identity (a poller or a decoder
 * hands in the same {@link TagPath} objects again and again, and a record's hash and equals walk
 * seven strings), or one reserved for the append in progress. Only committed ids are remembered, so
 * a rolled-back append leaves nothing to forget; the cache starts over beyond {@link #MAX_PATHS}.
 */
final class TagIdCache {
    static final int MAX_PATHS = 1 << 20;

    private final TagDirectory tags;
    private final Map<TagPath, Integer> known = new IdentityHashMap<>();

    TagIdCache(TagDirectory tags) {
        this.tags = tags;
    }

    /** The id of {@code path}; a new path gets an id reserved in {@code newIds}. */
    int id(TagPath path, Map<TagPath, Integer> newIds) {
        Integer id = known.get(path);
        if (id != null) {
            return id;
        }
        Optional<Integer> committed = tags.id(path);
        if (committed.isPresent()) {
            if (known.size() >= MAX_PATHS) {
                known.clear();
            }
            known.put(path, committed.get());
            return committed.get();
        }
        return newIds.computeIfAbsent(path, p -> tags.reserveId());
    }
}
