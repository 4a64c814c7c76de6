package io.isthmus.observe.session;

import java.util.Arrays;

/**
 * Requests of one flow waiting for their response, keyed by unit and transaction id (Modbus MBAP
 * transaction identifier, S7 PDU reference...), with the capture time they were seen. Bounded: the
 * oldest is dropped (and counted unanswered) when the table is full.
 *
 * <p>A lone waiting request, the common case (a poller waits for each answer), is kept in two
 * fields of this object: no arrays to allocate per flow, and no array to load from memory per
 * message (the flow's table is rarely in cache when its next message comes). More are kept in one
 * primitive array of key and time pairs, in the order the requests arrived (one array, so a lookup
 * loads one object beside this one, not one for the keys and one for the times); an answered
 * request leaves a hole ({@link #GONE}) that the front skips and a compaction closes. Up to {@link
 * #LINEAR} slots are searched linearly; beyond that (a flow of unanswered requests, up to {@code
 * max}) an open-addressing index of slot numbers finds a key in a probe or two instead of a scan of
 * every waiting request.
 */
final class PendingRequests {
    /** Up to this many slots are searched without an index. */
    static final int LINEAR = 8;

    /** The time of an answered or dropped request's slot. */
    private static final long GONE = Long.MIN_VALUE;

    private final int max;
    /** Whether {@link #oneKey} and {@link #oneTime} hold the only waiting request (the arrays are empty). */
    private boolean one;

    private long oneKey;
    private long oneTime;
    /**
     * Slot {@code i}'s key at {@code 2 * i} and its time at {@code 2 * i + 1}; made when a second
     * request waits beside the first.
     */
    private long[] slots;
    /** First slot that may be in use; slots before it are free. */
    private int head;
    /** Next free slot at the end. */
    private int tail;

    private int size;
    /** Slot + 1 per entry, 0 where free; null while there are at most {@link #LINEAR} slots. */
    private int[] index;

    long evicted;

    PendingRequests(int max) {
        this.max = max;
    }

    static long key(long unit, long transaction) {
        return (unit << 32) ^ (transaction & 0xFFFF_FFFFL);
    }

    /** Remembers a request; a repeated key keeps its place and takes the new time. */
    void request(long key, long timestampNanos) {
        if (one) {
            if (oneKey == key) {
                oneTime = timestampNanos;
                return;
            }
            one = false;
            if (slots == null) {
                slots = new long[2 * 4];
            }
            slots[0] = oneKey;
            slots[1] = oneTime == GONE ? GONE + 1 : oneTime;
            tail = 1;
            if (index != null) {
                indexAdd(oneKey, 0);
            }
        } else if (size == 0) {
            one = true;
            oneKey = key;
            oneTime = timestampNanos;
            size = 1;
            return;
        }
        int i = slotOf(key);
        if (i >= 0) {
            slots[2 * i + 1] = timestampNanos == GONE ? GONE + 1 : timestampNanos;
            return;
        }
        if (2 * tail == slots.length) {
            makeRoom();
        }
        i = tail++;
        slots[2 * i] = key;
        slots[2 * i + 1] = timestampNanos == GONE ? GONE + 1 : timestampNanos;
        size++;
        if (index != null) {
            indexAdd(key, i);
        }
        if (size > max) {
            remove(head);
            evicted++;
        }
    }

    /** The request's time, or -1 when no request waits under this key. */
    long response(long key) {
        if (one) {
            if (oneKey != key) {
                return -1;
            }
            one = false;
            size = 0;
            return oneTime;
        }
        int i = slotOf(key);
        if (i < 0) {
            return -1;
        }
        long t = slots[2 * i + 1];
        remove(i);
        return t;
    }

    int size() {
        return size;
    }

    private int slotOf(long key) {
        if (index == null) {
            for (int i = head; i < tail; i++) {
                if (slots[2 * i] == key && slots[2 * i + 1] != GONE) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        for (int h = hash(key) & mask; ; h = (h + 1) & mask) {
            int s = index[h];
            if (s == 0) {
                return -1;
            }
            if (slots[2 * (s - 1)] == key) {
                return s - 1;
            }
        }
    }

    /** Frees slot {@code i} (in use), then moves the front past free slots. */
    private void remove(int i) {
        if (index != null) {
            indexRemove(slots[2 * i], i);
        }
        slots[2 * i + 1] = GONE;
        size--;
        while (head < tail && slots[2 * head + 1] == GONE) {
            head++;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** The slots are used up to their end: close the holes, and grow only when they stay over half full
     * (so there are fewer than {@code 4 * (max + 1)} slots). */
    private void makeRoom() {
        int n = 0;
        for (int i = head; i < tail; i++) {
            if (slots[2 * i + 1] != GONE) {
                slots[2 * n] = slots[2 * i];
                slots[2 * n + 1] = slots[2 * i + 1];
                n++;
            }
        }
        head = 0;
        tail = n;
        if (n * 4 > slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        int capacity = slots.length / 2;
        for (int i = n; i < capacity; i++) {
            slots[2 * i + 1] = GONE;
        }
        if (capacity > LINEAR) {
            index = new int[Integer.highestOneBit(capacity) * 2];
            for (int i = 0; i < n; i++) {
                indexAdd(slots[2 * i], i);
            }
        }
    }

    private void indexAdd(long key, int slot) {
        int mask = index.length - 1;
        int h = hash(key) & mask;
        while (index[h] != 0) {
            h = (h + 1) & mask;
        }
        index[h] = slot + 1;
    }

    /** Linear probing's deletion: later entries of the probe run move back into the hole. */
    private void indexRemove(long key, int slot) {
        int mask = index.length - 1;
        int h = hash(key) & mask;
        while (index[h] != slot + 1) {
            h = (h + 1) & mask;
        }
        int hole = h;
        for (int j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = hash(slots[2 * (index[j] - 1)]) & mask;
            // j's entry may fill the hole when its home is not in the (cyclic) range (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                index[hole] = index[j];
                hole = j;
            }
        }
        index[hole] = 0;
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 32);
    }
}
