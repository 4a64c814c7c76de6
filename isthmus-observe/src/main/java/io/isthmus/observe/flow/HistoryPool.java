package io.isthmus.observe.flow;

/**
 * The retransmission-history rings of streams that closed, kept for streams that start later: a
 * capture's flows come and go (most of the benchmark capture's are one packet that times out), and
 * each new direction otherwise allocated its rings afresh (4.5 % of the dissect core's allocation
 * in a JFR sample). Rings are handed out by size and never cleared: a stream reads only the ring
 * positions it wrote since it took the ring (see {@link TcpReassembler}'s history).
 *
 * <p>Bounded: at most {@link #BYTES_PER_SIZE} bytes of rings of each size (at least one ring). Not
 * thread-safe: one per {@link FlowTable}.
 */
final class HistoryPool {
    /** The most bytes kept in free rings of one size. */
    static final int BYTES_PER_SIZE = 256 * 1024;

    /** Free rings by size class: index log2(size) for a power of two, 0 for any other size. */
    private final byte[][][] free = new byte[32][][];

    private final int[] count = new int[32];

    /** A ring of exactly {@code capacity} bytes, of unspecified content. */
    byte[] take(int capacity) {
        int c = sizeClass(capacity);
        int n = count[c];
        if (n > 0 && free[c][n - 1].length == capacity) {
            count[c] = n - 1;
            byte[] ring = free[c][n - 1];
            free[c][n - 1] = null;
            return ring;
        }
        return new byte[capacity];
    }

    /** A ring its stream no longer uses; kept unless this pool holds enough of its size. */
    void give(byte[] ring) {
        int c = sizeClass(ring.length);
        int n = count[c];
        if (free[c] == null) {
            free[c] = new byte[Math.max(1, BYTES_PER_SIZE / Math.max(1, ring.length))][];
        }
        if (n < free[c].length && (n == 0 || free[c][0].length == ring.length)) {
            free[c][n] = ring;
            count[c] = n + 1;
        }
    }

    /** For tests: the free rings held. */
    int size() {
        int n = 0;
        for (int c : count) {
            n += c;
        }
        return n;
    }

    private static int sizeClass(int size) {
        return Integer.bitCount(size) == 1 ? Integer.numberOfTrailingZeros(size) : 0;
    }
}
