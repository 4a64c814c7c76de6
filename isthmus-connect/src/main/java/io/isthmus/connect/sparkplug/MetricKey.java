package io.isthmus.connect.sparkplug;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a metric lives in Sparkplug's namespace: group, edge node, optionally device, and metric
 * name (Sparkplug B 3.0, 4.1 topic namespace; metric names may contain {@code /} as folders).
 */
public record MetricKey(String group, String edgeNode, Optional<String> device, String metric) {
    public MetricKey {
        requireId("group", group);
        requireId("edgeNode", edgeNode);
        Objects.requireNonNull(device, "device");
        device.ifPresent(d -> requireId("device", d));
        if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException("metric name must not be empty");
        }
    }

    public static MetricKey node(String group, String edgeNode, String metric) {
        return new MetricKey(group, edgeNode, Optional.empty(), metric);
    }

    public static MetricKey device(String group, String edgeNode, String device, String metric) {
        return new MetricKey(group, edgeNode, Optional.of(device), metric);
    }

    /**
     * Group, edge node and device ids are topic levels: non-empty, without {@code / + #}
     * (Sparkplug B 3.0, 4.1.1.1-4.1.1.5).
     */
    static void requireId(String what, String id) {
        if (id == null || id.isEmpty() || id.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
            throw new IllegalArgumentException(
                    what + " id must be a non-empty topic level without '/', '+' or '#', was '" + id + "'");
        }
    }

    @Override
    public String toString() {
        return group + "/" + edgeNode + device.map(d -> "/" + d).orElse("") + ":" + metric;
    }
}
