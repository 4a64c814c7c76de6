package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.SegmentSeal.IndexEntry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seal's byte layout: what decodes, and a table of seals that must not be trusted. */
class SegmentSealTest {
    /** Records 10..19 of 33 bytes each from offset 32, indexed at 10 and 15. */
    private static final SegmentSeal SEAL = new SegmentSeal(
            10,
            1_700_000_000_000_000L,
            19,
            10,
            32 + 10 * 33,
            32 + 9 * 33,
            160,
            List.of(new IndexEntry(10, 32), new IndexEntry(15, 32 + 5 * 33)));

    private static byte[] bytes(SegmentSeal seal) {
        ByteBuffer buf = seal.encode();
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    /** Applies a change to the encoded seal and puts a valid checksum back over it. */
    private static byte[] resealed(Consumer<ByteBuffer> change) {
        byte[] b = bytes(SEAL);
        ByteBuffer buf = ByteBuffer.wrap(b);
        change.accept(buf);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        buf.putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    @Test
    void a_seal_decodes_to_what_was_encoded() {
        byte[] b = bytes(SEAL);

        assertThat(b).hasSize(SegmentSeal.FIXED_BYTES + 2 * SegmentSeal.ENTRY_BYTES);
        assertThat(SegmentSeal.decode(b)).isEqualTo(new SegmentSeal.Valid(SEAL));
    }

    @Test
    void the_largest_seal_of_a_configuration_holds_one_entry_per_interval_and_the_first() {
        assertThat(SegmentSeal.maxBytes(64 * 1024 * 1024, 64 * 1024))
                .isEqualTo(SegmentSeal.FIXED_BYTES + SegmentSeal.ENTRY_BYTES * 1025L);
    }

    static Stream<Arguments> malformed() {
        byte[] valid = bytes(SEAL);
        byte[] flipped = valid.clone();
        flipped[30] ^= 1;
        byte[] badMagic = resealed(b -> b.put(0, (byte) 'X'));
        return Stream.of(
                Arguments.of("empty", new byte[0], SealError.BAD_LENGTH),
                Arguments.of("cut inside the fixed part", java.util.Arrays.copyOf(valid, 40), SealError.BAD_LENGTH),
                Arguments.of(
                        "cut inside the index",
                        java.util.Arrays.copyOf(valid, valid.length - 7),
                        SealError.CHECKSUM_MISMATCH),
                Arguments.of("a bit flipped", flipped, SealError.CHECKSUM_MISMATCH),
                Arguments.of("another file's magic", badMagic, SealError.BAD_MAGIC),
                Arguments.of("version 2", resealed(b -> b.putShort(8, (short) 2)), SealError.UNSUPPORTED_VERSION),
                Arguments.of("more entries than bytes", resealed(b -> b.putInt(58, 3)), SealError.BAD_LENGTH),
                Arguments.of("entry count near 2^32", resealed(b -> b.putInt(58, -1)), SealError.BAD_LENGTH),
                Arguments.of("first id 0", resealed(b -> b.putLong(10, 0)), SealError.INCONSISTENT),
                Arguments.of("last id below the first", resealed(b -> b.putLong(26, 9)), SealError.INCONSISTENT),
                Arguments.of("no records", resealed(b -> b.putLong(34, 0)), SealError.INCONSISTENT),
                Arguments.of("more records than ids", resealed(b -> b.putLong(34, 11)), SealError.INCONSISTENT),
                Arguments.of("last record inside the header", resealed(b -> b.putInt(50, 31)), SealError.INCONSISTENT),
                Arguments.of(
                        "last record shorter than its framing",
                        resealed(b -> b.putLong(42, 32 + 9 * 33 + 24)),
                        SealError.INCONSISTENT),
                Arguments.of(
                        "segment above the largest",
                        resealed(b -> b.putLong(42, JournalConfig.MAX_SEGMENT_BYTES + 1)),
                        SealError.INCONSISTENT),
                Arguments.of("interval 0", resealed(b -> b.putInt(54, 0)), SealError.INCONSISTENT),
                Arguments.of(
                        "index not starting at the first record",
                        resealed(b -> b.putInt(62 + 8, 33)),
                        SealError.INCONSISTENT),
                Arguments.of("index ids not increasing", resealed(b -> b.putLong(62 + 12, 10)), SealError.INCONSISTENT),
                Arguments.of(
                        "index offsets not increasing",
                        resealed(b -> b.putInt(62 + 12 + 8, 32)),
                        SealError.INCONSISTENT),
                Arguments.of(
                        "index past the last record", resealed(b -> b.putLong(62 + 12, 20)), SealError.INCONSISTENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_seal_is_refused_with_its_reason(String name, byte[] bytes, SealError expected) {
        assertThat(SegmentSeal.decode(bytes)).isEqualTo(new SegmentSeal.Invalid(expected));
    }
}
