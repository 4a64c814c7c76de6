package io.isthmus.app.sensor;

import io.isthmus.observe.detect.DetectionStats;

/**
 * The sensor's counters as Prometheus text (exposition format 0.0.4), so that what detection
 * dropped at its limits (evicted alerts, baseline entries and polling cycles that did not fit) can
 * be scraped and alerted on, not only read in {@code GET /api/sensor}.
 */
final class SensorMetrics {
    private SensorMetrics() {}

    static String prometheus(SensorStatus s) {
        StringBuilder b = new StringBuilder(2048);
        counter(b, "isthmus_sensor_packets_total", "Packets decoded by the sensor.", s.packets());
        counter(b, "isthmus_sensor_bytes_total", "Capture bytes read by the sensor.", s.bytes());
        counter(b, "isthmus_sensor_flows_total", "Flows that left the flow table.", s.flows());
        counter(b, "isthmus_sensor_alerts_total", "Detection alerts raised (deduplicated).", s.alerts());
        if (s.dropped() != null) {
            counter(
                    b,
                    "isthmus_sensor_input_dropped_total",
                    "Packets the input dropped before the sensor.",
                    s.dropped());
        }
        gauge(b, "isthmus_sensor_learning", "1 while the baseline's learning window is open.", s.learning() ? 1 : 0);
        gauge(b, "isthmus_sensor_assets", "Assets in the inventory.", s.assets());
        DetectionStats d = s.detection();
        if (d != null) {
            counter(b, "isthmus_detection_requests_total", "Request observations inspected.", d.requests());
            counter(b, "isthmus_detection_findings_total", "Findings before deduplication.", d.findings());
            counter(
                    b,
                    "isthmus_detection_alerts_evicted_total",
                    "Alerts evicted at the detection's alert limit.",
                    d.alertsEvicted());
            counter(
                    b,
                    "isthmus_detection_scan_trackers_evicted_total",
                    "Scan trackers evicted at the host limit.",
                    d.hostsEvicted());
            counter(
                    b,
                    "isthmus_detection_baseline_dropped_total",
                    "Baseline entries (pairs, written addresses, discovery senders) that did not fit.",
                    d.baselineDropped());
            counter(
                    b,
                    "isthmus_detection_polls_dropped_total",
                    "Polling cycles that did not fit the baseline and are never judged for drift.",
                    d.pollsDropped());
        }
        return b.toString();
    }

    private static void counter(StringBuilder b, String name, String help, long value) {
        metric(b, name, help, "counter", value);
    }

    private static void gauge(StringBuilder b, String name, String help, long value) {
        metric(b, name, help, "gauge", value);
    }

    private static void metric(StringBuilder b, String name, String help, String type, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        b.append(name).append(' ').append(value).append('\n');
    }
}
