package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentScannerTest {

    private final List<Long> visited = new ArrayList<>();

    private SegmentScanner.Result scan(byte[] bytes, long first) {
        return SegmentScanner.scan(
                ByteBuffer.wrap(bytes),
                bytes.length,
                first,
                Long.MAX_VALUE,
                1024,
                (seq, off, size) -> visited.add(seq));
    }

    @Test
    void a_clean_segment_yields_every_record_in_order_and_no_damage() {
        var seg = new SegmentBytes(10);
        seg.record("a");
        seg.record("b");
        seg.record("c");

        var result = scan(seg.toArray(), 10);

        assertThat(visited).containsExactly(10L, 11L, 12L);
        assertThat(result.headerError()).isEmpty();
        assertThat(result.lastSequence()).isEqualTo(12);
        assertThat(result.records()).isEqualTo(3);
        assertThat(result.validEnd()).isEqualTo(seg.size());
        assertThat(result.damages()).isEmpty();
        assertThat(result.tail()).isEmpty();
    }

    @Test
    void a_header_only_segment_has_no_records_and_ends_at_the_header() {
        var result = scan(new SegmentBytes(5).toArray(), 5);

        assertThat(result.records()).isZero();
        assertThat(result.lastSequence()).isEqualTo(4);
        assertThat(result.validEnd()).isEqualTo(SegmentHeader.SIZE);
    }

    @Test
    void a_record_cut_short_at_the_end_is_the_tail() {
        var seg = new SegmentBytes(1);
        seg.record("first");
        int secondAt = seg.record("second");
        byte[] bytes = java.util.Arrays.copyOf(seg.toArray(), seg.size() - 3);

        var result = scan(bytes, 1);

        assertThat(result.lastSequence()).isEqualTo(1);
        assertThat(result.validEnd()).isEqualTo(secondAt);
        assertThat(result.tail())
                .contains(new SegmentScanner.Tail(secondAt, bytes.length - secondAt, FrameError.TRUNCATED, 1));
    }

    @Test
    void a_corrupt_record_followed_by_good_ones_is_damage_in_the_middle_and_scanning_resumes() {
        var seg = new SegmentBytes(1);
        seg.record("one");
        int twoAt = seg.record("two");
        int threeAt = seg.record("three");
        seg.record("four");
        byte[] bytes = seg.toArray();
        bytes[twoAt + RecordFormat.HEADER_BYTES] ^= 0x01;

        var result = scan(bytes, 1);

        assertThat(visited).containsExactly(1L, 3L, 4L);
        assertThat(result.damages())
                .containsExactly(new SegmentScanner.Damage(twoAt, threeAt - twoAt, FrameError.CHECKSUM_MISMATCH, 1, 3));
        assertThat(result.tail()).isEmpty();
        assertThat(result.lastSequence()).isEqualTo(4);
    }

    @Test
    void a_corrupt_length_field_in_the_middle_is_found_by_resynchronising_on_the_next_record() {
        var seg = new SegmentBytes(1);
        seg.record("one");
        int twoAt = seg.record("two");
        int threeAt = seg.record("three");
        byte[] bytes = seg.toArray();
        bytes[twoAt] = 0x7F;

        var result = scan(bytes, 1);

        assertThat(visited).containsExactly(1L, 3L);
        assertThat(result.damages()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(twoAt);
            assertThat(d.length()).isEqualTo(threeAt - twoAt);
            assertThat(d.error()).isEqualTo(FrameError.LENGTH_EXCEEDS_LIMIT);
        });
    }

    @Test
    void a_valid_record_whose_id_does_not_follow_is_out_of_order() {
        var seg = new SegmentBytes(1);
        seg.record("one");
        int at = seg.recordWithSequence(1, "again");

        var result = scan(seg.toArray(), 1);

        assertThat(result.tail()).map(SegmentScanner.Tail::error).contains(FrameError.SEQUENCE_OUT_OF_ORDER);
        assertThat(result.validEnd()).isEqualTo(at);
    }

    @Test
    void records_at_or_above_the_ceiling_belong_to_no_segment_and_are_not_accepted() {
        var seg = new SegmentBytes(1);
        seg.record("one");
        seg.record("two");
        byte[] bytes = seg.toArray();

        var result = SegmentScanner.scan(ByteBuffer.wrap(bytes), bytes.length, 1, 2, 1024, (s, o, z) -> {});

        assertThat(result.lastSequence()).isEqualTo(1);
        assertThat(result.tail()).isPresent();
    }

    @Test
    void header_problems_make_the_segment_unreadable_with_a_reason() {
        byte[] good = new SegmentBytes(7).toArray();
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        byte[] badCrc = good.clone();
        badCrc[15] ^= 1;

        assertThat(scan(new byte[10], 7).headerError()).contains(HeaderError.TRUNCATED);
        assertThat(scan(badMagic, 7).headerError()).contains(HeaderError.BAD_MAGIC);
        assertThat(scan(badCrc, 7).headerError()).contains(HeaderError.CHECKSUM_MISMATCH);
        assertThat(scan(good, 8).headerError()).contains(HeaderError.NAME_MISMATCH);
        assertThat(scan(good, 7).headerError()).isEqualTo(Optional.empty());
    }
}
