package io.isthmus.connect.transfer.fec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The shards of one block as {@link CauchyXorCode} works on them: each shard of {@code length}
 * bytes is eight packets of {@code length / 8} bytes, and each packet is held in its own run of
 * whole {@code long}s ({@link #stride()} of them, the last one zero-padded when a packet is not a
 * multiple of 8 bytes, e.g. 175-byte packets of a 1,400-byte shard take 22 longs).
 *
 * <p>Why not the shard bytes themselves: XORing packets of a {@code byte[]} eight bytes at a time
 * needs {@code VarHandle} views, which C2 neither unrolls nor vectorizes well, and a plain byte loop
 * is not vectorized because source and target may be the same array. Over separate {@code long[]}
 * runs that start on a word, the same XORs cost about a third less CPU (FecKernelCost). The layout is
 * only in memory: {@link #load} and {@link #store} move the exact shard bytes, so the bytes on the
 * wire are those of the byte-wise bit-matrix form (wire version 2), and the padding stays zero
 * because XORs of zeros are zero.
 *
 * <p>Reusable across blocks of different shapes ({@link #reshape}); not thread-safe: one per thread.
 */
public final class PacketShards {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[][] words = new long[0][];
    private final NibbleKernel.Tables tables = new NibbleKernel.Tables();
    private int count;
    private int length;
    private int packetBytes;
    private int stride;

    public PacketShards() {}

    /** Shards of {@code count} × {@code length} bytes, all zero. */
    public PacketShards(int count, int length) {
        reshape(count, length);
    }

    /**
     * Makes this {@code count} shards of {@code length} bytes ({@code length} a multiple of 8), reusing
     * the arrays it has; the contents are unspecified until each shard is {@link #load}ed or computed.
     */
    public PacketShards reshape(int count, int length) {
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + "; at least 1");
        }
        if (length < 0 || (length & 7) != 0) {
            throw new IllegalArgumentException("shard length is " + length + "; it must be a multiple of 8");
        }
        this.count = count;
        this.length = length;
        this.packetBytes = length >>> 3;
        this.stride = (packetBytes + 7) >>> 3;
        if (words.length < count) {
            words = Arrays.copyOf(words, count);
        }
        int size = 8 * stride;
        for (int s = 0; s < count; s++) {
            if (words[s] == null || words[s].length != size) {
                words[s] = new long[size];
            }
        }
        return this;
    }

    public int count() {
        return count;
    }

    /** Bytes per shard. */
    public int length() {
        return length;
    }

    /** Longs per packet. */
    int stride() {
        return stride;
    }

    /** The words of shard {@code s}: packet {@code c} at {@code c × stride}. */
    long[] words(int s) {
        if (s < 0 || s >= count) {
            throw new IndexOutOfBoundsException("shard " + s + " of " + count);
        }
        return words[s];
    }

    /**
     * Shard {@code s} := the {@code n} bytes of {@code src} from {@code offset}, then zeros up to
     * {@link #length()} (the last data shard of a body is shorter).
     */
    public void load(int s, byte[] src, int offset, int n) {
        if (n < 0 || n > length) {
            throw new IllegalArgumentException("loading " + n + " bytes into a shard of " + length);
        }
        long[] w = words(s);
        int whole = packetBytes & ~7;
        for (int c = 0; c < 8; c++) {
            int from = offset + c * packetBytes;
            int at = c * stride;
            int available = n - c * packetBytes; // bytes of this packet present in src
            if (available >= packetBytes) {
                int x = 0;
                for (; x < whole; x += 8) {
                    w[at + (x >>> 3)] = (long) LONGS.get(src, from + x);
                }
                if (x < packetBytes) {
                    w[at + (x >>> 3)] = tail(src, from + x, packetBytes - x);
                }
            } else {
                Arrays.fill(w, at, at + stride, 0L);
                for (int x = 0; x < Math.max(0, available); x += 8) {
                    w[at + (x >>> 3)] = tail(src, from + x, Math.min(8, available - x));
                }
            }
        }
    }

    /** Writes the {@link #length()} bytes of shard {@code s} into {@code dst} at {@code offset}. */
    public void store(int s, byte[] dst, int offset) {
        long[] w = words(s);
        int whole = packetBytes & ~7;
        for (int c = 0; c < 8; c++) {
            int to = offset + c * packetBytes;
            int at = c * stride;
            int x = 0;
            for (; x < whole; x += 8) {
                LONGS.set(dst, to + x, w[at + (x >>> 3)]);
            }
            long last = x < packetBytes ? w[at + (x >>> 3)] : 0;
            for (; x < packetBytes; x++) {
                dst[to + x] = (byte) last;
                last >>>= 8;
            }
        }
    }

    /** Scratch for the erasure kernel ({@link NibbleKernel}), reused. */
    NibbleKernel.Tables tables() {
        return tables;
    }

    /**
     * Longs {@code [x0, x0 + w)} of a packet of {@code packetBytes} bytes that starts at {@code
     * src[from]}, in the form {@link #load} gives them (little-endian, the last long of the packet
     * zero above its bytes), into {@code to[at ..]}: lets the erasure kernel read a shard's bytes
     * slice by slice without a copy of the whole block.
     */
    static void loadSlice(byte[] src, int from, int packetBytes, int x0, int w, long[] to, int at) {
        int whole = Math.min(x0 + w, packetBytes >>> 3);
        int x = x0;
        for (; x < whole; x++) {
            to[at + x - x0] = (long) LONGS.get(src, from + 8 * x);
        }
        for (; x < x0 + w; x++) {
            to[at + x - x0] = tail(src, from + 8 * x, packetBytes - 8 * x);
        }
    }

    /** Sets shard {@code s} to zero. */
    void clear(int s) {
        Arrays.fill(words(s), 0L);
    }

    /** The little-endian long of {@code n} (1..8) bytes at {@code from}, zero above them. */
    private static long tail(byte[] src, int from, int n) {
        if (n == 8) {
            return (long) LONGS.get(src, from);
        }
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (src[from + i] & 0xFF);
        }
        return v;
    }
}
