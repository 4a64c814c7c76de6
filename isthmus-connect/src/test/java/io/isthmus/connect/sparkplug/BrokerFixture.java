package io.isthmus.connect.sparkplug;

import static org.assertj.core.api.Assertions.fail;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A source under test, what it delivered, and a plain MQTT client to watch and poke the broker. */
final class BrokerFixture implements AutoCloseable {
    static final String PREFIX = "acme/springfield/packaging/line1";

    final SparkplugSource source;
    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final Map<TagPath, Sample> latest = new ConcurrentHashMap<>();
    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final Map<String, List<byte[]>> seen = new ConcurrentHashMap<>();
    private final Mqtt5AsyncClient observer;

    BrokerFixture(int brokerPort, Consumer<SparkplugSourceConfig.Builder> configure) throws Exception {
        this(brokerPort, configure, brokerPort);
    }

    /** The source on {@code sourcePort} (e.g. the broker's TLS listener), the observer on {@code observerPort}. */
    BrokerFixture(int sourcePort, Consumer<SparkplugSourceConfig.Builder> configure, int observerPort)
            throws Exception {
        var config = SparkplugSourceConfig.create("mqtt", new HostPort("127.0.0.1", sourcePort), b -> {
            b.group = "line1";
            b.pathRule = Optional.of(new SparkplugPathRule(PREFIX));
            b.backoff = new BackoffConfig(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2);
            configure.accept(b);
        });
        source = SparkplugSource.create(
                config,
                List.of(),
                s -> {
                    samples.add(s);
                    latest.put(s.path(), s);
                },
                states::add);
        observer = MqttClient.builder()
                .useMqttVersion5()
                .identifier("test-observer")
                .serverHost("127.0.0.1")
                .serverPort(observerPort)
                .automaticReconnect()
                .initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(500, TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .buildAsync();
        observer.publishes(
                MqttGlobalPublishFilter.ALL,
                p -> seen.computeIfAbsent(p.getTopic().toString(), t -> new CopyOnWriteArrayList<>())
                        .add(p.getPayloadAsBytes()));
        observer.connect().get(5, TimeUnit.SECONDS);
    }

    void watch(String filter) throws Exception {
        observer.subscribeWith()
                .topicFilter(filter)
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(5, TimeUnit.SECONDS);
    }

    void publish(String topic, byte[] payload) throws Exception {
        observer.publishWith()
                .topic(topic)
                .payload(payload)
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(5, TimeUnit.SECONDS);
    }

    int seenOn(String topic) {
        return seen.getOrDefault(topic, List.of()).size();
    }

    String lastOn(String topic) {
        List<byte[]> l = seen.getOrDefault(topic, List.of());
        return l.isEmpty() ? "" : new String(l.getLast(), StandardCharsets.UTF_8);
    }

    void startAndAwaitConnected() {
        source.start();
        await("the source connects", () -> source.state() instanceof ConnectionState.Connected);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
        fail("timed out waiting until " + what);
    }

    @Override
    public void close() {
        source.close();
        observer.disconnect();
    }
}
