package io.isthmus.connect.transfer.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReedSolomonTest {

    @ParameterizedTest(name = "k={0} m={1}")
    @CsvSource({"1,1", "2,1", "3,2", "4,4", "5,3", "6,2"})
    void every_choice_of_k_surviving_shards_gives_back_the_data(int k, int m) {
        var rs = new ReedSolomon(k, m);
        byte[][] original = randomShards(k, m, 37, new Random(k * 31L + m));
        rs.encode(original, 37);
        for (int mask = 0; mask < 1 << (k + m); mask++) {
            if (Integer.bitCount(mask) < k) {
                continue;
            }
            byte[][] shards = copy(original);
            boolean[] present = new boolean[k + m];
            for (int s = 0; s < k + m; s++) {
                present[s] = (mask & 1 << s) != 0;
                if (!present[s]) {
                    java.util.Arrays.fill(shards[s], (byte) 0x5A);
                }
            }
            assertThat(rs.decode(shards, present, 37)).isTrue();
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
        for (int round = 0; round < 50; round++) {
            int k = 1 + random.nextInt(200);
            int m = random.nextInt(Math.min(56, 256 - k) + 1);
            var rs = new ReedSolomon(k, m);
            byte[][] original = randomShards(k, m, 1 + random.nextInt(1400), random);
            int length = original[0].length;
            rs.encode(original, length);
            byte[][] shards = copy(original);
            boolean[] present = new boolean[k + m];
            java.util.Arrays.fill(present, true);
            for (int e = 0; e < m; e++) {
                int s = random.nextInt(k + m);
                present[s] = false;
                shards[s] = new byte[length];
            }
            assertThat(rs.decode(shards, present, length)).isTrue();
            for (int d = 0; d < k; d++) {
                assertThat(shards[d]).isEqualTo(original[d]);
            }
        }
    }

    @Test
    void fewer_than_k_shards_rebuild_nothing() {
        var rs = new ReedSolomon(4, 2);
        byte[][] shards = randomShards(4, 2, 8, new Random(1));
        rs.encode(shards, 8);
        boolean[] present = {true, false, false, false, true, true};
        assertThat(rs.decode(shards, present, 8)).isFalse();
    }

    @Test
    void shapes_beyond_the_field_are_refused_with_the_value() {
        assertThatThrownBy(() -> new ReedSolomon(200, 57)).hasMessageContaining("257");
        assertThatThrownBy(() -> new ReedSolomon(0, 1)).hasMessageContaining("dataShards is 0");
    }

    @Test
    void the_long_wise_kernel_equals_byte_by_byte_multiplication_for_every_coefficient_and_tail_length() {
        Random random = new Random(6);
        for (int coefficient = 0; coefficient < 256; coefficient++) {
            for (int length = 0; length <= 41; length++) {
                byte[] in = new byte[length + 3];
                byte[] out = new byte[length + 3];
                random.nextBytes(in);
                random.nextBytes(out);
                byte[] expected = out.clone();
                for (int x = 0; x < length; x++) {
                    expected[x] ^= (byte) Gf256.multiply(coefficient, in[x] & 0xFF);
                }

                ReedSolomon.multiplyAdd(coefficient, in, out, length);

                assertThat(out)
                        .as("coefficient %d, length %d", coefficient, length)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void multiplication_has_inverses_for_every_nonzero_element() {
        for (int a = 1; a < 256; a++) {
            assertThat(Gf256.multiply(a, Gf256.inverse(a))).isEqualTo(1);
        }
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
