package io.isthmus.connect.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The transfer batch and event decoders over arbitrary bytes: a value for every input (never a
 * throw), and whatever decodes survives a second encode and decode unchanged. Regression mode runs
 * the seeds in {@code TransferFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TransferFuzzTest {
    private static final TransferCodec BATCHES = new TransferCodec(new TransferLimits(1 << 16, 64, 4096));
    private static final EventCodec EVENTS = EventCodec.withBundledAttack();

    @FuzzTest(maxDuration = "60s")
    void any_bytes_decode_to_a_batch_or_a_malformed_value(byte[] data) {
        switch (BATCHES.decode(data)) {
            case TransferDecoding.Decoded<TransferBatch> d ->
                assertThat(BATCHES.decode(BATCHES.encode(d.value()))).isEqualTo(d);
            case TransferDecoding.Malformed<TransferBatch> m ->
                assertThat(m.offset()).isBetween(0, data.length);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void any_bytes_decode_to_an_event_or_a_malformed_value(byte[] data) {
        switch (EVENTS.decode(data)) {
            case TransferDecoding.Decoded<io.isthmus.model.Event> d ->
                assertThat(EVENTS.decode(EVENTS.encode(d.value()))).isEqualTo(d);
            case TransferDecoding.Malformed<io.isthmus.model.Event> m ->
                assertThat(m.offset()).isBetween(0, data.length);
        }
    }
}
