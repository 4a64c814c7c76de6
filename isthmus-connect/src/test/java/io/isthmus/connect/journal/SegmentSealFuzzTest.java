package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The seal decoder over arbitrary bytes, as they come from a damaged disk: it returns a seal or a
 * reason, allocates in proportion to the input, and what it accepts is consistent and encodes back
 * to the same bytes. The bytes are tried as they are and with a valid checksum put over them, so the
 * fuzzer reaches the field checks. Regression mode in CI runs the inputs in {@code
 * SegmentSealFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SegmentSealFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void any_bytes_decode_to_a_consistent_seal_or_a_reason(byte[] data) {
        check(data);
        if (data.length >= 4) {
            byte[] withChecksum = data.clone();
            CRC32C crc = new CRC32C();
            crc.update(withChecksum, 0, withChecksum.length - 4);
            ByteBuffer.wrap(withChecksum).putInt(withChecksum.length - 4, (int) crc.getValue());
            check(withChecksum);
        }
    }

    private static void check(byte[] bytes) {
        SegmentSeal.decode(bytes); // warm-up
        SegmentSeal.Decoded[] result = new SegmentSeal.Decoded[1];

        long allocated = Allocation.measure(() -> result[0] = SegmentSeal.decode(bytes));

        assertThat(allocated).isLessThan(64 * 1024 + 8L * bytes.length);
        if (result[0] instanceof SegmentSeal.Valid v) {
            assertThat(v.seal().consistent()).isTrue();
            ByteBuffer encoded = v.seal().encode();
            assertThat(encoded).isEqualTo(ByteBuffer.wrap(bytes));
        }
    }
}
