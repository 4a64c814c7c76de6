package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The sample batch decoder over arbitrary bytes: it returns a value for every input (never throws),
 * allocates in proportion to the input whatever counts the input declares, and whatever it decodes
 * survives a second encode and decode unchanged; the manifest's {@code summarize} never throws and
 * agrees with the full decoding. Regression mode in CI runs the inputs in {@code
 * SampleBatchCodecFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SampleBatchCodecFuzzTest {
    private static final SampleBatchCodec CODEC = new SampleBatchCodec(new SampleBatchLimits(4096, 1024, 256));

    @FuzzTest(maxDuration = "60s")
    void any_bytes_decode_to_samples_or_a_malformed_value(byte[] data) {
        SampleBatchDecoding[] result = new SampleBatchDecoding[1];
        CODEC.decode(data); // the first call loads and instruments classes; measure the second

        long allocated = Allocation.measure(() -> result[0] = CODEC.decode(data));

        assertThat(allocated).isLessThan(1024 * 1024 + 1024L * data.length);
        switch (result[0]) {
            case SampleBatchDecoding.Decoded d -> {
                assertThat(d.samples().size()).isLessThanOrEqualTo(data.length / 4);
                assertThat(CODEC.decode(CODEC.encode(d.samples()))).isEqualTo(d);
                assertThat(CODEC.summarize(data)).hasValue(SampleBatchCodecTest.summaryOf(d.samples()));
                var into = new SummaryAccumulator(1 << 16, 1 << 20);
                if (CODEC.summarizeInto(data, into)) {
                    assertThat(into.sortedPaths(Integer.MAX_VALUE, Integer.MAX_VALUE))
                            .isEqualTo(
                                    SampleBatchCodecTest.summaryOf(d.samples()).paths());
                }
            }
            case SampleBatchDecoding.Malformed m -> {
                assertThat(m.offset()).isBetween(0, data.length);
                assertThat(m.error()).isNotNull();
                CODEC.summarize(data); // a value, never an exception
                CODEC.summarizeInto(data, new SummaryAccumulator(1 << 16, 1 << 20));
            }
        }
        embeddedSummaryIsTheSame(data);
    }

    /** The batch between other bytes (as the diode sender's record block holds it) summarizes as alone. */
    private static void embeddedSummaryIsTheSame(byte[] data) {
        byte[] packed = new byte[data.length + 2 * 7];
        java.util.Arrays.fill(packed, (byte) 0x21);
        System.arraycopy(data, 0, packed, 7, data.length);
        var alone = new SummaryAccumulator(1 << 16, 1 << 20);
        var embedded = new SummaryAccumulator(1 << 16, 1 << 20);
        assertThat(CODEC.summarizeInto(packed, 7, data.length, embedded)).isEqualTo(CODEC.summarizeInto(data, alone));
        assertThat(embedded.sortedPaths(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo(alone.sortedPaths(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertThat(embedded.minMicros()).isEqualTo(alone.minMicros());
        assertThat(embedded.maxMicros()).isEqualTo(alone.maxMicros());
    }
}
