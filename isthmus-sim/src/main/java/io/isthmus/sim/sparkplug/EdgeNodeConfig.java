package io.isthmus.sim.sparkplug;

import java.util.Objects;

/**
 * Where a simulated Sparkplug edge node publishes: the broker and its group and edge node ids.
 *
 * @param brokerHost host of the MQTT broker
 * @param brokerPort its port
 * @param group Sparkplug group id
 * @param edgeNode Sparkplug edge node id (also the MQTT client id, prefixed with {@code sim-})
 */
public record EdgeNodeConfig(String brokerHost, int brokerPort, String group, String edgeNode) {
    public EdgeNodeConfig {
        Objects.requireNonNull(brokerHost, "brokerHost");
        if (brokerPort < 1 || brokerPort > 65535) {
            throw new IllegalArgumentException("broker port must be 1..65535, was " + brokerPort);
        }
        requireLevel("group", group);
        requireLevel("edge node", edgeNode);
    }

    private static void requireLevel(String what, String id) {
        if (id == null || id.isEmpty() || id.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
            throw new IllegalArgumentException(
                    what + " id must be a non-empty topic level without '/', '+' or '#', was '" + id + "'");
        }
    }
}
