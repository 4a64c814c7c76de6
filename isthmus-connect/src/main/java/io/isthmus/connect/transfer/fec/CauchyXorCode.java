package io.isthmus.connect.transfer.fec;

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
 * <p>The XORs run over {@link PacketShards}: every packet in its own run of whole {@code long}s, which
 * C2 compiles to a tight loop (over the shard bytes through a {@code long} view the same work cost
 * about a third more CPU). The byte-array methods copy into and out of that form; the bytes, and so
 * the wire format, are the same. With more than a couple of parity rows the product shares its
 * sub-sums ({@link NibbleKernel}: about half the CPU of one coefficient at a time at 47 + 12), and
 * the sender's {@link #encode(byte[], int, int, PacketShards)} reads the data straight from the
 * batch body.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CauchyXorCode {
    /** {@code k + m} is at most this, the number of distinct field elements. */
    public static final int MAX_SHARDS = 256;

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
    /** Whether encoding takes the shared sums ({@link NibbleKernel}); false for one or two parity rows. */
    private final boolean encodeBySums;

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
        this.encodeBySums = NibbleKernel.prefersSums(parity);
    }

    public int dataShards() {
        return dataShards;
    }

    public int parityShards() {
        return parityShards;
    }

    /** The scaled parity matrix ({@code m} rows of {@code k} field constants), a copy. */
    int[][] parityMatrix() {
        int[][] copy = new int[parity.length][];
        for (int j = 0; j < parity.length; j++) {
            copy[j] = parity[j].clone();
        }
        return copy;
    }

    /** The 8 × 8 bit matrix of "times {@code a}": bit {@code 8r + c} is bit {@code r} of {@code a · x^c}. */
    static long bitMatrix(int a) {
        return BITS[a];
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
     * m} overwritten in {@code [0, length)}. Works in a fresh {@link PacketShards}: the sender keeps
     * one and calls {@link #encode(byte[], int, int, PacketShards)}.
     */
    public void encode(byte[][] shards, int length) {
        requireShape(shards, length);
        var packets = new PacketShards(shards.length, length);
        encode(
                (i, c, x0, w, to, at) ->
                        PacketShards.loadSlice(shards[i], c * (length >>> 3), length >>> 3, x0, w, to, at),
                packets,
                i -> packets.load(i, shards[i], 0, length));
        for (int j = dataShards; j < shards.length; j++) {
            packets.store(j, shards[j], 0);
        }
    }

    /**
     * Computes the parity of the {@code k} data shards of {@code length} bytes ({@code length} a
     * multiple of 8) that lie one after another in {@code data} from {@code offset}, as the sender
     * cuts them from a batch body: {@code shards} is reshaped to {@code k + m} shards of {@code
     * length} and parity shard {@code j} ends in its shard {@code k + j}; its data shards are left
     * unspecified. The data is read straight from the bytes, slice by slice, unless the code has so
     * few parity rows that it XORs one coefficient at a time, which needs the data in packet form.
     */
    public void encode(byte[] data, int offset, int length, PacketShards shards) {
        if ((length & 7) != 0 || length < 0) {
            throw new IllegalArgumentException("shard length is " + length + "; it must be a multiple of 8");
        }
        if (offset < 0 || (long) offset + (long) dataShards * length > data.length) {
            throw new IllegalArgumentException(dataShards + " shards of " + length + " bytes from " + offset
                    + " do not fit " + data.length + " bytes");
        }
        shards.reshape(dataShards + parityShards, length);
        int packet = length >>> 3;
        encode(
                (i, c, x0, w, to, at) ->
                        PacketShards.loadSlice(data, offset + i * length + c * packet, packet, x0, w, to, at),
                shards,
                i -> shards.load(i, data, offset + i * length, length));
    }

    private void encode(NibbleKernel.Source data, PacketShards shards, java.util.function.IntConsumer load) {
        if (!encodeBySums) {
            for (int i = 0; i < dataShards; i++) {
                load.accept(i);
            }
            encode(shards);
            return;
        }
        int stride = shards.stride();
        NibbleKernel.multiplySums(parity, dataShards, data, parityWords(shards), stride, shards.tables());
    }

    private long[][] parityWords(PacketShards shards) {
        long[][] outs = new long[parityShards][];
        for (int j = 0; j < parityShards; j++) {
            outs[j] = shards.words(dataShards + j);
        }
        return outs;
    }

    /** Computes the parity shards {@code k .. k + m - 1} of {@code shards} from the data shards {@code 0 .. k - 1}. */
    public void encode(PacketShards shards) {
        requireShape(shards);
        int stride = shards.stride();
        long[][] ins = new long[dataShards][];
        for (int i = 0; i < dataShards; i++) {
            ins[i] = shards.words(i);
        }
        NibbleKernel.multiply(parity, ins, parityWords(shards), stride, shards.tables());
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
        requirePresent(present);
        var packets = new PacketShards(shards.length, length);
        for (int s = 0, loaded = 0; s < shards.length && loaded < dataShards; s++) {
            if (present[s]) { // the first k present shards are the ones decode(PacketShards, ...) reads
                packets.load(s, shards[s], 0, length);
                loaded++;
            }
        }
        if (!decode(packets, present)) {
            return false;
        }
        for (int d = 0; d < dataShards; d++) {
            if (!present[d]) {
                packets.store(d, shards[d], 0);
            }
        }
        return true;
    }

    /** Like {@link #decode(byte[][], boolean[], int)}, on shards already in packet form. */
    public boolean decode(PacketShards shards, boolean[] present) {
        requireShape(shards);
        requirePresent(present);
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
        int missing = 0;
        for (int d = 0; d < dataShards; d++) {
            missing += present[d] ? 0 : 1;
        }
        int[][] rows = new int[missing][];
        long[][] outs = new long[missing][];
        for (int d = 0, e = 0; d < dataShards; d++) {
            if (!present[d]) {
                rows[e] = inverse[d];
                outs[e++] = shards.words(d);
            }
        }
        long[][] ins = new long[dataShards][];
        for (int c = 0; c < dataShards; c++) {
            ins[c] = shards.words(chosen[c]);
        }
        int stride = shards.stride();
        NibbleKernel.multiply(rows, ins, outs, stride, shards.tables());
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
     * {@code out += a · in} in bit-matrix form over {@code length} shard bytes ({@code length} a
     * multiple of 8): the byte-wise view of {@link #multiplyAdd(int, long[], long[], int)}, for tests.
     */
    static void multiplyAdd(int a, byte[] in, byte[] out, int length) {
        var shards = new PacketShards(2, length);
        shards.load(0, in, 0, length);
        shards.load(1, out, 0, length);
        multiplyAdd(a, shards.words(0), shards.words(1), shards.stride());
        shards.store(1, out, 0);
    }

    /**
     * {@code out += a · in} over shards in packet form ({@link PacketShards}, {@code stride} longs
     * per packet): for every 1 at row {@code r}, column {@code c} of {@code a}'s matrix, packet
     * {@code c} of {@code in} is XORed into packet {@code r} of {@code out}.
     */
    static void multiplyAdd(int a, long[] in, long[] out, int stride) {
        if (a == 0) {
            return;
        }
        if (a == 1) {
            xor(in, 0, out, 0, 8 * stride);
            return;
        }
        long bits = BITS[a];
        for (int r = 0; r < 8; r++) {
            int row = (int) (bits >>> (8 * r)) & 0xFF;
            int to = r * stride;
            while (row != 0) {
                int c = Integer.numberOfTrailingZeros(row);
                row &= row - 1;
                xor(in, c * stride, out, to, stride);
            }
        }
    }

    /** {@code out[to + x] ^= in[from + x]} for x below n. */
    private static void xor(long[] in, int from, long[] out, int to, int n) {
        for (int x = 0; x < n; x++) {
            out[to + x] ^= in[from + x];
        }
    }

    private void requireShape(PacketShards shards) {
        if (shards.count() != dataShards + parityShards) {
            throw new IllegalArgumentException(
                    "got " + shards.count() + " shards; this code has " + (dataShards + parityShards));
        }
    }

    private void requirePresent(boolean[] present) {
        if (present.length != dataShards + parityShards) {
            throw new IllegalArgumentException(
                    "present has " + present.length + " entries for " + (dataShards + parityShards) + " shards");
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
