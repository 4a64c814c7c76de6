package io.isthmus.wire.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Every decoder entry point against arbitrary bytes. In a normal build the seeds under {@code
 * ModbusFuzzTestInputs/<method>/} run as regression tests; {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Properties: nothing throws; only the documented result types come out; whatever decodes
 * re-encodes to exactly the bytes it came from (the codec is canonical, so a firewall can pass a
 * decoded frame on unchanged).
 */
class ModbusFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void mbapFrame(byte[] input) {
        var buffer = ByteBuffer.wrap(input);
        switch (MbapCodec.decode(buffer)) {
            case MbapDecode.Complete c -> {
                assertThat(c.consumed()).isBetween(8, Math.min(input.length, ModbusLimits.SPEC.maxAdu()));
                assertThat(MbapCodec.encode(c.frame())).isEqualTo(Arrays.copyOf(input, c.consumed()));
            }
            case MbapDecode.NeedMore n ->
                assertThat(input.length + n.bytesNeeded()).isLessThanOrEqualTo(ModbusLimits.SPEC.maxAdu());
            case MbapDecode.Malformed m -> assertThat(m.offset()).isBetween(0, 5);
        }
        assertThat(buffer.position()).isZero();
    }

    @FuzzTest(maxDuration = "30s")
    void requestPdu(byte[] input) {
        switch (ModbusPduCodec.decodeRequest(ByteBuffer.wrap(input))) {
            case PduDecode.Ok<ModbusRequest> ok -> {
                assertThat(ok.value().validate()).isNotNull();
                assertThat(ModbusPduCodec.encode(ok.value())).isEqualTo(input);
            }
            case PduDecode.Malformed<ModbusRequest> m -> assertThat(m.offset()).isBetween(0, input.length);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void responsePdu(byte[] input) {
        switch (ModbusPduCodec.decodeResponse(ByteBuffer.wrap(input))) {
            case PduDecode.Ok<ModbusResponse> ok ->
                assertThat(ModbusPduCodec.encode(ok.value())).isEqualTo(input);
            case PduDecode.Malformed<ModbusResponse> m -> assertThat(m.offset()).isBetween(0, input.length);
        }
    }
}
