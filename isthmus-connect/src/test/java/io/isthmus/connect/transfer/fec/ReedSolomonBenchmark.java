package io.isthmus.connect.transfer.fec;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sender's FEC cost: encoding one default batch (64 KiB in {@code k} = 47 shards of 1,400 bytes,
 * {@code m} = 12 parity shards at overhead 0.25) with the long-wise kernel, against the byte loop it
 * replaced. Payload MB/s = 47 × 1,400 bytes × ops/s. Run:
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl isthmus-connect -am test-compile
 * java -cp "isthmus-connect/target/test-classes:isthmus-connect/target/classes:$(cat isthmus-connect/target/bench.classpath)" \
 *     org.openjdk.jmh.Main ReedSolomonBenchmark -wi 3 -i 5 -w 1s -r 2s -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReedSolomonBenchmark {
    @Param({"47"})
    int k;

    @Param({"12"})
    int m;

    @Param({"1400"})
    int shardBytes;

    ReedSolomon code;
    CauchyXorCode xorCode;
    byte[][] shards;
    PacketShards packets;
    byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        code = new ReedSolomon(k, m);
        xorCode = new CauchyXorCode(k, m);
        shards = new byte[k + m][shardBytes];
        Random random = new Random(1);
        for (int i = 0; i < k; i++) {
            random.nextBytes(shards[i]);
        }
        packets = new PacketShards(k + m, shardBytes);
        body = new byte[k * shardBytes];
        for (int i = 0; i < k; i++) {
            System.arraycopy(shards[i], 0, body, i * shardBytes, shardBytes);
        }
    }

    /**
     * The sender's call since the eighth session: parity straight from the batch body's bytes
     * (shared sums, {@link NibbleKernel}), stored back as bytes.
     */
    @Benchmark
    public byte[][] encodeFromBody() {
        xorCode.encode(body, 0, shardBytes, packets);
        for (int j = k; j < k + m; j++) {
            packets.store(j, shards[j], 0);
        }
        return shards;
    }

    @Benchmark
    public byte[][] encodeLongWise() {
        code.encode(shards, shardBytes);
        return shards;
    }

    /**
     * The bit-matrix form as the sender runs it ({@code shardBytes} a multiple of 8): data shards
     * loaded into reused {@link PacketShards}, parity computed over {@code long[]} packets and
     * stored back as bytes, the copies included.
     */
    @Benchmark
    public byte[][] encodeBitMatrix() {
        for (int i = 0; i < k; i++) {
            packets.load(i, shards[i], 0, shardBytes);
        }
        xorCode.encode(packets);
        for (int j = k; j < k + m; j++) {
            packets.store(j, shards[j], 0);
        }
        return shards;
    }

    /**
     * The bit-matrix form as the fourth session had it, for comparison: packet XORs straight over
     * the shard bytes through a little-endian {@code long} view (a copy of the old kernel).
     */
    @Benchmark
    public byte[][] encodeBitMatrixOverBytes() {
        int[][] matrix = xorCode.parityMatrix();
        for (int j = 0; j < m; j++) {
            byte[] out = shards[k + j];
            java.util.Arrays.fill(out, 0, shardBytes, (byte) 0);
            for (int i = 0; i < k; i++) {
                multiplyAddOverBytes(matrix[j][i], shards[i], out, shardBytes);
            }
        }
        return shards;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static void multiplyAddOverBytes(int a, byte[] in, byte[] out, int length) {
        int packet = length >>> 3;
        long bits = CauchyXorCode.bitMatrix(a);
        for (int r = 0; r < 8; r++) {
            int row = (int) (bits >>> (8 * r)) & 0xFF;
            int to = r * packet;
            while (row != 0) {
                int c = Integer.numberOfTrailingZeros(row);
                row &= row - 1;
                int from = c * packet;
                int x = 0;
                for (int whole = packet & ~7; x < whole; x += 8) {
                    LONGS.set(out, to + x, (long) LONGS.get(out, to + x) ^ (long) LONGS.get(in, from + x));
                }
                for (; x < packet; x++) {
                    out[to + x] ^= in[from + x];
                }
            }
        }
    }

    @Benchmark
    public byte[][] encodeByteLoop() {
        byte[] table = Gf256.PRODUCT;
        for (int j = 0; j < m; j++) {
            byte[] parity = shards[k + j];
            java.util.Arrays.fill(parity, 0, shardBytes, (byte) 0);
            for (int i = 0; i < k; i++) {
                int c = Gf256.inverse((k + j) ^ i);
                int base = c << 8;
                byte[] in = shards[i];
                for (int x = 0; x < shardBytes; x++) {
                    parity[x] ^= table[base | (in[x] & 0xFF)];
                }
            }
        }
        return shards;
    }
}
