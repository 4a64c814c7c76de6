package io.isthmus.wire.s7;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.s7.cotp.CotpDecode;
import io.isthmus.wire.s7.cotp.CotpDecoder;
import io.isthmus.wire.s7.cotp.CotpTpdu;
import io.isthmus.wire.s7.s7comm.S7Decode;
import io.isthmus.wire.s7.s7comm.S7commDecoder;
import io.isthmus.wire.s7.s7commplus.S7CommPlusDecode;
import io.isthmus.wire.s7.s7commplus.S7CommPlusDecoder;
import java.nio.ByteBuffer;

/**
 * Every S7 decoder entry point against arbitrary bytes. In a normal build the seeds under {@code
 * S7FuzzTestInputs/<method>/} run as regression tests; {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Properties: nothing throws; only the documented result types come out; consumed, skip,
 * need-more and offsets stay within the input and the limits (checked by {@link DissectorFeed} on
 * every call); buffers are never moved.
 */
class S7FuzzTest {

    /** Small limits, so that a fuzzer reaches every bound quickly. */
    private static final S7Limits SMALL = new S7Limits(300, 4, 600, 8, 8, 3, 600, 4);

    @FuzzTest(maxDuration = "60s")
    void dissectorStream(byte[] input) {
        for (S7Limits limits : new S7Limits[] {S7Limits.DEFAULT, SMALL}) {
            for (int chunk : new int[] {Math.max(1, input.length), 1, 5}) {
                var outcome = DissectorFeed.feed(
                        new S7Dissector(Protocol.S7COMM, limits),
                        input,
                        chunk,
                        Direction.REQUEST,
                        limits.maxTpktLength());
                assertThat(outcome.abandoned()).isFalse();
                assertThat(outcome.pending()).isBetween(0, Math.min(input.length, limits.maxTpktLength()));
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void probe(byte[] input) {
        ByteBuffer b = ByteBuffer.wrap(input);
        assertThat(new S7commDissectorFactory().probe(b, 102)).isNotNull();
        assertThat(new S7commPlusDissectorFactory().probe(b, 102)).isNotNull();
        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(input.length);
    }

    @FuzzTest(maxDuration = "30s")
    void cotpDecoder(byte[] input) {
        switch (CotpDecoder.decode(ByteBuffer.wrap(input), 0, input.length)) {
            case CotpDecode.Decoded d -> {
                if (d.tpdu() instanceof CotpTpdu.Data data) {
                    assertThat(data.payloadOffset() + data.payloadLength()).isEqualTo(input.length);
                    assertThat(data.payloadLength()).isNotNegative();
                }
            }
            case CotpDecode.Invalid i -> assertThat(i.offset()).isBetween(0, input.length);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void s7commDecoder(byte[] input) {
        var decoder = new S7commDecoder(8, 8, 3, 600);
        for (int i = 0; i < 3; i++) { // repeated, so that userdata reassembly state is exercised
            switch (decoder.decode(ByteBuffer.wrap(input), 0, input.length)) {
                case S7Decode.Decoded d -> assertThat(d.header().length()).isLessThanOrEqualTo(input.length);
                case S7Decode.Invalid v -> assertThat(v.offset()).isBetween(0, input.length);
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void s7commPlusDecoder(byte[] input) {
        var decoder = new S7CommPlusDecoder(3);
        for (int i = 0; i < 6; i++) { // repeated, so that the fragment state is exercised
            switch (decoder.decode(ByteBuffer.wrap(input), 0, input.length)) {
                case S7CommPlusDecode.Decoded d ->
                    assertThat(d.frame().version()).isBetween(0, 255);
                case S7CommPlusDecode.Continuation c -> assertThat(input.length).isGreaterThanOrEqualTo(4);
                case S7CommPlusDecode.Invalid v -> assertThat(v.offset()).isBetween(0, input.length);
            }
        }
    }
}
