package io.isthmus.wire.modbus.rtu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The RTU decoders against arbitrary bytes: nothing throws, a frame never claims more than the
 * input or the 256-byte ADU, and a decoded frame re-encodes to the bytes it came from.
 * {@code JAZZER_FUZZ=1} fuzzes; otherwise the seeds run as regression tests.
 */
class RtuFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void responseFrame(byte[] input) {
        check(input, RtuCodec.decodeResponse(ByteBuffer.wrap(input)));
    }

    @FuzzTest(maxDuration = "30s")
    void requestFrame(byte[] input) {
        check(input, RtuCodec.decodeRequest(ByteBuffer.wrap(input)));
    }

    private static void check(byte[] input, RtuDecode decode) {
        switch (decode) {
            case RtuDecode.Complete c -> {
                assertThat(c.consumed()).isBetween(4, Math.min(input.length, RtuCodec.MAX_ADU));
                assertThat(RtuCodec.encode(c.frame())).isEqualTo(Arrays.copyOf(input, c.consumed()));
            }
            case RtuDecode.NeedMore n -> assertThat(n.bytesNeeded()).isBetween(1, RtuCodec.MAX_ADU);
            case RtuDecode.Malformed m -> assertThat(m.offset()).isBetween(0, RtuCodec.MAX_ADU);
        }
    }
}
