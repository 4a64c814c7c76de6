package io.isthmus.sim.sparkplug;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.process.ProcessImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.protobuf.SparkplugBProto;

/**
 * A Sparkplug B edge node publishing points of the virtual line (Sparkplug B 3.0, edge node
 * behaviour), with payloads built by Eclipse Tahu's encoder:
 *
 * <ul>
 *   <li>connects with NDEATH as its MQTT will, carrying this connection's {@code bdSeq};
 *   <li>publishes NBIRTH (sequence 0, {@code bdSeq}, {@code Node Control/Rebirth}) and one DBIRTH
 *       per device, each metric with its name, alias and datatype;
 *   <li>{@link #publishChanges()} sends one DDATA per device with the metrics whose value changed,
 *       by alias only;
 *   <li>answers an NCMD {@code Node Control/Rebirth} = true with a new NBIRTH and DBIRTHs.
 * </ul>
 *
 * Every message but NDEATH carries the next sequence number, 0..255 wrapping. {@link
 * #skipSequenceNumber()} loses one on purpose, for tests of the host's gap handling.
 */
public final class SparkplugEdgeNode implements AutoCloseable {
    /** One device of the node: its id and its points. */
    public record Device(String id, List<PointSpec> points) {
        public Device {
            points = List.copyOf(points);
        }
    }

    private record Point(PointSpec spec, long alias) {}

    private static final String REBIRTH = "Node Control/Rebirth";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final EdgeNodeConfig config;
    private final ProcessImage image;
    private final Map<String, List<Point>> devices = new LinkedHashMap<>();
    private final Map<TagPath, Value> published = new HashMap<>();
    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    private final AtomicLong rebirths = new AtomicLong();
    private long bdSeq = -1;
    private int seq;
    private Mqtt5AsyncClient client;

    public SparkplugEdgeNode(EdgeNodeConfig config, List<Device> devices, ProcessImage image) {
        this.config = config;
        this.image = image;
        long alias = 1;
        for (Device d : devices) {
            List<Point> points = new ArrayList<>();
            for (PointSpec p : d.points()) {
                points.add(new Point(p, alias++));
            }
            this.devices.put(d.id(), points);
        }
    }

    public EdgeNodeConfig config() {
        return config;
    }

    /** Connects (the NDEATH as will) and publishes the births. */
    public synchronized void start() throws IOException {
        bdSeq = (bdSeq + 1) & 0xFF;
        Mqtt5AsyncClient c = MqttClient.builder()
                .useMqttVersion5()
                .identifier("sim-" + config.group() + "-" + config.edgeNode())
                .serverHost(config.brokerHost())
                .serverPort(config.brokerPort())
                .buildAsync();
        c.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onCommand);
        try {
            c.connectWith()
                    .cleanStart(true)
                    .sessionExpiryInterval(0)
                    .keepAlive(30)
                    .willPublish()
                    .topic(topic("NDEATH", null))
                    .payload(encode(deathPayload(), false))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .applyWillPublish()
                    .send()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            c.subscribeWith()
                    .topicFilter("spBv1.0/" + config.group() + "/NCMD/" + config.edgeNode())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            c.disconnect();
            throw new IOException(
                    "edge node " + config.edgeNode() + " could not connect to " + config.brokerHost() + ":"
                            + config.brokerPort() + ": " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        client = c;
        publishBirths();
    }

    /** Publishes NBIRTH and every DBIRTH again, as after a rebirth request. */
    public synchronized void publishBirths() {
        Date now = new Date();
        seq = 0;
        List<Metric> node = new ArrayList<>();
        node.add(metric("bdSeq", MetricDataType.Int64, bdSeq, null, now));
        node.add(metric(REBIRTH, MetricDataType.Boolean, false, null, now));
        publish(topic("NBIRTH", null), payload(node, now), false);
        devices.forEach((device, points) -> {
            List<Metric> metrics = new ArrayList<>();
            for (Point p : points) {
                Value v = image.read(p.spec().path());
                metrics.add(metric(p.spec().path().point(), type(v), javaValue(v), p.alias(), now));
                published.put(p.spec().path(), v);
            }
            publish(topic("DBIRTH", device), payload(metrics, now), false);
        });
    }

    /** Publishes one DDATA per device whose points changed since they were last published. */
    public synchronized int publishChanges() {
        Date now = new Date();
        int changed = 0;
        for (var e : devices.entrySet()) {
            List<Metric> metrics = new ArrayList<>();
            for (Point p : e.getValue()) {
                Value v = image.read(p.spec().path());
                if (!v.equals(published.get(p.spec().path()))) {
                    metrics.add(metric(null, type(v), javaValue(v), p.alias(), now));
                    published.put(p.spec().path(), v);
                }
            }
            if (!metrics.isEmpty()) {
                publish(topic("DDATA", e.getKey()), payload(metrics, now), true);
                changed += metrics.size();
            }
        }
        return changed;
    }

    /** Forgets one sequence number, as if a message had been lost on the way. */
    public synchronized void skipSequenceNumber() {
        seq = (seq + 1) & 0xFF;
    }

    /** How many rebirth requests this node has answered. */
    public long rebirthsAnswered() {
        return rebirths.get();
    }

    /** The values last published, by tag path. */
    public synchronized Map<TagPath, Value> published() {
        return Map.copyOf(published);
    }

    /** Publishes NDEATH and disconnects (a graceful end; the will is not sent). */
    @Override
    public synchronized void close() {
        Mqtt5AsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            c.publishWith()
                    .topic(topic("NDEATH", null))
                    .payload(encode(deathPayload(), false))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            c.disconnect().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the broker is gone already; it will publish the will
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onCommand(Mqtt5Publish p) {
        try {
            var payload = SparkplugBProto.Payload.parseFrom(p.getPayloadAsBytes());
            boolean rebirth =
                    payload.getMetricsList().stream().anyMatch(m -> m.getName().equals(REBIRTH) && m.getBooleanValue());
            if (rebirth) {
                rebirths.incrementAndGet();
                publishBirths();
            }
        } catch (IOException e) {
            // not a Sparkplug payload: an edge node ignores commands it cannot read
        }
    }

    private SparkplugBPayload deathPayload() {
        return new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(new Date())
                .addMetric(metric("bdSeq", MetricDataType.Int64, bdSeq, null, new Date()))
                .createPayload();
    }

    private SparkplugBPayload payload(List<Metric> metrics, Date now) {
        return new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(now)
                .setSeq(nextSeq())
                .addMetrics(metrics)
                .createPayload();
    }

    private long nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        return s;
    }

    private void publish(String topic, SparkplugBPayload payload, boolean stripDataTypes) {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            return;
        }
        c.publishWith()
                .topic(topic)
                .payload(encode(payload, stripDataTypes))
                .qos(MqttQos.AT_MOST_ONCE)
                .send();
    }

    private byte[] encode(SparkplugBPayload payload, boolean stripDataTypes) {
        try {
            return encoder.getBytes(payload, stripDataTypes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String topic(String type, String device) {
        return "spBv1.0/" + config.group() + "/" + type + "/" + config.edgeNode()
                + (device == null ? "" : "/" + device);
    }

    private static Metric metric(String name, MetricDataType type, Object value, Long alias, Date time) {
        try {
            var b = name != null
                    ? new Metric.MetricBuilder(name, type, value)
                    : new Metric.MetricBuilder(alias, type, value);
            if (name != null && alias != null) {
                b.alias(alias);
            }
            return b.timestamp(time).createMetric();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("metric " + name + " of " + type + " = " + value, e);
        }
    }

    private static MetricDataType type(Value v) {
        return switch (v) {
            case Value.Bool b -> MetricDataType.Boolean;
            case Value.Int i -> MetricDataType.Int64;
            case Value.Real r -> MetricDataType.Double;
            case Value.Text t -> MetricDataType.String;
        };
    }

    private static Object javaValue(Value v) {
        return switch (v) {
            case Value.Bool(boolean b) -> b;
            case Value.Int(long i) -> i;
            case Value.Real(double r) -> r;
            case Value.Text(String t) -> t;
        };
    }
}
