package io.isthmus.app.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.observe.detect.DetectionStats;
import org.junit.jupiter.api.Test;

/** Every detection drop counter reaches the Prometheus text with its own value. */
class SensorMetricsTest {
    @Test
    void eachDroppedCounterIsExposedWithItsValue() {
        SensorStatus s = new SensorStatus(
                "stdin",
                "running",
                10,
                2000,
                3,
                4,
                5,
                false,
                null,
                null,
                2,
                null,
                null,
                new DetectionStats(100, 50, 9, 4, 11, 12, 13, 14));
        String text = SensorMetrics.prometheus(s);
        assertThat(text)
                .contains("\nisthmus_detection_alerts_evicted_total 11\n")
                .contains("\nisthmus_detection_scan_trackers_evicted_total 12\n")
                .contains("\nisthmus_detection_baseline_dropped_total 13\n")
                .contains("\nisthmus_detection_polls_dropped_total 14\n")
                .contains("\nisthmus_sensor_learning 0\n")
                .doesNotContain("input_dropped");
    }

    @Test
    void withoutASensorOnlyTheSensorCountersAreZero() {
        SensorStatus off = new SensorStatus(null, "off", 0, 0, 0, 0, 0, false, null, null, 0, null, null, null);
        assertThat(SensorMetrics.prometheus(off))
                .contains("\nisthmus_sensor_packets_total 0\n")
                .doesNotContain("isthmus_detection_");
    }
}
