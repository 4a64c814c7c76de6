package io.isthmus.connect.sparkplug;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.HostPort;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One MQTT broker the edge consumes Sparkplug B from, as a Sparkplug Host Application.
 *
 * @param id name tags refer to; letters, digits, {@code _ - .}
 * @param broker the broker's host and port (plain TCP; TLS is not supported yet)
 * @param clientId the MQTT client identifier (1..64 characters of {@code A-Z a-z 0-9 _ - .})
 * @param group the Sparkplug group id to consume, or {@code +} for every group
 * @param edgeNode consume only this edge node (the subscription names it, so the broker sends no
 *     other); empty for every edge node of the group
 * @param device derive tag paths only for this device's metrics; empty for every device. Its edge
 *     node's messages are still consumed (sequence numbers span the node), and explicit tags are
 *     reported whatever their device
 * @param username MQTT user name, if the broker wants one
 * @param password MQTT password; only with a user name, and never printed
 * @param hostId the Host Application id: STATE is published on {@code spBv1.0/STATE/<hostId>}
 *     (Sparkplug B 3.0, 7.4)
 * @param rebirthOnGap on a sequence gap, stop trusting the node (its tags go STALE), ignore its
 *     data and ask for a rebirth; when false the gap is only counted and data keeps flowing
 * @param rebirthInterval least time between two rebirth requests to one edge node
 * @param connectTimeout how long the MQTT connect (and each subscribe) may take
 * @param keepAlive MQTT keep alive; a silent broker is detected after 1.5 times this
 * @param backoff reconnect delays
 * @param limits bounds on what the broker may send us
 * @param pathRule derives tag paths for metrics without an explicit tag; empty to consume only
 *     explicit tags
 */
public record SparkplugSourceConfig(
        String id,
        HostPort broker,
        String clientId,
        String group,
        Optional<String> edgeNode,
        Optional<String> device,
        Optional<String> username,
        Optional<String> password,
        String hostId,
        boolean rebirthOnGap,
        Duration rebirthInterval,
        Duration connectTimeout,
        Duration keepAlive,
        BackoffConfig backoff,
        SparkplugLimits limits,
        Optional<SparkplugPathRule> pathRule,
        Optional<SparkplugTls> tls) {

    public SparkplugSourceConfig {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "source id must be 1..64 of letters, digits, '_', '-', '.', was '" + id + "'");
        }
        Objects.requireNonNull(broker, id + ": broker");
        if (clientId == null || !clientId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    id + ": clientId must be 1..64 of letters, digits, '_', '-', '.', was '" + clientId + "'");
        }
        if (!"+".equals(group)) {
            requireTopicLevel(id, "group", group);
        }
        requireTopicLevel(id, "hostId", hostId);
        Objects.requireNonNull(edgeNode, id + ": edgeNode");
        Objects.requireNonNull(device, id + ": device");
        edgeNode.ifPresent(n -> requireTopicLevel(id, "edgeNode", n));
        device.ifPresent(d -> requireTopicLevel(id, "device", d));
        Objects.requireNonNull(username, id + ": username");
        Objects.requireNonNull(password, id + ": password");
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException(id + ": a password needs a username (MQTT 3.1.1, 3.1.2.9)");
        }
        requireRange(id, "rebirthInterval", rebirthInterval, Duration.ofMillis(100), Duration.ofHours(1));
        requireRange(id, "connectTimeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(10));
        requireRange(id, "keepAlive", keepAlive, Duration.ofSeconds(1), Duration.ofSeconds(65_535));
        Objects.requireNonNull(backoff, id + ": backoff");
        Objects.requireNonNull(limits, id + ": limits");
        Objects.requireNonNull(pathRule, id + ": pathRule");
        Objects.requireNonNull(tls, id + ": tls");
    }

    private static void requireTopicLevel(String id, String name, String value) {
        try {
            MetricKey.requireId(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
        }
    }

    private static void requireRange(String id, String name, Duration d, Duration min, Duration max) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(id + ": " + name + " must be " + min + ".." + max + ", was " + d);
        }
    }

    /** The subscription: {@code spBv1.0/<group>/#}, or {@code spBv1.0/<group>/+/<edgeNode>/#} with a node filter. */
    public String topicFilter() {
        return SparkplugTopic.NAMESPACE + "/" + group
                + edgeNode.map(n -> "/+/" + n).orElse("") + "/#";
    }

    /** Whether the path rule may derive a tag for this metric: it passes the edge node and device filters. */
    public boolean accepts(MetricKey key) {
        return edgeNode.map(key.edgeNode()::equals).orElse(true)
                && device.map(d -> key.device().filter(d::equals).isPresent()).orElse(true);
    }

    /** The Host Application's STATE topic (Sparkplug B 3.0, 4.1.2). */
    public String stateTopic() {
        return SparkplugTopic.NAMESPACE + "/STATE/" + hostId;
    }

    @Override
    public String toString() {
        return "SparkplugSourceConfig[id=" + id + ", broker=" + broker + ", clientId=" + clientId + ", group="
                + group + ", edgeNode=" + edgeNode + ", device=" + device + ", username=" + username + ", password="
                + password.map(p -> "***") + ", hostId="
                + hostId + ", rebirthOnGap=" + rebirthOnGap + ", rebirthInterval=" + rebirthInterval
                + ", connectTimeout=" + connectTimeout + ", keepAlive=" + keepAlive + ", backoff=" + backoff
                + ", limits=" + limits + ", pathRule=" + pathRule + ", tls=" + tls + "]";
    }

    /** A source with the defaults, changed by {@code configure}. */
    public static SparkplugSourceConfig create(String id, HostPort broker, Consumer<Builder> configure) {
        var b = new Builder(id, broker);
        configure.accept(b);
        return b.build();
    }

    /**
     * Defaults: client id {@code isthmus-<id>}, every group ({@code +}), every edge node and
     * device, no credentials, host id
     * {@code isthmus}, rebirth on gap, at most one rebirth request per node every 5s, connect 5s,
     * keep alive 30s, {@link BackoffConfig#DEFAULT}, {@link SparkplugLimits#DEFAULT}, no path rule.
     */
    public static final class Builder {
        private final String id;
        private final HostPort broker;
        public String clientId;
        public String group = "+";
        public Optional<String> edgeNode = Optional.empty();
        public Optional<String> device = Optional.empty();
        public Optional<String> username = Optional.empty();
        public Optional<String> password = Optional.empty();
        public String hostId = "isthmus";
        public boolean rebirthOnGap = true;
        public Duration rebirthInterval = Duration.ofSeconds(5);
        public Duration connectTimeout = Duration.ofSeconds(5);
        public Duration keepAlive = Duration.ofSeconds(30);
        public BackoffConfig backoff = BackoffConfig.DEFAULT;
        public SparkplugLimits limits = SparkplugLimits.DEFAULT;
        public Optional<SparkplugPathRule> pathRule = Optional.empty();
        public Optional<SparkplugTls> tls = Optional.empty();

        private Builder(String id, HostPort broker) {
            this.id = id;
            this.broker = broker;
            this.clientId = "isthmus-" + id;
        }

        public SparkplugSourceConfig build() {
            return new SparkplugSourceConfig(
                    id,
                    broker,
                    clientId,
                    group,
                    edgeNode,
                    device,
                    username,
                    password,
                    hostId,
                    rebirthOnGap,
                    rebirthInterval,
                    connectTimeout,
                    keepAlive,
                    backoff,
                    limits,
                    pathRule,
                    tls);
        }
    }
}
