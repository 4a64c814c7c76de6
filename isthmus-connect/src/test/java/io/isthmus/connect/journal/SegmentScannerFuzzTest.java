package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment scanner over arbitrary bytes, as they come from a damaged disk: it returns records,
 * damage and a tail that all lie inside the bytes, in id order, and allocates in proportion to the
 * input, never by a length read from it. Regression mode in CI runs the inputs in {@code
 * SegmentScannerFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SegmentScannerFuzzTest {
    private static final int MAX_PAYLOAD = 4096;

    @FuzzTest(maxDuration = "60s")
    void any_bytes_scan_to_records_and_damage_inside_the_input(byte[] data) {
        check(ByteBuffer.wrap(data));
        ByteBuffer withHeader = ByteBuffer.allocate(SegmentHeader.SIZE + data.length);
        withHeader.put(new SegmentHeader(1, 0).encode()).put(data);
        check(withHeader);
    }

    private static void check(ByteBuffer buf) {
        int limit = buf.capacity();
        List<long[]> records = new ArrayList<>();
        SegmentScanner.Result[] result = new SegmentScanner.Result[1];
        SegmentScanner.scan(buf, limit, 1, Long.MAX_VALUE, MAX_PAYLOAD, (seq, offset, size) -> {}); // warm-up

        long allocated = Allocation.measure(() -> result[0] = SegmentScanner.scan(
                buf,
                limit,
                1,
                Long.MAX_VALUE,
                MAX_PAYLOAD,
                (seq, offset, size) -> records.add(new long[] {seq, offset, size})));

        assertThat(allocated).isLessThan(1024 * 1024 + 256L * limit);
        var r = result[0];
        if (r.headerError().isPresent()) {
            assertThat(records).isEmpty();
            return;
        }
        long previous = 0;
        long end = SegmentHeader.SIZE;
        for (long[] rec : records) {
            assertThat(rec[0]).isGreaterThan(previous);
            assertThat(rec[1]).isGreaterThanOrEqualTo(end);
            assertThat(rec[1] + rec[2]).isLessThanOrEqualTo(limit);
            previous = rec[0];
            end = rec[1] + rec[2];
        }
        assertThat(r.records()).isEqualTo(records.size());
        assertThat(r.validEnd()).isBetween(SegmentHeader.SIZE, limit);
        for (var d : r.damages()) {
            assertThat(d.offset() + d.length()).isLessThanOrEqualTo(limit);
            assertThat(d.nextGoodSequence()).isGreaterThan(d.lastGoodSequence());
        }
        r.tail().ifPresent(t -> {
            assertThat(t.offset() + t.length()).isEqualTo(limit);
            assertThat(t.offset()).isEqualTo(r.validEnd());
        });
    }
}
