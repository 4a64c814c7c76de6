package io.isthmus.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The partials row encoding: fixed 60-byte records and a CRC-32C. */
class PartialsCodecTest {
    static MinuteRollup.Partial partial(int tag, long minute, double v) {
        MinuteRollup.Partial p = new MinuteRollup.Partial(tag, minute);
        p.add(minute + 1, v);
        p.add(minute + 2, -v);
        return p;
    }

    static String text(MinuteRollup.Partial p) {
        return p.tag + "/" + p.minute + "/" + p.n + "/" + p.total + "/" + p.lo + "/" + p.hi + "/" + p.lastT + "/"
                + p.lastV;
    }

    static byte[] valid() {
        return PartialsCodec.encode(List.of(partial(3, 60_000_000L, 1.5), partial(7, 120_000_000L, -0.0)), 0, 2);
    }

    @Test
    void partialsRoundTripExactly() throws Exception {
        List<MinuteRollup.Partial> in =
                List.of(partial(3, 60_000_000L, 1.5), partial(7, 120_000_000L, Double.MAX_VALUE), partial(0, 0, 0));
        List<MinuteRollup.Partial> out = PartialsCodec.decode(PartialsCodec.encode(in, 0, 3));
        assertThat(out.stream().map(PartialsCodecTest::text))
                .containsExactlyElementsOf(
                        in.stream().map(PartialsCodecTest::text).toList());
    }

    @Test
    void aRowOfPerRowPartialsStaysUnderFourKilobytes() {
        MinuteRollup.Partial[] ps = new MinuteRollup.Partial[PartialsCodec.PER_ROW];
        Arrays.setAll(ps, i -> partial(i, 0, i));
        assertThat(PartialsCodec.encode(List.of(ps), 0, ps.length)).hasSizeLessThanOrEqualTo(4000);
    }

    static Stream<Arguments> malformed() {
        byte[] flipped = valid();
        flipped[10] ^= 1;
        byte[] badCrc = valid();
        badCrc[badCrc.length - 1] ^= 1;
        return Stream.of(
                Arguments.of("empty", new byte[0], "not whole records"),
                Arguments.of("shorter than a CRC", new byte[3], "not whole records"),
                Arguments.of("a record cut short", Arrays.copyOf(valid(), valid().length - 5), "not whole records"),
                Arguments.of("a flipped bit in a record", flipped, "checksum mismatch"),
                Arguments.of("a flipped bit in the CRC", badCrc, "checksum mismatch"),
                Arguments.of("one byte too many", Arrays.copyOf(valid(), valid().length + 1), "not whole records"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedPartialsRowIsAFormatError(String what, byte[] data, String reason) {
        assertThatThrownBy(() -> PartialsCodec.decode(data))
                .isInstanceOf(BlockFormatException.class)
                .hasMessageContaining(reason);
    }
}
