package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentWordTest {
    @Test
    void a_word_is_printable_exactly_when_every_byte_of_the_segment_is_0x21_to_0x7e() {
        for (int length = 1; length <= 8; length++) {
            for (int at = 0; at < length; at++) {
                for (int value = 0; value < 256; value++) {
                    byte[] segment =
                            "ABCDEFGH".substring(0, length).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    segment[at] = (byte) value;
                    boolean rule = value >= 0x21 && value <= 0x7E;

                    long word = SegmentWord.read(segment, 0, length);

                    assertThat(SegmentWord.printable(word, length))
                            .as("length %d, byte %d = %02x", length, at, value)
                            .isEqualTo(rule);
                }
            }
        }
    }

    @Test
    void a_segment_reads_the_same_at_the_end_of_its_array_as_with_bytes_after_it() {
        byte[] bytes = {7, 'p', '1', '2', 'x', 'y', 'z', 'w', 'v', -1, -1, -1, -1, -1, -1, -1, -1};
        for (int length = 1; length <= 8; length++) {
            byte[] atEnd = java.util.Arrays.copyOfRange(bytes, 0, 1 + length);

            long inside = SegmentWord.read(bytes, 1, length);

            assertThat(SegmentWord.read(atEnd, 1, length))
                    .as("length %d", length)
                    .isEqualTo(inside);
            assertThat(inside >>> (8 * length - 1) >>> 1)
                    .as("nothing after the segment")
                    .isZero();
            assertThat(inside & 0xFF).isEqualTo('p');
        }
    }
}
