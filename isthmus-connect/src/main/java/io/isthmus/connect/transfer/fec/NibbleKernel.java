package io.isthmus.connect.transfer.fec;

import java.util.Arrays;

/**
 * The product {@code outs = coef · ins} of {@link CauchyXorCode}, in bit-matrix form over shards in
 * packet form, with the sub-sums that many bit-matrix rows share computed once.
 *
 * <p>Row {@code r} of the 8 × 8 bit matrix of a coefficient picks a subset of the eight packets of
 * one input shard; split into its low and high four bits it is the XOR of two sums, each one of 15
 * possible sums of four packets. So for each input shard the kernel first computes those 2 × 15
 * sums (8 copies and 22 packet XORs, "the method of four Russians"), and then every one of the
 * {@code 8 × rows} output packets needs only two of them instead of about four single packets per
 * coefficient. Four input shards are taken per pass, so each output packet is read and written once
 * per eight sums (two per pass cost about a fifth more at 47 + 6, 8,968 bytes; docs/benchmarks.md,
 * "diode16"). The result is the same sum of the same packets, so the same bytes.
 *
 * <p>Every input shard is read once, whatever {@code m}: the old form read each data shard once per
 * parity row. For long packets (8,920-byte shards: 140 longs each) the work runs slice by slice, at
 * most {@link #SLICE} longs of every packet. Each of the 128 sums and each output packet's slice is
 * its own array ({@link Tables}) and every XOR loop indexes all its arrays from 0 with one index:
 * such a loop ran about 3.5 times as fast as the same XORs at offsets into one table array and into
 * the output shard (which might overlap, so C2 seems not to vectorize them; AVX2 on the benchmark
 * machine), and the encoding now costs about 0.4 of what it did
 * at 47 + 12 and 8,968 bytes (docs/benchmarks.md, "diode16"). Each slice of the output is copied
 * into its shard once, after all inputs.
 */
final class NibbleKernel {
    /** Longs of a packet one pass works on: 128 sums of 40 longs are 40 KiB (20 longs were slower). */
    static final int SLICE = 40;

    private NibbleKernel() {}

    /**
     * Where {@link #multiplySums} reads the input packets from: copies longs {@code [x0, x0 + w)} of
     * packet {@code c} of input shard {@code i} to {@code to[at ..]}.
     */
    @FunctionalInterface
    interface Source {
        void copy(int i, int c, int x0, int w, long[] to, int at);
    }

    /**
     * {@code outs[j] := sum over i of coef[j][i] · ins[i]} ({@code coef[j].length == ins.length}),
     * every shard {@code 8 × stride} longs, packet {@code c} at {@code c × stride}; {@code tables} is
     * the scratch. No output may be one of the inputs. Takes
     * the shared sums or one coefficient at a time, whichever does fewer packet XORs.
     */
    static void multiply(int[][] coef, long[][] ins, long[][] outs, int stride, Tables tables) {
        if (prefersSums(coef)) {
            multiplySums(
                    coef,
                    ins.length,
                    (i, c, x0, w, to, at) -> System.arraycopy(ins[i], c * stride + x0, to, at, w),
                    outs,
                    stride,
                    tables);
            return;
        }
        for (long[] out : outs) {
            Arrays.fill(out, 0, 8 * stride, 0L);
        }
        for (int j = 0; j < outs.length; j++) {
            for (int i = 0; i < ins.length; i++) {
                CauchyXorCode.multiplyAdd(coef[j][i], ins[i], outs[j], stride);
            }
        }
    }

    /** Whether the shared sums do fewer packet XORs than one coefficient at a time for {@code coef}. */
    static boolean prefersSums(int[][] coef) {
        if (coef.length == 0) {
            return false;
        }
        long single = 0;
        for (int[] row : coef) {
            for (int a : row) {
                single += a == 1 ? 8 : Long.bitCount(CauchyXorCode.bitMatrix(a));
            }
        }
        int k = coef[0].length;
        // 8 copies and 22 XORs of sums per input shard; per output packet and pair of inputs one
        // four-way XOR, counted as two
        return single > 30L * k + 2L * 8 * coef.length * ((k + 1) / 2);
    }

    /** {@link #multiply} by the shared sums, the {@code k} input shards read through {@code ins}. */
    static void multiplySums(int[][] coef, int k, Source ins, long[][] outs, int stride, Tables tables) {
        int rows = outs.length;
        long[][] bits = new long[rows][k];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < k; i++) {
                bits[j][i] = CauchyXorCode.bitMatrix(coef[j][i]);
            }
        }
        int n = slice(stride);
        long[][] t = tables.sums(n);
        long[][] acc = tables.accumulators(8 * rows, n);
        for (int x0 = 0; x0 < stride; x0 += n) {
            int w = Math.min(n, stride - x0);
            for (int a = 0; a < 8 * rows; a++) {
                Arrays.fill(acc[a], 0, w, 0L);
            }
            for (int i = 0; i < k; i += 4) {
                for (int q = 0; q < 4 && i + q < k; q++) {
                    sums(ins, i + q, x0, w, t, 32 * q);
                }
                for (int j = 0; j < rows; j++) {
                    // past the last input the rows are 0 and pick entries 32q and 32q + 16, which stay zero
                    long[] row = bits[j];
                    long a = row[i];
                    long b = i + 1 < k ? row[i + 1] : 0;
                    long c = i + 2 < k ? row[i + 2] : 0;
                    long d = i + 3 < k ? row[i + 3] : 0;
                    if ((a | b | c | d) != 0) {
                        addRows(a, b, c, d, t, acc, 8 * j, w);
                    }
                }
            }
            for (int j = 0; j < rows; j++) {
                for (int r = 0; r < 8; r++) {
                    System.arraycopy(acc[8 * j + r], 0, outs[j], r * stride + x0, w);
                }
            }
        }
    }

    /**
     * Accumulators {@code acc[at + r]}, slice {@code [0, w)}, += row {@code r} of {@code a}, {@code b},
     * {@code c} and {@code d}: one eight-way XOR per packet (four-way where the last two rows are
     * empty).
     */
    private static void addRows(long a, long b, long c, long d, long[][] t, long[][] acc, int at, int w) {
        for (int r = 0; r < 8; r++) {
            int ra = (int) (a >>> (8 * r)) & 0xFF;
            int rb = (int) (b >>> (8 * r)) & 0xFF;
            int rc = (int) (c >>> (8 * r)) & 0xFF;
            int rd = (int) (d >>> (8 * r)) & 0xFF;
            if ((rc | rd) == 0) {
                if ((ra | rb) != 0) {
                    xor4Into(t[ra & 15], t[16 + (ra >>> 4)], t[32 + (rb & 15)], t[48 + (rb >>> 4)], acc[at + r], w);
                }
            } else {
                xor8Into(
                        t[ra & 15],
                        t[16 + (ra >>> 4)],
                        t[32 + (rb & 15)],
                        t[48 + (rb >>> 4)],
                        t[64 + (rc & 15)],
                        t[80 + (rc >>> 4)],
                        t[96 + (rd & 15)],
                        t[112 + (rd >>> 4)],
                        acc[at + r],
                        w);
            }
        }
    }

    /**
     * The 2 × 15 sums of slice {@code [x0, x0 + w)} of the packets of input {@code i} into {@code t}
     * from {@code base}: entry {@code v} (1..15) is the XOR of packets {@code c < 4} with bit {@code
     * c} of {@code v}, entry {@code 16 + v} the same over packets 4..7; entries 0 and 16 stay zero.
     */
    private static void sums(Source in, int i, int x0, int w, long[][] t, int base) {
        for (int half = 0; half < 2; half++) {
            int at = base + 16 * half;
            for (int v = 1; v < 16; v++) {
                int low = v & -v;
                if (low == v) {
                    in.copy(i, 4 * half + Integer.numberOfTrailingZeros(v), x0, w, t[at + v], 0);
                } else {
                    xor2(t[at + (v ^ low)], t[at + low], t[at + v], w);
                }
            }
        }
    }

    // The loops below index every array from 0 with the same x: about 3.5 times the work per
    // CPU-second of the same XORs at offsets into one table and one output array (a loop-alone test).

    /** {@code to[x] = p[x] ^ q[x]} for x below w. */
    private static void xor2(long[] p, long[] q, long[] to, int w) {
        for (int x = 0; x < w; x++) {
            to[x] = p[x] ^ q[x];
        }
    }

    /** {@code out[x] ^=} the XOR of the eight arrays at {@code x}, for x below w. */
    private static void xor8Into(
            long[] p0, long[] p1, long[] p2, long[] p3, long[] p4, long[] p5, long[] p6, long[] p7, long[] out, int w) {
        for (int x = 0; x < w; x++) {
            out[x] ^= p0[x] ^ p1[x] ^ p2[x] ^ p3[x] ^ p4[x] ^ p5[x] ^ p6[x] ^ p7[x];
        }
    }

    /** {@code out[x] ^= p[x] ^ q[x] ^ s[x] ^ u[x]} for x below w. */
    private static void xor4Into(long[] p, long[] q, long[] s, long[] u, long[] out, int w) {
        for (int x = 0; x < w; x++) {
            out[x] ^= p[x] ^ q[x] ^ s[x] ^ u[x];
        }
    }

    /**
     * The kernel's scratch, reused from block to block ({@link PacketShards} keeps one): the 128 sums
     * of a pass and one accumulator per output packet, each its own array of one slice.
     */
    static final class Tables {
        private long[][] sums = new long[128][0];
        private long[][] accumulators = new long[0][0];

        /** 128 arrays of at least {@code n} longs; entries {@code 16 e} are zero and stay zero. */
        long[][] sums(int n) {
            if (sums[0].length < n) {
                for (int e = 0; e < 128; e++) {
                    sums[e] = new long[n];
                }
            }
            return sums;
        }

        /** At least {@code count} arrays of at least {@code n} longs, contents unspecified. */
        long[][] accumulators(int count, int n) {
            if (accumulators.length < count || (count > 0 && accumulators[0].length < n)) {
                int size = Math.max(n, accumulators.length == 0 ? 0 : accumulators[0].length);
                accumulators = new long[Math.max(count, accumulators.length)][size];
            }
            return accumulators;
        }
    }

    /** The slice width: packets of {@code stride} longs cut into equal slices of at most {@link #SLICE}. */
    private static int slice(int stride) {
        int slices = Math.max(1, (stride + SLICE - 1) / SLICE);
        return Math.max(1, (stride + slices - 1) / slices);
    }
}
