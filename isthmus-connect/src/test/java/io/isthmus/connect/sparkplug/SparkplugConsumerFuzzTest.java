package io.isthmus.connect.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.connect.config.HostPort;
import io.isthmus.model.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The host's payload-to-samples mapping over arbitrary message sequences: it never throws, never
 * reports outside the configured namespace, and never produces more samples than the metrics it
 * was sent plus one quality change per tag and message. Input: frames of {@code [topic selector]
 * [length, 2 bytes big-endian][payload]}. Regression mode in CI runs the inputs in {@code
 * SparkplugConsumerFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SparkplugConsumerFuzzTest {
    private static final String[] TOPICS = {
        "spBv1.0/g/NBIRTH/n",
        "spBv1.0/g/DBIRTH/n/d",
        "spBv1.0/g/NDATA/n",
        "spBv1.0/g/DDATA/n/d",
        "spBv1.0/g/NDEATH/n",
        "spBv1.0/g/DDEATH/n/d",
        "spBv1.0/g/NCMD/n",
        "spBv1.0/g/BOGUS/n",
    };
    private static final SparkplugSourceConfig CONFIG =
            SparkplugSourceConfig.create("fuzz", new HostPort("127.0.0.1", 1883), b -> {
                b.pathRule = Optional.of(new SparkplugPathRule("e/s/a/l"));
                b.limits = new SparkplugLimits(4096, 64, 4, 4, 256, 512, 128, 256);
            });

    @FuzzTest(maxDuration = "60s")
    void any_message_sequence_maps_to_samples_or_counted_anomalies(byte[] data) {
        List<Sample> samples = new ArrayList<>();
        SparkplugConsumer consumer = new SparkplugConsumer(CONFIG, List.of(), samples::add);
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        int messages = 0;
        int i = 0;
        while (i + 3 <= data.length) {
            String topic = TOPICS[data[i] & 7];
            int len = Math.min(((data[i + 1] & 0xFF) << 8) | (data[i + 2] & 0xFF), data.length - i - 3);
            byte[] payload = Arrays.copyOfRange(data, i + 3, i + 3 + len);
            i += 3 + len;
            consumer.accept(topic, payload, now);
            now = now.plusMillis(100);
            messages++;
        }
        consumer.connectionLost(now);

        SparkplugStats stats = consumer.stats(0, 0);
        assertThat(stats.messages()).isEqualTo(messages);
        assertThat(stats.samples()).isEqualTo(samples.size());
        assertThat(samples)
                .allSatisfy(s -> assertThat(s.path().isUnder("e/s/a/l/n")).isTrue());
        // a tag exists per birth metric (<= 256 per node, 4 nodes... but one node here), each sample
        // is a metric of a message or one quality change per tag and message
        assertThat((long) samples.size()).isLessThanOrEqualTo((long) (messages + 1) * (64 + 256));
    }
}
