package io.isthmus.access.identity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Ids already used (token {@code jti}s), each remembered until it expires. Bounded: when it holds
 * {@code max} unexpired ids it refuses new ones instead of forgetting an old one, so nothing that
 * was used can be used again. Thread-safe.
 */
public final class ReplayCache {
    /** The answer to {@link #firstUse}. */
    public enum Use {
        FIRST,
        REPLAYED,
        FULL
    }

    private record Entry(String id, Instant expires) {}

    private final int max;
    private final Map<String, Instant> used = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.expires.compareTo(b.expires));

    public ReplayCache(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a replay cache holds at least 1 id, not " + max);
        }
        this.max = max;
    }

    /** Records {@code id} as used until {@code expires}, unless it was used already or the cache is full. */
    public synchronized Use firstUse(String id, Instant expires, Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.peek().expires.isAfter(now)) {
            Entry e = byExpiry.poll();
            used.remove(e.id, e.expires);
        }
        if (used.containsKey(id)) {
            return Use.REPLAYED;
        }
        if (used.size() >= max) {
            return Use.FULL;
        }
        used.put(id, expires);
        byExpiry.add(new Entry(id, expires));
        return Use.FIRST;
    }

    public synchronized int size() {
        return used.size();
    }
}
