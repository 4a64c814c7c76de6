package io.isthmus.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;

/**
 * The block decoder over arbitrary bytes, once as they are (almost always a checksum mismatch) and
 * once with a valid CRC-32C appended, so the fuzzer reaches the body: it returns columns or throws
 * {@link BlockFormatException}, nothing else; it allocates in proportion to the input whatever count
 * the input declares; and what it decodes survives a second encode and decode unchanged. Regression
 * mode (every build) replays {@code BlockCodecFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class BlockCodecFuzzTest {
    private static final BlockCodec CODEC = new BlockCodec(BlockLimits.DEFAULT);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @FuzzTest(maxDuration = "60s")
    void any_bytes_decode_to_a_block_or_a_format_error(byte[] data) throws Exception {
        check(data);
        check(BlockCodecTest.withCrc(data));
    }

    private static void check(byte[] data) throws Exception {
        try {
            CODEC.decode(data); // the first call loads classes; measure the second
        } catch (BlockFormatException e) {
            // measured below
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        BlockColumns c;
        try {
            c = CODEC.decode(data);
        } catch (BlockFormatException e) {
            assertThat(e.offset()).isBetween(0, data.length);
            return;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        // columns: 34 bytes per sample and at least two bytes of input per sample; text at most 3x its UTF-8
        assertThat(allocated).isLessThan(64 * 1024 + 40L * data.length);
        assertThat(c.size).isBetween(1, data.length / 2);
        BlockColumns again = CODEC.decode(CODEC.encode(c));
        assertThat(BlockCodecTest.samples(again)).isEqualTo(BlockCodecTest.samples(c));
    }
}
