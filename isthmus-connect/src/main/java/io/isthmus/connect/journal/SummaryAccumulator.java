package io.isthmus.connect.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The summary of many sample batches at once, for the one-way transfer's manifest: their distinct
 * tag paths and their earliest and latest source time. Filled by {@link
 * SampleBatchCodec#summarizeInto}, emptied by {@link #clear()} once per transfer batch.
 *
 * <p>Why not a set of strings: a transfer batch of 64 KiB holds about 80 journal records of about 33
 * paths each, and resolving each path to a String through a hash map and then adding it to a hash set
 * was a fifth of the diode sender's samples. Here a path is its ASCII bytes, hashed segment by
 * segment as the path table is read (paths share their leading segments), and looked up once in an
 * open-addressing table; Strings are made only for the distinct paths, when the manifest lists them.
 * A record whose path table is byte for byte the previous record's (a poller repeats its table every
 * cycle) is not read again at all.
 *
 * <p>Bounded: at most {@code maxPaths} distinct paths and {@code maxPathBytes} bytes of them; beyond,
 * further new paths are not kept and {@link #saturated()} says the count is a lower bound. Not
 * thread-safe: one per sender.
 */
public final class SummaryAccumulator {
    private final int maxPaths;
    private final int maxPathBytes;
    private byte[] arena = new byte[4096];
    private int arenaUsed;
    private int[] hashes = new int[128];
    private int[] offsets = new int[128];
    private int[] lengths = new int[128];
    private int size;
    private int[] order = new int[128]; // sortedPaths: entry indices, and the merge sort's copy
    private int[] scratch = new int[128];
    private int[] slots = new int[256]; // entry index + 1, 0 for empty
    private boolean saturated;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;
    private byte[] lastTable = new byte[0];
    private int lastTableLength = -1;
    private int lastTableCount;
    private int markSize = -1;
    private int markArena;
    private boolean markSaturated;

    public SummaryAccumulator(int maxPaths, int maxPathBytes) {
        if (maxPaths < 1 || maxPathBytes < 1) {
            throw new IllegalArgumentException(
                    "maxPaths " + maxPaths + " and maxPathBytes " + maxPathBytes + " must be at least 1");
        }
        this.maxPaths = maxPaths;
        this.maxPathBytes = maxPathBytes;
    }

    /** Forgets every path and time: the start of the next transfer batch. */
    public void clear() {
        Arrays.fill(slots, 0);
        size = 0;
        arenaUsed = 0;
        saturated = false;
        minMicros = Long.MAX_VALUE;
        maxMicros = Long.MIN_VALUE;
        lastTableLength = -1;
        markSize = -1;
    }

    /** Widens the time span by one time in µs (a record with no sample, by its append time). */
    public void addTime(long micros) {
        minMicros = Math.min(minMicros, micros);
        maxMicros = Math.max(maxMicros, micros);
    }

    /** The earliest time added, {@link Long#MAX_VALUE} if none. */
    public long minMicros() {
        return minMicros;
    }

    /** The latest time added, {@link Long#MIN_VALUE} if none. */
    public long maxMicros() {
        return maxMicros;
    }

    /** Distinct paths kept (all of them unless {@link #saturated()}). */
    public int pathCount() {
        return size;
    }

    /** True once a new path was not kept because of the bounds: {@link #pathCount()} is a lower bound. */
    public boolean saturated() {
        return saturated;
    }

    /**
     * The distinct paths in string order, as many as fit: each costs {@code 2 + length} of {@code
     * budgetBytes} (its place in the manifest), and at most {@code maxListed} of them.
     *
     * <p>The paths are sorted as bytes (ASCII, so in the order of their Strings) by a merge sort of
     * their indices, and Strings are made only for the ones listed. {@code Arrays.sort} of Strings
     * went through {@code ComparableTimSort}, whose compiled code the JVM threw away and compiled
     * again over and over (type checks on its shared {@code Object[]} profile failed), a large part
     * of the JIT work left in the sender's steady state (docs/benchmarks.md, diode15).
     */
    public List<String> sortedPaths(int budgetBytes, int maxListed) {
        if (order.length < size) {
            order = new int[Math.max(size, 2 * order.length)];
            scratch = new int[order.length];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        sortByBytes(0, size);
        List<String> listed = new ArrayList<>();
        int budget = budgetBytes;
        for (int i = 0; i < size; i++) {
            int e = order[i];
            budget -= 2 + lengths[e];
            if (budget < 0 || listed.size() >= maxListed) {
                break;
            }
            listed.add(new String(arena, offsets[e], lengths[e], StandardCharsets.US_ASCII));
        }
        return listed;
    }

    /** Sorts {@code order[from..to)} by the entries' bytes: merge sort, stable, n log n for any input. */
    private void sortByBytes(int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        sortByBytes(from, mid);
        sortByBytes(mid, to);
        if (compare(order[mid - 1], order[mid]) <= 0) {
            return; // already in order, as a poller's sorted path tables mostly are
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            order[k] = j >= to || (i < mid && compare(scratch[i], scratch[j]) <= 0) ? scratch[i++] : scratch[j++];
        }
    }

    private int compare(int a, int b) {
        return Arrays.compareUnsigned(
                arena, offsets[a], offsets[a] + lengths[a], arena, offsets[b], offsets[b] + lengths[b]);
    }

    // ---- for SampleBatchCodec: one batch's contribution is added whole or not at all

    void begin() {
        markSize = size;
        markArena = arenaUsed;
        markSaturated = saturated;
    }

    /** Takes back every path added since {@link #begin()}: the batch turned out malformed. */
    void rollback() {
        for (int e = size - 1; e >= markSize; e--) {
            // newest first: with linear probing no older entry's probe passes a newer entry's slot
            slots[slotOf(e)] = 0;
        }
        size = markSize;
        arenaUsed = markArena;
        saturated = markSaturated;
        markSize = -1;
    }

    void commit(long min, long max) {
        addTime(min);
        addTime(max);
        markSize = -1;
    }

    /** True when {@code count} paths at {@code bytes[at..]} are exactly the last table remembered. */
    boolean sameTable(byte[] bytes, int at, int count) {
        return lastTableLength >= 0
                && count == lastTableCount
                && bytes.length - at >= lastTableLength
                && Arrays.equals(lastTable, 0, lastTableLength, bytes, at, at + lastTableLength);
    }

    int lastTableLength() {
        return lastTableLength;
    }

    /** Remembers a path table whose paths are all in the set now. */
    void rememberTable(byte[] bytes, int at, int length, int count) {
        if (lastTable.length < length) {
            lastTable = new byte[Math.max(length, 2 * lastTable.length)];
        }
        System.arraycopy(bytes, at, lastTable, 0, length);
        lastTableLength = length;
        lastTableCount = count;
    }

    /** Adds the path spelled by {@code spelled[0..length)}, whose {@code 31 * h + b} hash is {@code hash}. */
    void add(byte[] spelled, int length, int hash) {
        int mask = slots.length - 1;
        for (int s = mix(hash) & mask; ; s = (s + 1) & mask) {
            int entry = slots[s] - 1;
            if (entry < 0) {
                insert(s, spelled, length, hash);
                return;
            }
            if (hashes[entry] == hash
                    && lengths[entry] == length
                    && Arrays.equals(arena, offsets[entry], offsets[entry] + length, spelled, 0, length)) {
                return;
            }
        }
    }

    private void insert(int slot, byte[] spelled, int length, int hash) {
        if (size >= maxPaths || arenaUsed + length > maxPathBytes) {
            saturated = true;
            return;
        }
        if (arena.length < arenaUsed + length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + length, 2 * arena.length));
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, 2 * size);
            offsets = Arrays.copyOf(offsets, 2 * size);
            lengths = Arrays.copyOf(lengths, 2 * size);
        }
        System.arraycopy(spelled, 0, arena, arenaUsed, length);
        hashes[size] = hash;
        offsets[size] = arenaUsed;
        lengths[size] = length;
        arenaUsed += length;
        slots[slot] = ++size;
        if (2 * size > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int s = mix(hashes[e]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e + 1;
        }
    }

    private int slotOf(int entry) {
        int mask = slots.length - 1;
        int s = mix(hashes[entry]) & mask;
        while (slots[s] != entry + 1) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }
}
