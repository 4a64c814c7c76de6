package io.isthmus.observe.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests of one flow waiting for their response, keyed by unit and transaction id (Modbus MBAP
 * transaction identifier, S7 PDU reference...), with the capture time they were seen. Bounded: the
 * oldest is dropped (and counted unanswered) when the table is full.
 */
final class PendingRequests {
    private final int max;
    private final LinkedHashMap<Long, Long> pending;
    long evicted;

    PendingRequests(int max) {
        this.max = max;
        this.pending = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                if (size() > PendingRequests.this.max) {
                    evicted++;
                    return true;
                }
                return false;
            }
        };
    }

    static long key(long unit, long transaction) {
        return (unit << 32) ^ (transaction & 0xFFFF_FFFFL);
    }

    void request(long key, long timestampNanos) {
        pending.put(key, timestampNanos);
    }

    /** The request's time, or -1 when no request waits under this key. */
    long response(long key) {
        Long t = pending.remove(key);
        return t == null ? -1 : t;
    }

    int size() {
        return pending.size();
    }
}
