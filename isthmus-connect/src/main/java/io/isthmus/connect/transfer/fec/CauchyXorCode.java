package io.isthmus.connect.transfer.fec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The transfer's erasure code: a systematic Cauchy Reed–Solomon code over GF(2^8) computed in
 * bit-matrix form, so that encoding and decoding are XORs of whole byte ranges and never a table
 * lookup per byte. Like {@link ReedSolomon} it is MDS: any {@code k} of the {@code k + m} shards give
 * back the data, so it recovers exactly what {@link ReedSolomon} recovers at the same {@code k} and
 * {@code m} (only the parity bytes differ).
 *
 * <p>How (Blömer et al., "An XOR-based erasure-resilient coding scheme", ICSI TR-95-048, 1995; the
 * row and column scaling from Plank and Xu, "Optimizing Cauchy Reed–Solomon codes", NCA 2006): a
 * shard of {@code L} bytes ({@code L} a multiple of 8) is read as eight packets of {@code L / 8}
 * bytes; the field symbol at bit {@code b} of byte {@code t} of every packet is the vector of those
 * eight bits. Multiplying by a constant {@code a} is a linear map on that vector, an 8 × 8 bit
 * matrix whose column {@code c} is {@code a · x^c}; so {@code out += a · in} becomes "XOR packet
 * {@code c} of in into packet {@code r} of out wherever row {@code r}, column {@code c} of the
 * matrix is 1". About 32 of the 64 bits are 1 for a random constant, so one parity shard costs
 * about four XORed bytes per data byte, done eight bytes per step, against one table lookup per
 * byte in the byte-wise form. The parity matrix's columns are scaled so that the first parity row
 * is all ones (that parity is a plain XOR of the data, 8 packet XORs per shard), and each further
 * row by the constant that leaves the fewest ones; scaling rows or columns of a Cauchy matrix by
 * non-zero constants keeps every square submatrix invertible, so the code stays MDS.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CauchyXorCode {
    /** {@code k + m} is at most this, the number of distinct field elements. */
    public static final int MAX_SHARDS = 256;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** {@code BITS[a]}: bit {@code 8r + c} is bit {@code r} of {@code a · x^c}, the matrix of "times a". */
    private static final long[] BITS = new long[256];

    static {
        for (int a = 0; a < 256; a++) {
            long bits = 0;
            for (int c = 0; c < 8; c++) {
                int column = Gf256.multiply(a, 1 << c);
                for (int r = 0; r < 8; r++) {
                    if ((column >>> r & 1) != 0) {
                        bits |= 1L << (8 * r + c);
                    }
                }
            }
            BITS[a] = bits;
        }
    }

    private final int dataShards;
    private final int parityShards;
    private final int[][] parity;

    public CauchyXorCode(int dataShards, int parityShards) {
        if (dataShards < 1) {
            throw new IllegalArgumentException("dataShards is " + dataShards + "; at least 1");
        }
        if (parityShards < 0) {
            throw new IllegalArgumentException("parityShards is " + parityShards + "; at least 0");
        }
        if (dataShards + parityShards > MAX_SHARDS) {
            throw new IllegalArgumentException("dataShards + parityShards is " + (dataShards + parityShards)
                    + "; at most " + MAX_SHARDS + " in GF(256)");
        }
        this.dataShards = dataShards;
        this.parityShards = parityShards;
        this.parity = scaledCauchy(dataShards, parityShards);
    }

    public int dataShards() {
        return dataShards;
    }

    public int parityShards() {
        return parityShards;
    }

    /** The number of packet XORs one encode costs: the figure the scaling minimizes. */
    public int encodeXors() {
        int n = 0;
        for (int[] row : parity) {
            for (int a : row) {
                n += Long.bitCount(BITS[a]);
            }
        }
        return n;
    }

    /**
     * Computes the parity shards. {@code shards} holds {@code k + m} arrays of at least {@code
     * length} bytes, {@code length} a multiple of 8; the first {@code k} are read, the last {@code
     * m} overwritten in {@code [0, length)}.
     */
    public void encode(byte[][] shards, int length) {
        requireShape(shards, length);
        for (int j = 0; j < parityShards; j++) {
            byte[] out = shards[dataShards + j];
            Arrays.fill(out, 0, length, (byte) 0);
            for (int i = 0; i < dataShards; i++) {
                multiplyAdd(parity[j][i], shards[i], out, length);
            }
        }
    }

    /**
     * Rebuilds the missing data shards in place from any {@code k} present shards; missing parity
     * shards stay missing (the receiver does not need them).
     *
     * @param present which of the {@code k + m} shards hold valid bytes
     * @return false if fewer than {@code k} shards are present: nothing can be rebuilt
     */
    public boolean decode(byte[][] shards, boolean[] present, int length) {
        requireShape(shards, length);
        if (present.length != dataShards + parityShards) {
            throw new IllegalArgumentException(
                    "present has " + present.length + " entries for " + (dataShards + parityShards) + " shards");
        }
        int[] chosen = new int[dataShards];
        int count = 0;
        boolean dataMissing = false;
        for (int s = 0; s < present.length && count < dataShards; s++) {
            if (present[s]) {
                chosen[count++] = s;
            } else if (s < dataShards) {
                dataMissing = true;
            }
        }
        if (count < dataShards) {
            return false;
        }
        if (!dataMissing) {
            return true;
        }
        int[][] inverse = GfMatrix.invert(generatorRows(chosen));
        for (int d = 0; d < dataShards; d++) {
            if (present[d]) {
                continue;
            }
            byte[] out = shards[d];
            Arrays.fill(out, 0, length, (byte) 0);
            for (int c = 0; c < dataShards; c++) {
                multiplyAdd(inverse[d][c], shards[chosen[c]], out, length);
            }
        }
        return true;
    }

    private int[][] generatorRows(int[] chosen) {
        int[][] rows = new int[dataShards][];
        for (int r = 0; r < dataShards; r++) {
            int s = chosen[r];
            if (s < dataShards) {
                rows[r] = new int[dataShards];
                rows[r][s] = 1;
            } else {
                rows[r] = parity[s - dataShards].clone();
            }
        }
        return rows;
    }

    /**
     * The Cauchy matrix {@code 1 / (x_j + y_i)} ({@code x_j = k + j}, {@code y_i = i}) with every
     * column divided by its first entry (first row all ones) and every further row multiplied by
     * the constant that gives its bit matrices the fewest ones.
     */
    private static int[][] scaledCauchy(int k, int m) {
        int[][] c = new int[m][k];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < k; i++) {
                c[j][i] = Gf256.inverse((k + j) ^ i);
            }
        }
        if (m == 0) {
            return c;
        }
        for (int i = 0; i < k; i++) {
            int scale = Gf256.inverse(c[0][i]);
            for (int j = 0; j < m; j++) {
                c[j][i] = Gf256.multiply(c[j][i], scale);
            }
        }
        for (int j = 1; j < m; j++) {
            int best = 1;
            long bestOnes = Long.MAX_VALUE;
            for (int s = 1; s < 256; s++) {
                long ones = 0;
                for (int i = 0; i < k; i++) {
                    ones += Long.bitCount(BITS[Gf256.multiply(c[j][i], s)]);
                }
                if (ones < bestOnes) {
                    bestOnes = ones;
                    best = s;
                }
            }
            for (int i = 0; i < k; i++) {
                c[j][i] = Gf256.multiply(c[j][i], best);
            }
        }
        return c;
    }

    /**
     * {@code out += a · in} in bit-matrix form over {@code length} bytes ({@code length} a multiple
     * of 8): for every 1 at row {@code r}, column {@code c} of {@code a}'s matrix, packet {@code c}
     * of {@code in} is XORed into packet {@code r} of {@code out}.
     */
    static void multiplyAdd(int a, byte[] in, byte[] out, int length) {
        if (a == 0) {
            return;
        }
        if (a == 1) {
            xor(in, 0, out, 0, length);
            return;
        }
        int packet = length >>> 3;
        long bits = BITS[a];
        for (int r = 0; r < 8; r++) {
            int row = (int) (bits >>> (8 * r)) & 0xFF;
            int to = r * packet;
            while (row != 0) {
                int c = Integer.numberOfTrailingZeros(row);
                row &= row - 1;
                xor(in, c * packet, out, to, packet);
            }
        }
    }

    /** {@code out[to + x] ^= in[from + x]} for x below n, eight bytes per step. */
    private static void xor(byte[] in, int from, byte[] out, int to, int n) {
        int x = 0;
        for (int whole = n & ~7; x < whole; x += 8) {
            LONGS.set(out, to + x, (long) LONGS.get(out, to + x) ^ (long) LONGS.get(in, from + x));
        }
        for (; x < n; x++) {
            out[to + x] ^= in[from + x];
        }
    }

    private void requireShape(byte[][] shards, int length) {
        if ((length & 7) != 0 || length < 0) {
            throw new IllegalArgumentException("shard length is " + length + "; it must be a multiple of 8");
        }
        if (shards.length != dataShards + parityShards) {
            throw new IllegalArgumentException(
                    "got " + shards.length + " shards; this code has " + (dataShards + parityShards));
        }
        for (int s = 0; s < shards.length; s++) {
            if (shards[s] == null || shards[s].length < length) {
                throw new IllegalArgumentException("shard " + s + " is shorter than " + length + " bytes");
            }
        }
    }
}
