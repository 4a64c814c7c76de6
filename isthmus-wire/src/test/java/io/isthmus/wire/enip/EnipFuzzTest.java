package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.enip.cip.CipDecode;
import io.isthmus.wire.enip.cip.CipDecoder;
import io.isthmus.wire.enip.cip.CipMessage;
import io.isthmus.wire.enip.cip.EPathDecode;
import io.isthmus.wire.enip.cip.EPathDecoder;
import java.nio.ByteBuffer;

/**
 * Every EtherNet/IP and CIP decoder entry point against arbitrary bytes. In a normal build the
 * seeds under {@code EnipFuzzTestInputs/<method>/} run as regression tests; {@code JAZZER_FUZZ=1}
 * fuzzes.
 *
 * <p>Properties: nothing throws; only the documented result types come out; consumed, skip,
 * need-more and offsets stay within the input and the limits; embedded messages stay within the
 * budget; buffers are never moved.
 */
class EnipFuzzTest {

    /** Small limits, so that a fuzzer reaches every bound quickly. */
    private static final EnipLimits SMALL = new EnipLimits(400, 3, 6, 2, 6);

    @FuzzTest(maxDuration = "60s")
    void dissectorStream(byte[] input) {
        for (EnipLimits limits : new EnipLimits[] {EnipLimits.DEFAULT, SMALL}) {
            int bound = EnipLimits.HEADER_LENGTH + limits.maxEncapsulationLength();
            for (int chunk : new int[] {Math.max(1, input.length), 1, 7}) {
                var outcome = DissectorFeed.feed(new EnipDissector(limits), input, chunk, Direction.REQUEST, bound);
                assertThat(outcome.abandoned()).isFalse();
                assertThat(outcome.pending()).isBetween(0, Math.min(input.length, bound));
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void probe(byte[] input) {
        ByteBuffer b = ByteBuffer.wrap(input);
        assertThat(new EnipDissectorFactory().probe(b, 44818)).isNotNull();
        assertThat(b.position()).isZero();
    }

    @FuzzTest(maxDuration = "30s")
    void cipDecoder(byte[] input) {
        switch (new CipDecoder(6, 2, 6).decode(input, 0, input.length)) {
            case CipDecode.Decoded d -> assertThat(count(d.message())).isLessThanOrEqualTo(1 + 6);
            case CipDecode.Invalid i -> assertThat(i.offset()).isBetween(0, input.length);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void epathDecoder(byte[] input) {
        switch (EPathDecoder.decode(input, 0, input.length, 6)) {
            case EPathDecode.Decoded d -> assertThat(d.path().segments()).hasSizeLessThanOrEqualTo(6);
            case EPathDecode.Invalid i -> {
                assertThat(i.offset()).isBetween(0, input.length);
                assertThat(i.partial().segments()).hasSizeLessThanOrEqualTo(6);
            }
        }
    }

    private static int count(CipMessage m) {
        return 1 + m.embedded().stream().mapToInt(EnipFuzzTest::count).sum();
    }
}
