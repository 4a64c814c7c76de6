package io.isthmus.observe.session;

import java.util.Arrays;

/**
 * Requests of one flow waiting for their response, keyed by unit and transaction id (Modbus MBAP
 * transaction identifier, S7 PDU reference...), with the capture time they were seen. Bounded: the
 * oldest is dropped (and counted unanswered) when the table is full.
 *
 * <p>Kept as two primitive arrays in the order the requests arrived, searched linearly: a flow
 * rarely has more than a few requests outstanding (a poller waits for each answer), so a scan of a
 * handful of longs beats hashing a boxed key per message, and the bound keeps the worst case (a
 * flow of unanswered requests) at {@code max} comparisons.
 */
final class PendingRequests {
    private final int max;
    private long[] keys = new long[4];
    private long[] times = new long[4];
    private int size;
    long evicted;

    PendingRequests(int max) {
        this.max = max;
    }

    static long key(long unit, long transaction) {
        return (unit << 32) ^ (transaction & 0xFFFF_FFFFL);
    }

    /** Remembers a request; a repeated key keeps its place and takes the new time. */
    void request(long key, long timestampNanos) {
        int i = indexOf(key);
        if (i >= 0) {
            times[i] = timestampNanos;
            return;
        }
        if (size == keys.length) {
            int grown = Math.min(Math.max(size * 2, 4), max + 1);
            keys = Arrays.copyOf(keys, grown);
            times = Arrays.copyOf(times, grown);
        }
        keys[size] = key;
        times[size] = timestampNanos;
        size++;
        if (size > max) {
            remove(0);
            evicted++;
        }
    }

    /** The request's time, or -1 when no request waits under this key. */
    long response(long key) {
        int i = indexOf(key);
        if (i < 0) {
            return -1;
        }
        long t = times[i];
        remove(i);
        return t;
    }

    int size() {
        return size;
    }

    private int indexOf(long key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private void remove(int i) {
        int after = size - i - 1;
        System.arraycopy(keys, i + 1, keys, i, after);
        System.arraycopy(times, i + 1, times, i, after);
        size--;
    }
}
