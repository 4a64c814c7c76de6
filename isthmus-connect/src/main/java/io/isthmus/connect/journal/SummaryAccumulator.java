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
 * <p>Within one transfer batch, each segment of at most 8 bytes is also looked up as one word under
 * the number of the segments before it (a trie of the batch's paths in one open-addressing table,
 * one probe per segment), so a path seen before in the batch is found without being spelled, hashed
 * and compared whole: a poller's tables repeat the same few dozen paths in every record. Only a path
 * new to the batch, or with a segment longer than 8 bytes, is spelled and looked up in the set. The
 * trie only names paths the set holds: a path left out for the bounds is never in it, and a rollback
 * that takes paths back empties it (docs/benchmarks.md, diode20).
 *
 * <p>Bounded: at most {@code maxPaths} distinct paths and {@code maxPathBytes} bytes of them; beyond,
 * further new paths are not kept and {@link #saturated()} says the count is a lower bound. Not
 * thread-safe: one per sender.
 */
public final class SummaryAccumulator {
    /** Trie entries at most (16 bytes each): a batch's distinct paths and prefixes are far fewer. */
    private static final int MAX_TRIE_ENTRIES = 1 << 16;

    // the path table reader's scratch (SampleBatchCodec): here, so that a record allocates none
    final byte[] spelled = new byte[SampleBatchCodec.MAX_SPELLED_BYTES];
    final int[] segmentOffsets = new int[SampleBatchCodec.DEPTH];
    final int[] segmentLengths = new int[SampleBatchCodec.DEPTH];
    final int[] nodes = new int[SampleBatchCodec.DEPTH];

    private final int maxPaths;
    private final int maxPathBytes;
    private final ByteStrings paths = new ByteStrings();
    // trie: (node number, segment of at most 8 bytes, last or not) -> the next node's number, or the
    // path's index after the last segment; slot s is trie[2s] = key << 32 | value (key 0: free) and
    // trie[2s + 1] = the segment's bytes as a word. Node 0 is the root; numbers are given per batch.
    private long[] trie = new long[2 * 256];
    private int trieEntries;
    private int nextNode = 1;
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
        clearTrie();
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
            clearTrie(); // some of it may name a path taken back
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
     * The number of the node reached from node {@code parent} (0: the root) by an inner segment of
     * {@code length} (1..8) bytes packed little-endian in {@code word}; a new number the first time in
     * the batch, -1 once the trie is full.
     */
    int node(int parent, int length, long word) {
        int key = trieKey(parent, length, false);
        int found = lookUp(key, word);
        if (found >= 0 || trieEntries >= MAX_TRIE_ENTRIES) {
            return found;
        }
        int node = nextNode++;
        put(key, word, node);
        return node;
    }

    /**
     * The index of the path that ends with last segment {@code word} under node {@code parent}, if
     * {@link #cachePath} saw it in this batch; else -1.
     */
    int path(int parent, int length, long word) {
        return lookUp(trieKey(parent, length, true), word);
    }

    /** Remembers that last segment {@code word} under node {@code parent} ends path {@code path}. */
    void cachePath(int parent, int length, long word, int path) {
        if (trieEntries < MAX_TRIE_ENTRIES) {
            put(trieKey(parent, length, true), word, path);
        }
    }

    private int lookUp(int key, long word) {
        int mask = trie.length / 2 - 1;
        for (int s = trieSlot(key, word) & mask; ; s = (s + 1) & mask) {
            long slot = trie[2 * s];
            int k = (int) (slot >>> 32);
            if (k == key && trie[2 * s + 1] == word) {
                return (int) slot;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    private void put(int key, long word, int value) {
        insert(trie, (long) key << 32 | value, word);
        if (2 * ++trieEntries > trie.length / 2) {
            long[] old = trie;
            trie = new long[2 * old.length];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0) {
                    insert(trie, old[i], old[i + 1]);
                }
            }
        }
    }

    private static void insert(long[] slots, long keyAndValue, long word) {
        int mask = slots.length / 2 - 1;
        int s = trieSlot((int) (keyAndValue >>> 32), word) & mask;
        while (slots[2 * s] != 0) {
            s = (s + 1) & mask;
        }
        slots[2 * s] = keyAndValue;
        slots[2 * s + 1] = word;
    }

    private void clearTrie() {
        if (trieEntries > 0) {
            Arrays.fill(trie, 0);
            trieEntries = 0;
        }
        nextNode = 1;
    }

    /** Node numbers stay below 2^16 + 1 (one per trie entry), so the key fits an int and is never 0. */
    private static int trieKey(int parent, int length, boolean last) {
        return (parent << 8 | length << 1 | (last ? 1 : 0)) + 1;
    }

    /**
     * The high half of a 64-bit multiplicative hash: keys and words differ mostly in a few bits (the
     * node number, the point's digits), which a 32-bit mix of their low bytes spread badly.
     */
    private static int trieSlot(int key, long word) {
        return (int) (((word ^ (long) key << 40) * 0x9E3779B97F4A7C15L + key) * 0xBF58476D1CE4E5B9L >>> 32);
    }
}
