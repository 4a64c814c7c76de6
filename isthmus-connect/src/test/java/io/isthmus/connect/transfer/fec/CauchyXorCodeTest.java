package io.isthmus.connect.transfer.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CauchyXorCodeTest {

    @ParameterizedTest(name = "k={0} m={1}")
    @CsvSource({"1,1", "2,1", "3,2", "4,4", "5,3", "6,2", "1,7", "7,1"})
    void every_choice_of_k_surviving_shards_gives_back_the_data(int k, int m) {
        var code = new CauchyXorCode(k, m);
        byte[][] original = randomShards(k, m, 40, new Random(k * 31L + m));
        code.encode(original, 40);
        for (int mask = 0; mask < 1 << (k + m); mask++) {
            if (Integer.bitCount(mask) < k) {
                continue;
            }
            byte[][] shards = copy(original);
            boolean[] present = new boolean[k + m];
            for (int s = 0; s < k + m; s++) {
                present[s] = (mask & 1 << s) != 0;
                if (!present[s]) {
                    Arrays.fill(shards[s], (byte) 0x5A);
                }
            }
            assertThat(code.decode(shards, present, 40)).isTrue();
            for (int d = 0; d < k; d++) {
                assertThat(shards[d])
                        .as("mask %s shard %d", Integer.toBinaryString(mask), d)
                        .isEqualTo(original[d]);
            }
        }
    }

    @Test
    void large_blocks_recover_from_any_m_random_erasures() {
        var random = new Random(42);
        for (int round = 0; round < 60; round++) {
            int k = 1 + random.nextInt(200);
            int m = random.nextInt(Math.min(56, 256 - k) + 1);
            var code = new CauchyXorCode(k, m);
            int length = 8 * (1 + random.nextInt(1121));
            byte[][] original = randomShards(k, m, length, random);
            code.encode(original, length);
            byte[][] shards = copy(original);
            boolean[] present = new boolean[k + m];
            Arrays.fill(present, true);
            for (int e = 0; e < m; e++) {
                int s = random.nextInt(k + m);
                present[s] = false;
                shards[s] = new byte[length];
            }
            assertThat(code.decode(shards, present, length)).isTrue();
            for (int d = 0; d < k; d++) {
                assertThat(shards[d]).as("k=%d m=%d shard %d", k, m, d).isEqualTo(original[d]);
            }
        }
    }

    @Test
    void the_first_parity_is_the_plain_xor_of_the_data() {
        var code = new CauchyXorCode(5, 3);
        byte[][] shards = randomShards(5, 3, 24, new Random(3));
        code.encode(shards, 24);
        byte[] xor = new byte[24];
        for (int i = 0; i < 5; i++) {
            for (int x = 0; x < 24; x++) {
                xor[x] ^= shards[i][x];
            }
        }
        assertThat(shards[5]).isEqualTo(xor);
    }

    @Test
    void the_bit_matrix_kernel_is_multiplication_in_the_field_for_every_coefficient() {
        Random random = new Random(6);
        for (int a = 0; a < 256; a++) {
            for (int packet : new int[] {1, 7, 8, 9, 175}) {
                int length = 8 * packet;
                byte[] in = new byte[length];
                byte[] out = new byte[length];
                random.nextBytes(in);
                random.nextBytes(out);
                byte[] expected = out.clone();
                // symbol at bit b of byte t: bit c of it is bit b of byte t of packet c
                for (int t = 0; t < packet; t++) {
                    for (int b = 0; b < 8; b++) {
                        int symbol = 0;
                        for (int c = 0; c < 8; c++) {
                            symbol |= (in[c * packet + t] >>> b & 1) << c;
                        }
                        int product = Gf256.multiply(a, symbol);
                        for (int r = 0; r < 8; r++) {
                            expected[r * packet + t] ^= (byte) ((product >>> r & 1) << b);
                        }
                    }
                }

                CauchyXorCode.multiplyAdd(a, in, out, length);

                assertThat(out).as("coefficient %d, packet %d", a, packet).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "k={0} m={1} length={2}")
    @CsvSource({"47,12,1400", "47,6,1400", "47,12,8968", "47,6,8968", "46,3,640", "5,2,8", "1,4,1128", "9,1,648"})
    void parity_is_the_field_product_of_the_matrix_and_the_data_symbols(int k, int m, int length) {
        var code = new CauchyXorCode(k, m);
        byte[][] shards = randomShards(k, m, length, new Random(k * 1000L + m * 10L + length));

        code.encode(shards, length);

        int[][] matrix = code.parityMatrix();
        int packet = length / 8;
        for (int j = 0; j < m; j++) {
            byte[] expected = new byte[length];
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < packet; t++) {
                    for (int b = 0; b < 8; b++) {
                        int product = Gf256.multiply(matrix[j][i], symbol(shards[i], packet, t, b));
                        for (int r = 0; r < 8; r++) {
                            expected[r * packet + t] ^= (byte) ((product >>> r & 1) << b);
                        }
                    }
                }
            }
            assertThat(shards[k + j]).as("parity %d", j).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "k={0} m={1} length={2}")
    @CsvSource({"47,12,1400", "47,6,8968", "47,1,1400", "47,2,1400", "3,1,16", "10,3,8", "2,2,0"})
    void parity_computed_from_a_body_equals_parity_computed_from_separate_shards(int k, int m, int length) {
        var code = new CauchyXorCode(k, m);
        byte[][] shards = randomShards(k, m, length, new Random(k + 100L * m + length));
        code.encode(shards, length);
        byte[] body = new byte[7 + k * length + 3];
        Arrays.fill(body, (byte) 0xA5);
        for (int i = 0; i < k; i++) {
            System.arraycopy(shards[i], 0, body, 7 + i * length, length);
        }
        var packets = new PacketShards(1, 8);

        code.encode(body, 7, length, packets);

        for (int j = 0; j < m; j++) {
            byte[] parity = new byte[length];
            packets.store(k + j, parity, 0);
            assertThat(parity).as("parity %d", j).isEqualTo(shards[k + j]);
        }
    }

    @Test
    void a_body_too_short_for_k_shards_is_refused_with_the_sizes() {
        var code = new CauchyXorCode(4, 2);
        assertThatThrownBy(() -> code.encode(new byte[100], 8, 24, new PacketShards()))
                .hasMessageContaining("4 shards of 24 bytes from 8")
                .hasMessageContaining("100 bytes");
    }

    @Test
    void shared_sums_give_the_same_product_as_one_coefficient_at_a_time() {
        var random = new Random(12);
        var tables = new NibbleKernel.Tables(); // one scratch for every shape, as a sender keeps it
        for (int round = 0; round < 200; round++) {
            int k = 1 + random.nextInt(60);
            int rows = random.nextInt(14);
            int stride = 1 + random.nextInt(random.nextBoolean() ? 30 : 300);
            int[][] coef = new int[rows][k];
            for (int[] row : coef) {
                for (int i = 0; i < k; i++) {
                    int pick = random.nextInt(10);
                    row[i] = pick == 0 ? 0 : pick == 1 ? 1 : random.nextInt(256);
                }
            }
            long[][] ins = new long[k][8 * stride];
            for (long[] in : ins) {
                for (int x = 0; x < in.length; x++) {
                    in[x] = random.nextLong();
                }
            }
            long[][] outs = new long[rows][8 * stride];
            long[][] expected = new long[rows][8 * stride];
            for (int j = 0; j < rows; j++) {
                java.util.Arrays.fill(outs[j], random.nextLong()); // overwritten, not added to
                for (int i = 0; i < k; i++) {
                    CauchyXorCode.multiplyAdd(coef[j][i], ins[i], expected[j], stride);
                }
            }

            NibbleKernel.multiplySums(
                    coef,
                    k,
                    (i, c, x0, w, to, at) -> System.arraycopy(ins[i], c * stride + x0, to, at, w),
                    outs,
                    stride,
                    tables);

            for (int j = 0; j < rows; j++) {
                assertThat(outs[j])
                        .as("k=%d rows=%d stride=%d row %d", k, rows, stride, j)
                        .isEqualTo(expected[j]);
            }
        }
    }

    /** The field symbol at bit {@code b} of byte {@code t}: bit {@code c} of it is that bit of packet {@code c}. */
    private static int symbol(byte[] shard, int packet, int t, int b) {
        int symbol = 0;
        for (int c = 0; c < 8; c++) {
            symbol |= (shard[c * packet + t] >>> b & 1) << c;
        }
        return symbol;
    }

    @Test
    void fewer_than_k_shards_rebuild_nothing() {
        var code = new CauchyXorCode(4, 2);
        byte[][] shards = randomShards(4, 2, 8, new Random(1));
        code.encode(shards, 8);
        boolean[] present = {true, false, false, false, true, true};
        assertThat(code.decode(shards, present, 8)).isFalse();
    }

    @Test
    void scaling_leaves_fewer_ones_than_half_of_every_bit_matrix() {
        var code = new CauchyXorCode(47, 12);
        assertThat(code.encodeXors()).isLessThan(47 * 12 * 32);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 9, 1401, -8})
    void shard_lengths_that_are_not_a_multiple_of_8_are_refused_with_the_value(int length) {
        var code = new CauchyXorCode(2, 1);
        byte[][] shards = new byte[3][Math.max(0, length) + 8];
        assertThatThrownBy(() -> code.encode(shards, length))
                .hasMessageContaining("shard length is " + length)
                .hasMessageContaining("multiple of 8");
    }

    @Test
    void shapes_beyond_the_field_are_refused_with_the_value() {
        assertThatThrownBy(() -> new CauchyXorCode(200, 57)).hasMessageContaining("257");
        assertThatThrownBy(() -> new CauchyXorCode(0, 1)).hasMessageContaining("dataShards is 0");
        assertThatThrownBy(() -> new CauchyXorCode(3, -1)).hasMessageContaining("parityShards is -1");
    }

    private static byte[][] randomShards(int k, int m, int length, Random random) {
        byte[][] shards = new byte[k + m][length];
        for (int i = 0; i < k; i++) {
            random.nextBytes(shards[i]);
        }
        return shards;
    }

    private static byte[][] copy(byte[][] shards) {
        byte[][] c = new byte[shards.length][];
        for (int i = 0; i < shards.length; i++) {
            c[i] = shards[i].clone();
        }
        return c;
    }
}
