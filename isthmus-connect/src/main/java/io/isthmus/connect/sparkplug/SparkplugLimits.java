package io.isthmus.connect.sparkplug;

/**
 * Every bound a broker or an edge node could push us past, in one place (STYLE habit 5). A payload
 * or message that exceeds one is dropped and counted as an {@link Anomaly}; none of them is a
 * reason to disconnect.
 *
 * @param maxPayloadBytes largest payload decoded; also sent to the broker as the MQTT 5 maximum
 *     packet size (plus {@link #PACKET_OVERHEAD}), so the broker drops bigger messages before they
 *     reach us (MQTT 5.0, 3.1.2.11.4)
 * @param maxMetricsPerPayload metrics one payload may carry
 * @param maxEdgeNodes edge nodes tracked at once
 * @param maxDevicesPerNode devices tracked per edge node
 * @param maxMetricsPerNode metric definitions (node and devices together) remembered per edge node
 * @param maxMetricsTotal metric definitions remembered over all edge nodes, and tags reported at
 *     most (a tag's quality state is kept across births)
 * @param maxNameLength longest metric, group, node or device name accepted, in characters
 * @param maxTextLength longest String/Text value kept; longer values are counted and dropped
 */
public record SparkplugLimits(
        int maxPayloadBytes,
        int maxMetricsPerPayload,
        int maxEdgeNodes,
        int maxDevicesPerNode,
        int maxMetricsPerNode,
        int maxMetricsTotal,
        int maxNameLength,
        int maxTextLength) {

    /** Room for the fixed header, topic and properties of a PUBLISH around its payload. */
    public static final int PACKET_OVERHEAD = 64 * 1024;

    /**
     * 1 MiB payloads, 10,000 metrics each, 1,000 nodes of 1,000 devices, 100,000 metrics per node,
     * 1,000,000 in all, 1,024-character names, 64 KiB texts.
     */
    public static final SparkplugLimits DEFAULT =
            new SparkplugLimits(1024 * 1024, 10_000, 1_000, 1_000, 100_000, 1_000_000, 1_024, 64 * 1024);

    public SparkplugLimits {
        check("maxPayloadBytes", maxPayloadBytes, 64, 256 * 1024 * 1024 - PACKET_OVERHEAD);
        check("maxMetricsPerPayload", maxMetricsPerPayload, 1, 10_000_000);
        check("maxEdgeNodes", maxEdgeNodes, 1, 1_000_000);
        check("maxDevicesPerNode", maxDevicesPerNode, 0, 1_000_000);
        check("maxMetricsPerNode", maxMetricsPerNode, 1, 10_000_000);
        check("maxMetricsTotal", maxMetricsTotal, 1, 100_000_000);
        check("maxNameLength", maxNameLength, 1, 65_535);
        check("maxTextLength", maxTextLength, 0, 16 * 1024 * 1024);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "sparkplug limit " + name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
