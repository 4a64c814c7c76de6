package io.isthmus.wire.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import java.nio.ByteBuffer;

/**
 * The dissector entry point against arbitrary streams cut at arbitrary places. Seeds in {@code
 * ModbusDissectorFuzzTestInputs/stream/}; {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Properties: nothing throws; consumed and skip stay within the input; NeedMore never asks
 * beyond one ADU; the buffer is never moved; memory held stays within one ADU plus a probe.
 */
class ModbusDissectorFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void stream(FuzzedDataProvider data) {
        Direction direction = data.consumeBoolean() ? Direction.REQUEST : Direction.RESPONSE;
        int segment = data.consumeInt(1, 300);
        byte[] bytes = data.consumeRemainingAsBytes();
        var dissector = new ModbusDissectorFactory().newDissector();
        checkOne(dissector, bytes, direction);
        var feeder = new StreamFeeder(new ModbusDissectorFactory().newDissector(), direction);
        feeder.feedInSegments(bytes, segment);
        assertThat(feeder.maxHeld).isLessThanOrEqualTo(ModbusLimits.SENSOR.maxAdu() + segment);
        assertThat(feeder.stopped).isFalse();
    }

    private static void checkOne(io.isthmus.wire.Dissector dissector, byte[] bytes, Direction direction) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        switch (dissector.next(buffer, direction)) {
            case Dissection.Messages m -> assertThat(m.consumed()).isBetween(8, bytes.length);
            case Dissection.NeedMore n ->
                assertThat(bytes.length + n.bytes()).isLessThanOrEqualTo(ModbusLimits.SENSOR.maxAdu());
            case Dissection.Malformed m -> assertThat(m.skip()).isBetween(1, Math.max(1, bytes.length));
        }
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(bytes.length);
    }
}
