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
 * coefficient. Two input shards are taken per pass, so each output packet is read and written once
 * per four sums. The result is the same sum of the same packets, so the same bytes.
 *
 * <p>Every input shard is read once, whatever {@code m}: the old form read each data shard once per
 * parity row. For long packets (8,968-byte shards: 141 longs each) the work runs slice by slice, at
 * most {@link #SLICE} longs of every packet, so that the 64 sums of one pass fit the first-level
 * cache; on the benchmark machine (1 MiB second-level cache, loaded) slices of 20, 40 and 160
 * longs (the last: no slicing) cost the same within the noise (docs/benchmarks.md, "diode11").
 */
final class NibbleKernel {
    /** Longs of a packet one pass works on: 64 sums of 40 longs are 20 KiB. */
    static final int SLICE = 40;

    /** Scratch longs {@link #multiply} needs for packets of {@code stride} longs. */
    static int scratchLongs(int stride) {
        return 64 * slice(stride);
    }

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
     * every shard {@code 8 × stride} longs, packet {@code c} at {@code c × stride}; {@code table} is
     * scratch of at least {@link #scratchLongs} longs. No output may be one of the inputs. Takes
     * the shared sums or one coefficient at a time, whichever does fewer packet XORs.
     */
    static void multiply(int[][] coef, long[][] ins, long[][] outs, int stride, long[] table) {
        if (prefersSums(coef)) {
            multiplySums(
                    coef,
                    ins.length,
                    (i, c, x0, w, to, at) -> System.arraycopy(ins[i], c * stride + x0, to, at, w),
                    outs,
                    stride,
                    table);
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
    static void multiplySums(int[][] coef, int k, Source ins, long[][] outs, int stride, long[] table) {
        int rows = outs.length;
        long[][] bits = new long[rows][k];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < k; i++) {
                bits[j][i] = CauchyXorCode.bitMatrix(coef[j][i]);
            }
        }
        for (long[] out : outs) {
            Arrays.fill(out, 0, 8 * stride, 0L);
        }
        int n = slice(stride);
        Arrays.fill(table, 0, 64 * n, 0L);
        for (int x0 = 0; x0 < stride; x0 += n) {
            int w = Math.min(n, stride - x0);
            for (int i = 0; i < k; i += 2) {
                sums(ins, i, x0, w, table, 0, n);
                if (i + 1 < k) {
                    sums(ins, i + 1, x0, w, table, 32 * n, n);
                } else {
                    Arrays.fill(table, 32 * n, 64 * n, 0L);
                }
                for (int j = 0; j < rows; j++) {
                    long a = bits[j][i];
                    long b = i + 1 < k ? bits[j][i + 1] : 0;
                    if ((a | b) != 0) {
                        addRows(a, b, table, n, outs[j], x0, w, stride);
                    }
                }
            }
        }
    }

    /** Packets {@code r} of out, slice {@code [x0, x0 + w)}, += row {@code r} of {@code a} and {@code b}. */
    private static void addRows(long a, long b, long[] t, int n, long[] out, int x0, int w, int stride) {
        for (int r = 0; r < 8; r++) {
            int ra = (int) (a >>> (8 * r)) & 0xFF;
            int rb = (int) (b >>> (8 * r)) & 0xFF;
            if ((ra | rb) == 0) {
                continue;
            }
            xor4(
                    t,
                    (ra & 15) * n,
                    (16 + (ra >>> 4)) * n,
                    (32 + (rb & 15)) * n,
                    (48 + (rb >>> 4)) * n,
                    out,
                    r * stride + x0,
                    w);
        }
    }

    /**
     * The 2 × 15 sums of slice {@code [x0, x0 + w)} of the packets of input {@code i} into {@code t} from
     * {@code base}: entry {@code v} (1..15) is the XOR of packets {@code c < 4} with bit {@code c} of
     * {@code v}, entry {@code 16 + v} the same over packets 4..7; entries 0 and 16 stay zero.
     */
    private static void sums(Source in, int i, int x0, int w, long[] t, int base, int n) {
        for (int half = 0; half < 2; half++) {
            int at = base + 16 * half * n;
            for (int v = 1; v < 16; v++) {
                int low = v & -v;
                int to = at + v * n;
                if (low == v) {
                    in.copy(i, 4 * half + Integer.numberOfTrailingZeros(v), x0, w, t, to);
                } else {
                    xor2(t, at + (v ^ low) * n, at + low * n, to, w);
                }
            }
        }
    }

    /** {@code t[to + x] = t[p + x] ^ t[q + x]} for x below w. */
    private static void xor2(long[] t, int p, int q, int to, int w) {
        for (int x = 0; x < w; x++) {
            t[to + x] = t[p + x] ^ t[q + x];
        }
    }

    /** {@code out[to + x] ^= t[p + x] ^ t[q + x] ^ t[s + x] ^ t[u + x]} for x below w. */
    private static void xor4(long[] t, int p, int q, int s, int u, long[] out, int to, int w) {
        for (int x = 0; x < w; x++) {
            out[to + x] ^= t[p + x] ^ t[q + x] ^ t[s + x] ^ t[u + x];
        }
    }

    /** The slice width: packets of {@code stride} longs cut into equal slices of at most {@link #SLICE}. */
    private static int slice(int stride) {
        int slices = Math.max(1, (stride + SLICE - 1) / SLICE);
        return Math.max(1, (stride + slices - 1) / slices);
    }
}
