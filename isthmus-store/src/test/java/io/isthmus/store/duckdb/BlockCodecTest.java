package io.isthmus.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The block encoding of the blob-layout experiment ({@link BlockCodec}). */
class BlockCodecTest {
    private static final TagPath TAG = TagPath.parse("acme/plant1/bottling/line1/filler/motor/current");
    private static final BlockCodec CODEC = new BlockCodec(BlockLimits.DEFAULT);

    static BlockColumns columns(List<Sample> samples) {
        BlockColumns c = new BlockColumns(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            c.set(i, Micros.of(samples.get(i).sourceTime()), samples.get(i));
        }
        return c;
    }

    static List<Sample> samples(BlockColumns c) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < c.size; i++) {
            out.add(c.sample(TAG, i));
        }
        return out;
    }

    private static Instant micros(long us) {
        return Micros.instant(us);
    }

    @Test
    void everyKindQualityAndBitPatternRoundTrips() throws Exception {
        List<Sample> in = List.of(
                new Sample(TAG, micros(Long.MIN_VALUE + 1_000_000), Value.of(Long.MAX_VALUE), Quality.GOOD),
                new Sample(TAG, micros(Long.MAX_VALUE), Value.of(Long.MIN_VALUE), Quality.STALE),
                new Sample(TAG, micros(0), Value.of(-0.0), Quality.BAD_COMM),
                new Sample(TAG, micros(-5), Value.of(Double.NaN), Quality.BAD_DEVICE),
                new Sample(TAG, micros(-5), Value.of(Double.longBitsToDouble(0x7ff0_0000_dead_beefL)), Quality.GOOD),
                new Sample(TAG, micros(7), Value.of(true), Quality.GOOD),
                new Sample(TAG, micros(7), Value.of(false), Quality.GOOD),
                new Sample(TAG, micros(8), Value.of("cola, 0.5 l \"light\"\nv2 ÄÖÜ €"), Quality.GOOD),
                new Sample(TAG, micros(9), Value.of(""), Quality.STALE),
                new Sample(TAG, micros(10), Value.of(Double.NEGATIVE_INFINITY), Quality.GOOD),
                new Sample(TAG, micros(11), Value.of(1e-300), Quality.GOOD));
        BlockColumns back = CODEC.decode(CODEC.encode(columns(in)));
        assertThat(samples(back)).containsExactlyElementsOf(in);
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).value() instanceof Value.Real r) {
                assertThat(Double.doubleToRawLongBits(back.num[i])).isEqualTo(Double.doubleToRawLongBits(r.value()));
            }
        }
    }

    @Test
    void aSteadyOneSecondSeriesTakesAboutOneByteOfTimePerSample() throws Exception {
        List<Sample> in = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 4096; i++) {
            in.add(Sample.good(TAG, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), Value.of(r.nextInt(100))));
        }
        byte[] block = CODEC.encode(columns(in));
        assertThat(samples(CODEC.decode(block))).containsExactlyElementsOf(in);
        // per sample: one byte of delta of delta, one or two of int difference; plus header and CRC
        assertThat(block.length).isLessThan(4096 * 3 + 32);
    }

    @Test
    void randomBlocksRoundTrip() throws Exception {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(300);
            List<Sample> in = new ArrayList<>();
            long t = r.nextLong();
            for (int i = 0; i < n; i++) {
                t += r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2_000_000) - 1_000_000;
                Value v = switch (r.nextInt(4)) {
                    case 0 -> Value.of(r.nextBoolean());
                    case 1 -> Value.of(r.nextLong());
                    case 2 -> Value.of(Double.longBitsToDouble(r.nextLong()));
                    default -> Value.of("s" + r.nextInt());
                };
                in.add(new Sample(TAG, micros(t), v, Quality.values()[r.nextInt(4)]));
            }
            assertThat(samples(CODEC.decode(CODEC.encode(columns(in))))).containsExactlyElementsOf(in);
        }
    }

    @Test
    void theWriterRefusesABlockAboveTheLimit() {
        BlockCodec small = new BlockCodec(new BlockLimits(2));
        BlockColumns three = columns(List.of(
                Sample.good(TAG, micros(1), Value.of(1L)),
                Sample.good(TAG, micros(2), Value.of(2L)),
                Sample.good(TAG, micros(3), Value.of(3L))));
        assertThatThrownBy(() -> small.encode(three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 2 samples, not 3");
        assertThatThrownBy(() -> new BlockLimits(0)).hasMessageContaining("maxSamples must be at least 1, not 0");
    }

    /** A block body in hex (before its CRC) and the start of the error it must give. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            02 01 00 00 01 00 01 02 00            | unknown block format 2                 | wrong format byte
            01 00 00 00 01 00 01 02 00            | sample count 0 outside                 | zero samples
            01 ffff07 00 00 01 00 01 02 00        | sample count 131071 outside            | count above the limit
            01 ff3f 00 00 01 00 01 02 00          | sample count 8191 needs more than      | count above the bytes present
            01 02 00 00 01 00                     | truncated: a byte is missing           | runs short of the count
            01 01 00 02 00 01 02 00 00            | quality run of 2 where 1 samples are left | run longer than the samples
            01 01 00 01 09 01 02 00 00            | unknown quality code 9                 | unknown quality
            01 01 00 01 00 01 07 00 00            | unknown value kind code 7              | unknown kind
            01 01 00 01 00 01 00 02 00            | bool value 2 is neither 0 nor 1        | bool not 0 or 1
            01 01 00 01 00 01 02 19 00 00         | bad real control byte 25               | real control byte past 8 bytes
            01 01 00 01 00 01 02 08 00 00         | truncated real                         | real bytes missing
            01 01 00 01 00 01 03 05 61 62         | text of 5 bytes where 2 are left       | text longer than the block
            01 01 00 01 00 01 01 ffffffffffffffffffff7f | varint longer than                 | varint of 11 bytes
            01 01 00 01 00 01 00 01 00            | 1 bytes left over                      | trailing bytes
            """)
    void malformedBlocksAreRefusedWithWhatAndWhere(String hex, String error, String name) {
        byte[] block = withCrc(HexFormat.of().parseHex(hex.replace(" ", "")));
        assertThatThrownBy(() -> CODEC.decode(block))
                .isInstanceOf(BlockFormatException.class)
                .hasMessageStartingWith(error.strip())
                .hasMessageContaining(" at byte ");
    }

    @Test
    void aFlippedBitFailsTheChecksumAndATinyBlockIsTooShort() throws Exception {
        byte[] block = CODEC.encode(columns(List.of(Sample.good(TAG, micros(5), Value.of(1.5)))));
        block[3] ^= 0x10;
        assertThatThrownBy(() -> CODEC.decode(block)).hasMessageStartingWith("checksum mismatch");
        assertThatThrownBy(() -> CODEC.decode(new byte[5])).hasMessageStartingWith("a block of 5 bytes is too short");
    }

    static byte[] withCrc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        int v = (int) crc.getValue();
        byte[] out = java.util.Arrays.copyOf(body, body.length + 4);
        out[body.length] = (byte) v;
        out[body.length + 1] = (byte) (v >>> 8);
        out[body.length + 2] = (byte) (v >>> 16);
        out[body.length + 3] = (byte) (v >>> 24);
        return out;
    }
}
