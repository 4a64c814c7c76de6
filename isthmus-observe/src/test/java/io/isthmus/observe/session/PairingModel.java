package io.isthmus.observe.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pairing rule the session layer must follow, written the obvious way for tests to compare
 * against: waiting requests in insertion order, at most {@code max}, the oldest dropped (and
 * counted) when one more arrives, a repeated key keeping its place with the newer value.
 */
final class PairingModel {
    private final Map<Long, Long> waiting;
    private long evicted;

    PairingModel(int max) {
        this.waiting = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                if (size() > max) {
                    evicted++;
                    return true;
                }
                return false;
            }
        };
    }

    void request(long key, long value) {
        waiting.put(key, value);
    }

    /** The waiting request's value, removed, or -1 when none waits under the key. */
    long response(long key) {
        Long value = waiting.remove(key);
        return value == null ? -1 : value;
    }

    int size() {
        return waiting.size();
    }

    long evicted() {
        return evicted;
    }

    /** What still waits, oldest first. */
    Map<Long, Long> waiting() {
        return new LinkedHashMap<>(waiting);
    }
}
