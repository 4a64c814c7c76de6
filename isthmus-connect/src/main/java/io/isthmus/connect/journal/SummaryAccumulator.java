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
 * was a fifth of the diode sender's samples. Here the kept paths form a trie of their segments (the
 * parts between slashes), each node found by its parent and its bytes in one open-addressing table.
 * A path table spells each path's leading segments only once for all the paths that share them, so
 * {@link SampleBatchCodec} looks up only a path's new segments under the node of the shared ones
 * (mostly one short segment per path) instead of comparing the whole path; the path's bytes are
 * copied once, when it is new. Strings are made only for the distinct paths, when the manifest lists
 * them. A record whose path table is byte for byte the previous record's (a poller repeats its table
 * every cycle) is not read again at all.
 *
 * <p>A path's identity is its spelling: the trie splits at every slash, also a slash inside a wire
 * segment (which {@link SampleBatchCodec} then adds spelled out), so two tables that spell the same
 * string in different segments name one path.
 *
 * <p>Bounded: at most {@code maxPaths} distinct paths and {@code maxPathBytes} bytes of them; beyond,
 * further new paths are not kept and {@link #saturated()} says the count is a lower bound. Nodes are
 * made only for a path that is kept, so there are fewer than {@code maxPathBytes + maxPaths}. Not
 * thread-safe: one per sender.
 */
public final class SummaryAccumulator {
    /** The parent of a path's first segment. */
    static final int ROOT = -1;

    private final int maxPaths;
    private final int maxPathBytes;
    /** The kept paths spelled out, one after the other; nodes point at their segments in here. */
    private byte[] arena = new byte[4096];

    private int arenaUsed;
    // kept paths (entries): where each is spelled in the arena, and its last node
    private int[] offsets = new int[128];
    private int[] lengths = new int[128];
    private int[] entryNode = new int[128];
    private int size;
    // trie nodes: parent node (ROOT for a first segment), segment in the arena, its hash, its entry or -1
    private int[] nodeParent = new int[512];
    private int[] nodeOffset = new int[512];
    private int[] nodeLength = new int[512];
    private int[] nodeHash = new int[512];
    private int[] nodeEntry = new int[512];
    private int nodes;
    private int[] slots = new int[1024]; // node index + 1, 0 for empty
    private boolean saturated;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;
    private byte[] lastTable = new byte[0];
    private int lastTableLength = -1;
    private int lastTableCount;
    private int markSize = -1;
    private int markNodes;
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
        nodes = 0;
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
     */
    public List<String> sortedPaths(int budgetBytes, int maxListed) {
        String[] all = new String[size];
        for (int i = 0; i < size; i++) {
            all[i] = new String(arena, offsets[i], lengths[i], StandardCharsets.US_ASCII);
        }
        Arrays.sort(all);
        List<String> listed = new ArrayList<>();
        int budget = budgetBytes;
        for (String path : all) {
            budget -= 2 + path.length();
            if (budget < 0 || listed.size() >= maxListed) {
                break;
            }
            listed.add(path);
        }
        return listed;
    }

    // ---- for SampleBatchCodec: one batch's contribution is added whole or not at all

    void begin() {
        markSize = size;
        markNodes = nodes;
        markArena = arenaUsed;
        markSaturated = saturated;
    }

    /** Takes back every path added since {@link #begin()}: the batch turned out malformed. */
    void rollback() {
        for (int e = size - 1; e >= markSize; e--) {
            nodeEntry[entryNode[e]] = -1; // its node may be older than the mark (a prefix of a longer path)
        }
        for (int n = nodes - 1; n >= markNodes; n--) {
            // newest first: with linear probing no older node's probe passes a newer node's slot
            slots[slotOf(n)] = 0;
        }
        size = markSize;
        nodes = markNodes;
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

    /** The hash of one segment as the trie keys it: {@code 31 * h + b} from 1 over its bytes. */
    static int segmentHash(byte[] bytes, int at, int length) {
        int h = 1;
        for (int i = at; i < at + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /**
     * The node of segment {@code bytes[at..at + length)} (hash {@code hash}, see {@link #segmentHash})
     * under node {@code parent} ({@link #ROOT} for a first segment), or -1 if no kept path has it.
     */
    int child(int parent, byte[] bytes, int at, int length, int hash) {
        int mask = slots.length - 1;
        for (int s = slot(parent, hash) & mask; ; s = (s + 1) & mask) {
            int n = slots[s] - 1;
            if (n < 0) {
                return -1;
            }
            if (nodeHash[n] == hash
                    && nodeParent[n] == parent
                    && nodeLength[n] == length
                    && Arrays.equals(arena, nodeOffset[n], nodeOffset[n] + length, bytes, at, at + length)) {
                return n;
            }
        }
    }

    /** True when {@code node} ends a kept path (not only a prefix of one). */
    boolean endsPath(int node) {
        return nodeEntry[node] >= 0;
    }

    /**
     * Adds the path of {@code count} slash-free segments {@code bytes[starts[i]..starts[i] +
     * lengths[i])} with hashes {@code hashes[i]}, of which {@code nodes[i]} are the nodes already
     * known for the leading ones and -1 from the first that is not; the caller checked that the path
     * is not kept yet. On return {@code nodes} holds the path's nodes, or -1 from the first unknown
     * one if it was not kept (saturated).
     */
    void addPath(byte[] bytes, int[] starts, int[] lengths, int[] hashes, int count, int[] nodes) {
        int length = count - 1;
        for (int i = 0; i < count; i++) {
            length += lengths[i];
        }
        int at = reserve(length);
        if (at < 0) {
            return;
        }
        int parent = ROOT;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                arena[at++] = '/';
            }
            System.arraycopy(bytes, starts[i], arena, at, lengths[i]);
            if (nodes[i] < 0) {
                nodes[i] = newNode(parent, at, lengths[i], hashes[i]);
            }
            parent = nodes[i];
            at += lengths[i];
        }
        keep(parent, at - length, length);
    }

    /** Adds the path spelled {@code spelled[0..length)}, split at every slash (possibly empty segments). */
    void addSpelled(byte[] spelled, int length) {
        int node = ROOT;
        int from = 0;
        while (true) { // the longest known prefix, segment by segment
            int to = slashOrEnd(spelled, from, length);
            int next = child(node, spelled, from, to - from, segmentHash(spelled, from, to - from));
            if (next < 0) {
                break;
            }
            node = next;
            if (to == length) {
                if (endsPath(node)) {
                    return;
                }
                break;
            }
            from = to + 1;
        }
        int at = reserve(length);
        if (at < 0) {
            return;
        }
        System.arraycopy(spelled, 0, arena, at, length);
        node = ROOT; // again from the top, making the missing nodes point into the arena's copy
        int s = 0;
        while (true) {
            int to = slashOrEnd(spelled, s, length);
            int h = segmentHash(spelled, s, to - s);
            int next = child(node, spelled, s, to - s, h);
            node = next >= 0 ? next : newNode(node, at + s, to - s, h);
            if (to == length) {
                break;
            }
            s = to + 1;
        }
        keep(node, at, length);
    }

    private static int slashOrEnd(byte[] spelled, int from, int length) {
        int i = from;
        while (i < length && spelled[i] != '/') {
            i++;
        }
        return i;
    }

    /** Room for a new path of {@code length} bytes: its arena offset, or -1 (saturated) if it is not kept. */
    private int reserve(int length) {
        if (size >= maxPaths || arenaUsed + length > maxPathBytes) {
            saturated = true;
            return -1;
        }
        if (arena.length < arenaUsed + length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + length, 2 * arena.length));
        }
        int at = arenaUsed;
        arenaUsed += length;
        return at;
    }

    private void keep(int node, int offset, int length) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, 2 * size);
            lengths = Arrays.copyOf(lengths, 2 * size);
            entryNode = Arrays.copyOf(entryNode, 2 * size);
        }
        offsets[size] = offset;
        lengths[size] = length;
        entryNode[size] = node;
        nodeEntry[node] = size++;
    }

    private int newNode(int parent, int offset, int length, int hash) {
        if (nodes == nodeParent.length) {
            int grown = 2 * nodes;
            nodeParent = Arrays.copyOf(nodeParent, grown);
            nodeOffset = Arrays.copyOf(nodeOffset, grown);
            nodeLength = Arrays.copyOf(nodeLength, grown);
            nodeHash = Arrays.copyOf(nodeHash, grown);
            nodeEntry = Arrays.copyOf(nodeEntry, grown);
        }
        int n = nodes++;
        nodeParent[n] = parent;
        nodeOffset[n] = offset;
        nodeLength[n] = length;
        nodeHash[n] = hash;
        nodeEntry[n] = -1;
        int mask = slots.length - 1;
        int s = slot(parent, hash) & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = n + 1;
        if (2 * nodes > slots.length) {
            rehash();
        }
        return n;
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int n = 0; n < nodes; n++) {
            int s = slot(nodeParent[n], nodeHash[n]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = n + 1;
        }
    }

    private int slotOf(int node) {
        int mask = slots.length - 1;
        int s = slot(nodeParent[node], nodeHash[node]) & mask;
        while (slots[s] != node + 1) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private static int slot(int parent, int hash) {
        return mix(hash + 0x61C88647 * parent);
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }
}
