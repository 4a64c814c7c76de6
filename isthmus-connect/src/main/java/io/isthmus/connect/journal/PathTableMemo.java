package io.isthmus.connect.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A cache for the manifest summary's path table reader, kept across batches: which path an entry of
 * a path table spells, given the path prefix it shares with the entry before.
 *
 * <p>A table entry is a count of shared leading segments and the remaining segments, each length
 * prefixed. Its bytes after the count (its "tail") together with the prefix it continues decide the
 * path, and whether the tail is well formed. So once a tail was read, checked and spelled under a
 * prefix, an equal tail under the same prefix is the same path and is as well formed: the reader
 * then only walks the tail's length bytes, hashes its few bytes and looks up one key, instead of
 * checking, copying and hashing each byte and comparing the whole path (docs/benchmarks.md,
 * diode18).
 *
 * <p>Prefixes are nodes, one per distinct prefix of 1 to {@code depth} segments (the full paths are
 * the nodes of {@code depth} segments), made only when a tail is seen for the first time. Each node
 * keeps its bytes and its {@code 31 * h + b} hash, so a path taken from here is byte for byte and
 * hash for hash what spelling it gives. A cache only: {@link #reset()} forgets everything, and the
 * owner resets it once it holds more than its bounds, before the next table.
 */
final class PathTableMemo {
    static final int MAX_NODES = 1 << 16;
    static final int MAX_TAILS = 1 << 17;
    static final int MAX_ARENA = 4 << 20;

    private final int depth;
    // nodes: 0 is the empty prefix
    private int nodeCount;
    private int[] parent = new int[256];
    private int[] nodeOffset = new int[256];
    private int[] nodeLength = new int[256];
    private int[] nodeHash = new int[256];
    private byte[] arena = new byte[8192];
    private int arenaUsed;
    private final Map<String, Integer> nodeByPrefix = new HashMap<>(); // only when a tail is new
    // tails: open addressing, (prefix node, tail bytes) -> full path node
    private int tailCount;
    private int[] tailSlots = new int[1024]; // tail index + 1, 0 for empty
    private int[] tailPrefix = new int[512];
    private int[] tailHash = new int[512];
    private int[] tailOffset = new int[512];
    private int[] tailLength = new int[512];
    private int[] tailPath = new int[512];
    private byte[] tailBytes = new byte[8192];
    private int tailBytesUsed;

    PathTableMemo(int depth) {
        this.depth = depth;
        reset();
    }

    void reset() {
        nodeCount = 1;
        nodeLength[0] = 0;
        nodeOffset[0] = 0;
        nodeHash[0] = 1;
        parent[0] = 0;
        arenaUsed = 0;
        nodeByPrefix.clear();
        tailCount = 0;
        Arrays.fill(tailSlots, 0);
        tailBytesUsed = 0;
    }

    /** True when the memo holds more than its bounds: reset it before the next table. */
    boolean full() {
        return nodeCount > MAX_NODES || tailCount > MAX_TAILS || arenaUsed > MAX_ARENA || tailBytesUsed > MAX_ARENA;
    }

    int nodeCount() {
        return nodeCount;
    }

    /** The node of the full path for the tail {@code bytes[from..to)} under {@code prefix}, or -1. */
    int find(int prefix, byte[] bytes, int from, int to, int hash) {
        int mask = tailSlots.length - 1;
        int length = to - from;
        for (int s = mix(hash ^ prefix * 0x85EBCA6B) & mask; ; s = (s + 1) & mask) {
            int t = tailSlots[s] - 1;
            if (t < 0) {
                return -1;
            }
            if (tailHash[t] == hash && tailPrefix[t] == prefix && tailLength[t] == length && same(t, bytes, from)) {
                return tailPath[t];
            }
        }
    }

    /**
     * Compared byte by byte: a tail is a few bytes (a new last segment and its length), where {@code
     * Arrays.equals} cost as much as the rest of the table reading (its range checks and the call to
     * the vectorised mismatch, made for long arrays).
     */
    private boolean same(int t, byte[] bytes, int from) {
        int o = tailOffset[t];
        int length = tailLength[t];
        for (int k = 0; k < length; k++) {
            if (tailBytes[o + k] != bytes[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** Remembers that the tail {@code bytes[from..to)} (hash {@code hash}) under {@code prefix} spells {@code path}. */
    void remember(int prefix, byte[] bytes, int from, int to, int hash, int path) {
        int length = to - from;
        if (tailCount == tailPrefix.length) {
            int n = 2 * tailCount;
            tailPrefix = Arrays.copyOf(tailPrefix, n);
            tailHash = Arrays.copyOf(tailHash, n);
            tailOffset = Arrays.copyOf(tailOffset, n);
            tailLength = Arrays.copyOf(tailLength, n);
            tailPath = Arrays.copyOf(tailPath, n);
        }
        if (tailBytes.length < tailBytesUsed + length) {
            tailBytes = Arrays.copyOf(tailBytes, Math.max(tailBytesUsed + length, 2 * tailBytes.length));
        }
        System.arraycopy(bytes, from, tailBytes, tailBytesUsed, length);
        int t = tailCount++;
        tailPrefix[t] = prefix;
        tailHash[t] = hash;
        tailOffset[t] = tailBytesUsed;
        tailLength[t] = length;
        tailPath[t] = path;
        tailBytesUsed += length;
        if (2 * tailCount > tailSlots.length) {
            tailSlots = new int[2 * tailSlots.length];
            for (int u = 0; u < tailCount; u++) {
                place(u);
            }
        } else {
            place(t);
        }
    }

    private void place(int t) {
        int mask = tailSlots.length - 1;
        int s = mix(tailHash[t] ^ tailPrefix[t] * 0x85EBCA6B) & mask;
        while (tailSlots[s] != 0) {
            s = (s + 1) & mask;
        }
        tailSlots[s] = t + 1;
    }

    /**
     * The node of the prefix {@code spelled[0..length)} (ASCII, checked), whose hash is {@code hash}
     * and whose prefix one segment shorter is {@code parentNode}: found, or made.
     */
    int node(int parentNode, byte[] spelled, int length, int hash) {
        String key = new String(spelled, 0, length, StandardCharsets.US_ASCII);
        Integer found = nodeByPrefix.get(key);
        if (found != null) {
            return found;
        }
        if (nodeCount == parent.length) {
            int n = 2 * nodeCount;
            parent = Arrays.copyOf(parent, n);
            nodeOffset = Arrays.copyOf(nodeOffset, n);
            nodeLength = Arrays.copyOf(nodeLength, n);
            nodeHash = Arrays.copyOf(nodeHash, n);
        }
        if (arena.length < arenaUsed + length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + length, 2 * arena.length));
        }
        System.arraycopy(spelled, 0, arena, arenaUsed, length);
        int n = nodeCount++;
        parent[n] = parentNode;
        nodeOffset[n] = arenaUsed;
        nodeLength[n] = length;
        nodeHash[n] = hash;
        arenaUsed += length;
        nodeByPrefix.put(key, n);
        return n;
    }

    int parent(int node) {
        return parent[node];
    }

    int hash(int node) {
        return nodeHash[node];
    }

    int length(int node) {
        return nodeLength[node];
    }

    byte[] arena() {
        return arena;
    }

    int offset(int node) {
        return nodeOffset[node];
    }

    /** Copies the bytes of {@code node}'s prefix to {@code spelled[0..)}; returns their length. */
    int spell(int node, byte[] spelled) {
        System.arraycopy(arena, nodeOffset[node], spelled, 0, nodeLength[node]);
        return nodeLength[node];
    }

    int depth() {
        return depth;
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }
}
