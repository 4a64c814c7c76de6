package io.isthmus.connect.sparkplug;

import java.util.Map;

/**
 * Counters of one source since it was created.
 *
 * @param messages MQTT messages received on the subscribed topics
 * @param samples samples handed to the sink (GOOD and not)
 * @param rebirthRequests NCMD {@code Node Control/Rebirth} messages sent
 * @param connects successful connections to the broker
 * @param anomalies dropped messages or metrics, by reason; every reason is present
 */
public record SparkplugStats(
        long messages, long samples, long rebirthRequests, long connects, Map<Anomaly, Long> anomalies) {
    public SparkplugStats {
        anomalies = Map.copyOf(anomalies);
    }

    public long anomalies(Anomaly a) {
        return anomalies.getOrDefault(a, 0L);
    }

    public long totalAnomalies() {
        return anomalies.values().stream().mapToLong(Long::longValue).sum();
    }
}
