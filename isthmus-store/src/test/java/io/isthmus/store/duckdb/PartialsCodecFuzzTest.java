package io.isthmus.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * The partials row decoder over arbitrary bytes, as they are and with a valid CRC-32C appended: it
 * returns partials (one per 60 bytes) or throws {@link BlockFormatException}, nothing else, and
 * what it decodes encodes back to the same bytes. Regression mode replays {@code
 * PartialsCodecFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PartialsCodecFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void any_bytes_decode_to_partials_or_a_format_error(byte[] data) {
        check(data);
        check(BlockCodecTest.withCrc(data));
    }

    private static void check(byte[] data) {
        List<MinuteRollup.Partial> ps;
        try {
            ps = PartialsCodec.decode(data);
        } catch (BlockFormatException e) {
            assertThat(e.offset()).isBetween(0, data.length);
            return;
        }
        assertThat(ps).hasSize((data.length - 4) / PartialsCodec.RECORD_BYTES);
        assertThat(PartialsCodec.encode(ps, 0, ps.size())).isEqualTo(data);
    }
}
