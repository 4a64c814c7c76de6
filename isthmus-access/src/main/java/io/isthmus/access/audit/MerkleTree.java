package io.isthmus.access.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree as RFC 6962 section 2.1 defines it, holding every complete (perfect)
 * subtree's hash: appending costs O(log n) hashes, and the root at any earlier size, an audit path
 * (2.1.1) and a consistency proof (2.1.2) cost O(log² n) at most, without rehashing leaves.
 *
 * <p>Memory: 32 bytes per leaf and about as much again for the inner nodes (64 MB for a million
 * records); the log bounds the number of records by its capacity.
 */
public final class MerkleTree {
    private final TreeHash hash = new TreeHash();
    /** levels.get(k) holds the hashes of the aligned perfect subtrees of 2^k leaves, in order. */
    private final List<HashList> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new HashList());
    }

    /** Number of leaves. */
    public long size() {
        return levels.getFirst().count();
    }

    /** Adds a record's bytes as the next leaf; returns the leaf hash. */
    public byte[] append(byte[] data) {
        byte[] leaf = hash.leaf(data);
        appendLeafHash(leaf);
        return leaf;
    }

    /** Adds a leaf by its hash (as computed by {@link #leafHash}). */
    public void appendLeafHash(byte[] leaf) {
        levels.getFirst().add(leaf);
        int level = 0;
        while (levels.get(level).count() % 2 == 0) {
            HashList l = levels.get(level);
            long n = l.count();
            byte[] parent = hash.node(l.get(n - 2), l.get(n - 1));
            if (levels.size() == level + 1) {
                levels.add(new HashList());
            }
            levels.get(level + 1).add(parent);
            level++;
        }
    }

    /** The hash of leaf {@code index}. */
    public byte[] leafAt(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("no leaf " + index + " among " + size());
        }
        return levels.getFirst().get(index);
    }

    /** RFC 6962's leaf hash of some bytes. */
    public byte[] leafHash(byte[] data) {
        return hash.leaf(data);
    }

    /** The root now. */
    public byte[] root() {
        return rootAt(size());
    }

    /** The root of the first {@code n} leaves (MTH(D[0:n])). */
    public byte[] rootAt(long n) {
        checkSize(n);
        return n == 0 ? hash.empty() : mth(0, n);
    }

    /**
     * The audit path of leaf {@code index} in the tree of the first {@code n} leaves (RFC 6962
     * 2.1.1), from the leaf's sibling up.
     */
    public List<byte[]> inclusionProof(long index, long n) {
        checkSize(n);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, n, proof);
        return proof;
    }

    /** The consistency proof between the trees of the first {@code m} and {@code n} leaves (2.1.2). */
    public List<byte[]> consistencyProof(long m, long n) {
        checkSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, proof);
        }
        return proof;
    }

    /** PATH(m, D[lo:hi]) with m relative to lo; appends bottom-up. */
    private void path(long m, long lo, long hi, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(mth(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(mth(lo, lo + k));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b) with m relative to lo. */
    private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                out.add(mth(lo, hi));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(mth(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(mth(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]) for hi > lo, from the stored perfect subtrees. */
    private byte[] mth(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return levels.get(Long.numberOfTrailingZeros(n)).get(lo / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return hash.node(mth(lo, lo + k), mth(lo + k, hi));
    }

    /** The largest power of two strictly smaller than n (n >= 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("tree size " + n + " is beyond the " + size() + " leaves held");
        }
    }

    /** A growable array of 32-byte hashes in one byte array per 64 Ki hashes. */
    private static final class HashList {
        private static final int CHUNK = 1 << 16;
        private final List<byte[]> chunks = new ArrayList<>();
        private long count;

        void add(byte[] h) {
            int within = (int) (count % CHUNK);
            if (within == 0) {
                chunks.add(new byte[CHUNK * TreeHash.SIZE]);
            }
            System.arraycopy(h, 0, chunks.getLast(), within * TreeHash.SIZE, TreeHash.SIZE);
            count++;
        }

        byte[] get(long i) {
            byte[] chunk = chunks.get((int) (i / CHUNK));
            int from = (int) (i % CHUNK) * TreeHash.SIZE;
            return Arrays.copyOfRange(chunk, from, from + TreeHash.SIZE);
        }

        long count() {
            return count;
        }
    }
}
