package io.isthmus.connect.transfer.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacketShardsTest {

    @ParameterizedTest(name = "shard of {0} bytes, {1} loaded")
    @CsvSource({"8,8", "8,3", "64,64", "64,0", "1400,1400", "1400,1399", "1400,200", "1400,176", "8968,8968", "8968,5"})
    void a_loaded_shard_stores_back_its_bytes_followed_by_zeros(int length, int loaded) {
        byte[] src = new byte[3 + length];
        new Random(length * 7L + loaded).nextBytes(src);
        var shards = new PacketShards(2, length);
        shards.load(1, new byte[length], 0, length); // garbage from before must not leak through
        Arrays.fill(shards.words(1), -1L);

        shards.load(1, src, 3, loaded);
        byte[] out = new byte[length + 2];
        shards.store(1, out, 1);

        byte[] expected = new byte[length + 2];
        System.arraycopy(src, 3, expected, 1, loaded);
        assertThat(out).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {8, 16, 64, 1400, 8968})
    void every_slice_read_from_the_bytes_is_the_loaded_shard_s_words(int length) {
        byte[] src = new byte[5 + length];
        new Random(length).nextBytes(src);
        var shards = new PacketShards(1, length);
        shards.load(0, src, 5, length);
        int packet = length / 8;
        int stride = shards.stride();
        for (int c = 0; c < 8; c++) {
            for (int x0 = 0; x0 < stride; x0++) {
                for (int w = 1; x0 + w <= stride; w += 1 + w / 3) {
                    long[] slice = new long[w + 2];
                    PacketShards.loadSlice(src, 5 + c * packet, packet, x0, w, slice, 1);
                    long[] expected = new long[w + 2];
                    System.arraycopy(shards.words(0), c * stride + x0, expected, 1, w);
                    assertThat(slice)
                            .as("packet %d, longs %d..%d", c, x0, x0 + w)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {8, 1400, 8968})
    void the_padding_of_every_packet_stays_zero_so_xors_cannot_reach_the_wire(int length) {
        byte[] src = new byte[length];
        Arrays.fill(src, (byte) 0xFF);
        var shards = new PacketShards(1, length);

        shards.load(0, src, 0, length);

        int packetBytes = length / 8;
        int stride = shards.stride();
        long[] w = shards.words(0);
        for (int c = 0; c < 8; c++) {
            for (int x = packetBytes; x < 8 * stride; x++) {
                assertThat(w[c * stride + x / 8] >>> (8 * (x % 8)) & 0xFF)
                        .as("packet %d byte %d", c, x)
                        .isZero();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, -8, 1401})
    void shard_lengths_that_are_not_a_multiple_of_8_are_refused_with_the_value(int length) {
        assertThatThrownBy(() -> new PacketShards(2, length)).hasMessageContaining("shard length is " + length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 9})
    void loading_more_than_a_shard_or_a_negative_count_is_refused(int n) {
        var shards = new PacketShards(1, 8);
        assertThatThrownBy(() -> shards.load(0, new byte[16], 0, n)).hasMessageContaining("loading " + n);
    }
}
