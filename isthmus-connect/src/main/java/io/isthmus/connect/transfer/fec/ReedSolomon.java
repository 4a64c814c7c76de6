package io.isthmus.connect.transfer.fec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A systematic Reed–Solomon erasure code over GF(2^8): {@code k} data shards travel as they are and
 * {@code m} parity shards are added; any {@code k} of the {@code k + m} shards give back the data.
 *
 * <p>The parity rows form a Cauchy matrix {@code C[j][i] = 1 / (x_j + y_i)} with {@code x_j = k + j}
 * and {@code y_i = i}, all distinct, so every square submatrix of the generator {@code [I; C]} is
 * invertible (the property that makes "any k shards" true, see Blömer et al., "An XOR-based
 * erasure-resilient coding scheme", 1995). Erasures only: the transfer knows which shards are missing
 * (their CRC failed or they never came), so no error location is needed.
 *
 * <p>Cost: encoding is {@code m} table lookups per data byte; decoding inverts a {@code k x k}
 * matrix ({@code k^3} operations, microseconds for k ≤ 64) and then costs one lookup per byte per
 * shard used for each missing data shard. Instances are immutable and thread-safe.
 */
public final class ReedSolomon {
    /** {@code k + m} is at most this, the number of distinct field elements. */
    public static final int MAX_SHARDS = 256;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int dataShards;
    private final int parityShards;
    private final int[][] cauchy;

    public ReedSolomon(int dataShards, int parityShards) {
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
        this.cauchy = new int[parityShards][dataShards];
        for (int j = 0; j < parityShards; j++) {
            for (int i = 0; i < dataShards; i++) {
                cauchy[j][i] = Gf256.inverse((dataShards + j) ^ i);
            }
        }
    }

    public int dataShards() {
        return dataShards;
    }

    public int parityShards() {
        return parityShards;
    }

    /**
     * Computes the parity shards. {@code shards} holds {@code k + m} arrays of at least {@code
     * length} bytes; the first {@code k} are read, the last {@code m} overwritten in {@code [0,
     * length)}.
     */
    public void encode(byte[][] shards, int length) {
        requireShape(shards, length);
        for (int j = 0; j < parityShards; j++) {
            byte[] parity = shards[dataShards + j];
            Arrays.fill(parity, 0, length, (byte) 0);
            for (int i = 0; i < dataShards; i++) {
                multiplyAdd(cauchy[j][i], shards[i], parity, length);
            }
        }
    }

    /**
     * Rebuilds the missing data shards in place from any {@code k} present shards; parity shards
     * that are missing stay missing (the receiver does not need them).
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
                rows[r] = cauchy[s - dataShards].clone();
            }
        }
        return rows;
    }

    /** {@code out[x] ^= coefficient · in[x]} for x below length: the inner loop of both directions. */
    /**
     * {@code out ^= coefficient · in} over {@code length} bytes, eight bytes per step: one long read
     * of the input, eight lookups in the coefficient's 256-byte product row, one long read-XOR-write
     * of the output. About 1.3 times less CPU than a byte loop ({@code FecKernelCost}, docs/benchmarks.md), the
     * kernel being most of the sender's FEC cost; a coefficient of 1 is a plain long-wise XOR.
     */
    static void multiplyAdd(int coefficient, byte[] in, byte[] out, int length) {
        if (coefficient == 0) {
            return;
        }
        int x = 0;
        int whole = length & ~7;
        if (coefficient == 1) {
            for (; x < whole; x += 8) {
                LONGS.set(out, x, (long) LONGS.get(out, x) ^ (long) LONGS.get(in, x));
            }
        } else {
            byte[] row = Gf256.ROWS[coefficient];
            for (; x < whole; x += 8) {
                long v = (long) LONGS.get(in, x);
                long p = (row[(int) v & 0xFF] & 0xFFL)
                        | (row[(int) (v >>> 8) & 0xFF] & 0xFFL) << 8
                        | (row[(int) (v >>> 16) & 0xFF] & 0xFFL) << 16
                        | (row[(int) (v >>> 24) & 0xFF] & 0xFFL) << 24
                        | (row[(int) (v >>> 32) & 0xFF] & 0xFFL) << 32
                        | (row[(int) (v >>> 40) & 0xFF] & 0xFFL) << 40
                        | (row[(int) (v >>> 48) & 0xFF] & 0xFFL) << 48
                        | (row[(int) (v >>> 56) & 0xFF] & 0xFFL) << 56;
                LONGS.set(out, x, (long) LONGS.get(out, x) ^ p);
            }
        }
        byte[] row = Gf256.ROWS[coefficient];
        for (; x < length; x++) {
            out[x] ^= row[in[x] & 0xFF];
        }
    }

    private void requireShape(byte[][] shards, int length) {
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
