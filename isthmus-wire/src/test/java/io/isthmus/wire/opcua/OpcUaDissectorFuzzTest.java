package io.isthmus.wire.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.ByteStreamFeeder;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.opcua.transport.ChunkHeader;
import java.nio.ByteBuffer;

/**
 * Jazzer fuzz tests of the OPC UA entry points. {@code ./mvnw verify} replays the seeds in
 * {@code OpcUaDissectorFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. Small limits make the
 * fuzzer reach the chunk-count and pending-message bounds.
 */
class OpcUaDissectorFuzzTest {

    private static final OpcUaLimits SMALL = new OpcUaLimits(8192, 512, 255, 1024, 256, 4, 2);

    @FuzzTest
    void dissectorStaysWithinItsInputAndLimits(FuzzedDataProvider data) {
        int segment = data.consumeInt(1, 300);
        Direction hint = data.consumeBoolean() ? Direction.REQUEST : Direction.RESPONSE;
        byte[] stream = data.consumeRemainingAsBytes();
        ByteStreamFeeder.Fed fed =
                ByteStreamFeeder.feed(new OpcUaDissector(SMALL), stream, segment, hint, SMALL.maxChunkSize());
        for (MessageSummary m : fed.messages()) {
            assertThat(m.function()).isGreaterThanOrEqualTo(0);
            assertThat(m.functionName()).isNotBlank();
        }
        assertThat(fed.leftover()).isLessThanOrEqualTo(SMALL.maxChunkSize());
    }

    @FuzzTest
    void probeAnswersForAnyBytes(byte[] input) {
        ByteBuffer buffer = ByteBuffer.wrap(input);
        assertThat(new OpcUaDissectorFactory(SMALL).probe(buffer, 4840)).isNotNull();
        assertThat(ChunkHeader.check(buffer, 0, input.length, SMALL.maxChunkSize()))
                .isNotNull();
        assertThat(buffer.position()).isZero();
    }
}
