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
 * <p>Within one transfer batch, a path whose first six segments were seen before and whose last
 * segment is at most 8 bytes is found by the number of those six and the last segment as a word (a
 * leaf cache of one probe), without spelling, hashing and comparing the whole path: in a poller's
 * table most paths differ from the one before only in the point. The cache only names paths the set
 * holds: a path left out for the bounds is never cached, and a rollback that takes paths back empties
 * it (docs/benchmarks.md, diode20).
 *
 * <p>Bounded: at most {@code maxPaths} distinct paths and {@code maxPathBytes} bytes of them; beyond,
 * further new paths are not kept and {@link #saturated()} says the count is a lower bound. Not
 * thread-safe: one per sender.
 */
public final class SummaryAccumulator {
    /** Entries of the leaf cache at most (16 bytes each): a batch's distinct paths are far fewer. */
    private static final int MAX_LEAVES = 1 << 16;
    /** Prefix numbers at most, so that a leaf key (number, segment length) fits an int. */
    private static final int MAX_PREFIXES = 1 << 20;

    // the path table reader's scratch (SampleBatchCodec): here, so that a record allocates none
    final byte[] spelled = new byte[SampleBatchCodec.MAX_SPELLED_BYTES];
    final int[] ends = new int[SampleBatchCodec.DEPTH];
    final int[] hashes = new int[SampleBatchCodec.DEPTH];

    private final int maxPaths;
    private final int maxPathBytes;
    private final ByteStrings paths = new ByteStrings();
    /** The paths' first six segments as spelled, each numbered once per batch: the leaf cache's keys. */
    private final ByteStrings prefixes = new ByteStrings();
    // leaf cache: (prefix number, last segment of at most 8 bytes) -> path index, open addressing;
    // slot s is leafSlots[2s] = key << 32 | path index (key 0: free) and leafSlots[2s + 1] = the segment
    private long[] leafSlots = new long[2 * 256];
    private int leaves;
    private int[] order = new int[128]; // sortedPaths: entry indices, and the merge sort's copy
    private int[] scratch = new int[128];
    private boolean saturated;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;
    private byte[] lastTable = new byte[0];
    private int lastTableLength = -1;
    private int lastTableCount;
    private int markSize = -1;
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
        paths.clear();
        prefixes.clear();
        clearLeaves();
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
        return paths.size();
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
        int size = paths.size();
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
            budget -= 2 + paths.length(e);
            if (budget < 0 || listed.size() >= maxListed) {
                break;
            }
            listed.add(new String(paths.arena(), paths.offset(e), paths.length(e), StandardCharsets.US_ASCII));
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
        byte[] arena = paths.arena();
        return Arrays.compareUnsigned(
                arena,
                paths.offset(a),
                paths.offset(a) + paths.length(a),
                arena,
                paths.offset(b),
                paths.offset(b) + paths.length(b));
    }

    // ---- for SampleBatchCodec: one batch's contribution is added whole or not at all

    void begin() {
        markSize = paths.size();
        markSaturated = saturated;
    }

    /** Takes back every path added since {@link #begin()}: the batch turned out malformed. */
    void rollback() {
        if (paths.size() > markSize) {
            paths.truncate(markSize);
            clearLeaves(); // some may name a path taken back; the prefixes are only spellings, and stay
        }
        saturated = markSaturated;
        markSize = -1;
    }

    void commit(long min, long max) {
        addTime(min);
        addTime(max);
        markSize = -1;
    }

    /** True when {@code count} paths at {@code bytes[at..]} are exactly the last table remembered. */
    boolean sameTable(byte[] bytes, int at, int limit, int count) {
        return lastTableLength >= 0
                && count == lastTableCount
                && limit - at >= lastTableLength
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

    /**
     * Adds the path spelled by {@code spelled[0..length)}, whose {@code 31 * h + b} hash is {@code
     * hash}; its index in the set, or -1 if it is new and beyond the bounds (not kept).
     */
    int add(byte[] spelled, int length, int hash) {
        int found = paths.find(spelled, length, hash);
        if (found >= 0) {
            return found;
        }
        if (paths.size() >= maxPaths || paths.arenaUsed() + length > maxPathBytes) {
            saturated = true;
            return -1;
        }
        return paths.insert(found, spelled, length, hash);
    }

    /**
     * The number of the prefix (a path's first six segments) spelled by {@code spelled[0..length)}
     * in this batch, or -1 beyond the same bounds as the paths (then its paths are not cached).
     */
    int prefix(byte[] spelled, int length, int hash) {
        int found = prefixes.find(spelled, length, hash);
        if (found >= 0) {
            return found;
        }
        if (prefixes.size() >= Math.min(maxPaths, MAX_PREFIXES) || prefixes.arenaUsed() + length > maxPathBytes) {
            return -1;
        }
        return prefixes.insert(found, spelled, length, hash);
    }

    /**
     * The index of the path made of prefix number {@code prefix} and a last segment of {@code length}
     * (1..8) bytes packed little-endian in {@code word}, if {@link #cacheLeaf} saw it; else -1.
     */
    int leaf(int prefix, int length, long word) {
        int key = leafKey(prefix, length);
        int mask = leafSlots.length / 2 - 1;
        for (int s = leafSlot(key, word) & mask; ; s = (s + 1) & mask) {
            long slot = leafSlots[2 * s];
            int k = (int) (slot >>> 32);
            if (k == key && leafSlots[2 * s + 1] == word) {
                return (int) slot;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** Remembers that prefix {@code prefix} and last segment {@code word} spell path {@code path}. */
    void cacheLeaf(int prefix, int length, long word, int path) {
        if (leaves >= MAX_LEAVES) {
            return;
        }
        put(leafSlots, (long) leafKey(prefix, length) << 32 | path, word);
        if (2 * ++leaves > leafSlots.length / 2) {
            long[] old = leafSlots;
            leafSlots = new long[2 * old.length];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0) {
                    put(leafSlots, old[i], old[i + 1]);
                }
            }
        }
    }

    private static void put(long[] slots, long keyAndPath, long word) {
        int mask = slots.length / 2 - 1;
        int s = leafSlot((int) (keyAndPath >>> 32), word) & mask;
        while (slots[2 * s] != 0) {
            s = (s + 1) & mask;
        }
        slots[2 * s] = keyAndPath;
        slots[2 * s + 1] = word;
    }

    private void clearLeaves() {
        if (leaves > 0) {
            Arrays.fill(leafSlots, 0);
            leaves = 0;
        }
    }

    private static int leafKey(int prefix, int length) {
        return (prefix << 7 | length) + 1;
    }

    private static int leafSlot(int key, long word) {
        return ByteStrings.mix(key * 0x27D4EB2F ^ (int) (word ^ (word >>> 29)));
    }
}
