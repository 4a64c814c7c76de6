package io.isthmus.wire.profinet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import java.nio.ByteBuffer;

/**
 * Jazzer fuzz tests of the DCP entry points; {@code ./mvnw verify} replays the seeds in {@code
 * DcpDissectorFuzzTestInputs/}, {@code JAZZER_FUZZ=1} fuzzes.
 */
class DcpDissectorFuzzTest {

    private static final DcpLimits SMALL = new DcpLimits(8, 32);

    @FuzzTest
    void dissectorConsumesExactlyTheFrame(byte[] frame) {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        Dissection d = new DcpDissector(SMALL).next(buffer, Direction.REQUEST);
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(frame.length);
        switch (d) {
            case Dissection.Messages m -> {
                assertThat(m.consumed()).isEqualTo(frame.length);
                assertThat(m.messages()).hasSizeLessThanOrEqualTo(1);
                m.messages().forEach(s -> assertThat(s.function()).isBetween(0, 255));
            }
            case Dissection.Malformed m -> assertThat(m.skip()).isEqualTo(frame.length);
            case Dissection.NeedMore n -> throw new AssertionError("frames never need more: " + n);
        }
    }

    @FuzzTest
    void probeAnswersForAnyBytes(byte[] payload) {
        assertThat(new DcpDissectorFactory(SMALL).probe(ByteBuffer.wrap(payload), -1))
                .isNotNull();
    }
}
