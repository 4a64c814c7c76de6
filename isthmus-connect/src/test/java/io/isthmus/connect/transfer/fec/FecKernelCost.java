package io.isthmus.connect.transfer.fec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * CPU time (not wall time: the benchmark machine is shared) of the erasure code as the transfer runs
 * it, per Gbit of payload ({@code k} data shards): encoding as the sender does (parity from the batch
 * body's bytes into reused {@link PacketShards} and stored back as bytes; builds before the eighth
 * session first loaded the data shards into packet form, copies included) and decoding with one and
 * with {@code m} data shards missing (from byte arrays as the receiver does, copies and the matrix
 * inversion included), for
 * {@code k} = 47, {@code m} = 12 and 6, shards of 1,400 and 8,968 bytes, configurations interleaved,
 * five rounds; then the SHA-256 of every parity shard encoded once per configuration, so two builds
 * can be shown to give the same bytes. Only API both the old and the new kernel have:
 *
 * <pre>
 * java -cp isthmus-connect/target/test-classes:isthmus-connect/target/classes \
 *     io.isthmus.connect.transfer.fec.FecKernelCost [rounds]
 * </pre>
 */
public final class FecKernelCost {
    private static final int K = 47;
    private static final int[] PARITY = {12, 6};
    private static final int[] LENGTHS = {1400, 8968};
    /** Payload per measurement: about 0.4 Gbit, a few tenths of a CPU-second. */
    private static final double GBIT_PER_MEASUREMENT = 0.4;

    /**
     * The sender's call where the build has it: parity straight from the batch body's bytes
     * (eighth session); else, as before, the data shards loaded into packet form first.
     */
    private static final MethodHandle BODY_ENCODE = bodyEncode();

    private FecKernelCost() {}

    private static MethodHandle bodyEncode() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(
                            CauchyXorCode.class,
                            "encode",
                            MethodType.methodType(void.class, byte[].class, int.class, int.class, PacketShards.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println(BODY_ENCODE != null ? "encode: parity from the body's bytes" : "encode: load, then parity");
        List<Case> cases = new ArrayList<>();
        for (int length : LENGTHS) {
            for (int m : PARITY) {
                cases.add(new Case(K, m, length));
            }
        }
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            for (Case c : cases) {
                double payloadGbit = K * (double) c.length * 8 / 1e9;
                int n = (int) Math.ceil(GBIT_PER_MEASUREMENT / payloadGbit);
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    c.encode();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    c.decode(1, i);
                }
                long t2 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    c.decode(c.m, i);
                }
                long t3 = mx.getCurrentThreadCpuTime();
                double gbit = n * payloadGbit;
                System.out.printf(
                        "round %d k=%d m=%2d shard %5d: encode %.3f, decode 1 missing %.3f, decode %d missing %.3f"
                                + " CPU-s per Gbit%n",
                        round,
                        K,
                        c.m,
                        c.length,
                        (t1 - t0) / 1e9 / gbit,
                        (t2 - t1) / 1e9 / gbit,
                        c.m,
                        (t3 - t2) / 1e9 / gbit);
            }
        }
        for (Case c : cases) {
            System.out.printf("k=%d m=%2d shard %5d: parity sha-256 %s%n", K, c.m, c.length, c.paritySha());
        }
    }

    private static final class Case {
        final int m;
        final int length;
        final CauchyXorCode code;
        final byte[][] shards;
        final byte[] body;
        final PacketShards packets;
        final byte[][] work;
        final byte[][] scratch;
        final boolean[] present;

        Case(int k, int m, int length) {
            this.m = m;
            this.length = length;
            code = new CauchyXorCode(k, m);
            shards = new byte[k + m][length];
            Random random = new Random(31L * m + length);
            for (int i = 0; i < k; i++) {
                random.nextBytes(shards[i]);
            }
            body = new byte[k * length];
            for (int i = 0; i < k; i++) {
                System.arraycopy(shards[i], 0, body, i * length, length);
            }
            packets = new PacketShards(k + m, length);
            work = new byte[k + m][];
            scratch = new byte[m][length];
            present = new boolean[k + m];
            encode();
        }

        void encode() {
            if (BODY_ENCODE != null) {
                try {
                    BODY_ENCODE.invokeExact(code, body, 0, length, packets);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                for (int j = K; j < K + m; j++) {
                    packets.store(j, shards[j], 0);
                }
                return;
            }
            for (int i = 0; i < K; i++) {
                packets.load(i, shards[i], 0, length);
            }
            code.encode(packets);
            for (int j = K; j < K + m; j++) {
                packets.store(j, shards[j], 0);
            }
        }

        /**
         * Rebuilds {@code missing} data shards (which ones varies with {@code i}) as the receiver does,
         * from byte arrays; checks the first one rebuilt.
         */
        void decode(int missing, int i) {
            Arrays.fill(present, true);
            for (int s = 0; s < K + m; s++) {
                work[s] = shards[s];
            }
            for (int e = 0; e < missing; e++) {
                int lost = (i * 7 + e * 5) % K;
                present[lost] = false;
                work[lost] = scratch[e];
                Arrays.fill(scratch[e], (byte) 0x5A);
            }
            if (!code.decode(work, present, length)) {
                throw new IllegalStateException("decode refused " + missing + " missing of m = " + m);
            }
            if (!Arrays.equals(scratch[0], shards[(i * 7) % K])) {
                throw new IllegalStateException("decode gave different bytes for shard " + (i * 7) % K);
            }
        }

        String paritySha() {
            encode();
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (int j = K; j < K + m; j++) {
                sha.update(shards[j], 0, length);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
