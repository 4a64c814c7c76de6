package io.isthmus.connect.sparkplug;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.isthmus.connect.poll.Backoff;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.connect.poll.SampleSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Consumes Sparkplug B from one MQTT broker as a Sparkplug Host Application (Sparkplug B 3.0):
 * subscribes {@code spBv1.0/<group>/#}, turns births and data into samples through a {@link
 * SparkplugConsumer}, sends the rebirth requests it asks for, and publishes its STATE.
 *
 * <p>One virtual thread owns the connection: connect (MQTT 5, clean start, session expiry 0, the
 * offline STATE as will, the maximum packet size from {@link SparkplugLimits}), subscribe to the
 * STATE topic and the group, publish STATE online (retained, QoS 1), then wait for the connection
 * to end. When it ends every tag becomes BAD_COMM once (no one can vouch for any value any more)
 * and the thread reconnects after an exponential backoff with jitter; after reconnecting, nodes
 * must be born again, and the consumer asks each for a rebirth as its data arrives. The state is
 * observable at any time and every transition goes to the state listener, as with {@link
 * io.isthmus.connect.modbus.ModbusSource}.
 *
 * <p>Messages are handled on the MQTT client's thread, one at a time; a slow sink slows the
 * client, which is the intended back-pressure (the broker queues, within its own limits).
 */
public final class SparkplugSource implements AutoCloseable {
    private final SparkplugSourceConfig config;
    private final SparkplugConsumer consumer;
    private final Consumer<ConnectionState> stateListener;
    private final Clock clock;
    private final Backoff backoff;
    private final LongAdder rebirths = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder handlerErrors = new LongAdder();

    private volatile ConnectionState state = new ConnectionState.Connecting(1);
    private volatile boolean running;
    private volatile Mqtt5AsyncClient client;
    private volatile HostState online;
    private Thread owner;
    private int failures;

    public SparkplugSource(
            SparkplugSourceConfig config,
            List<SparkplugTagConfig> tags,
            SampleSink sink,
            Consumer<ConnectionState> stateListener,
            Clock clock,
            RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.consumer = new SparkplugConsumer(config, tags, sink);
        this.stateListener = Objects.requireNonNull(stateListener, "stateListener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(config.backoff(), random);
    }

    /** A source with the system clock. */
    public static SparkplugSource create(
            SparkplugSourceConfig config,
            List<SparkplugTagConfig> tags,
            SampleSink sink,
            Consumer<ConnectionState> stateListener) {
        return new SparkplugSource(config, tags, sink, stateListener, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    public synchronized void start() {
        if (owner != null) {
            throw new IllegalStateException("source " + config.id() + " already started");
        }
        running = true;
        owner = Thread.ofVirtual().name("sparkplug-" + config.id()).start(this::run);
    }

    public ConnectionState state() {
        return state;
    }

    public SparkplugSourceConfig config() {
        return config;
    }

    public SparkplugStats stats() {
        return consumer.stats(rebirths.sum(), connects.sum());
    }

    /** Messages whose handling failed unexpectedly (a sink that threw, a bug of ours). */
    public long handlerErrors() {
        return handlerErrors.sum();
    }

    /**
     * Publishes STATE offline (the same timestamp as the online STATE), disconnects and waits
     * (bounded) for the connection thread to end.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = owner;
        }
        Mqtt5AsyncClient c = client;
        HostState s = online;
        if (c != null && s != null && c.getState().isConnected()) {
            try {
                publishState(c, new HostState(false, s.timestamp()));
                c.disconnect().get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the broker went away first: it publishes our will, which says the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setState(new ConnectionState.Stopped());
    }

    private void run() {
        try {
            while (running) {
                setState(new ConnectionState.Connecting(failures + 1));
                String error;
                try {
                    error = connectAndWait();
                } catch (ExecutionException e) {
                    error = String.valueOf(e.getCause());
                } catch (TimeoutException e) {
                    error = "no answer from " + config.broker() + " within " + config.connectTimeout();
                } catch (RuntimeException e) {
                    error = "connection failed: " + e;
                }
                disconnectQuietly();
                if (!running) {
                    break;
                }
                onFailure(error);
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            disconnectQuietly();
        }
    }

    /** Connects, subscribes, publishes STATE online and blocks until the connection ends. */
    private String connectAndWait() throws ExecutionException, TimeoutException, InterruptedException {
        CompletableFuture<String> lost = new CompletableFuture<>();
        var builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(config.clientId())
                .serverHost(config.broker().host())
                .serverPort(config.broker().port())
                .addDisconnectedListener(ctx -> lost.complete(String.valueOf(ctx.getCause())));
        config.tls().ifPresent(tls -> builder.sslConfig(tls.sslConfig()));
        Mqtt5AsyncClient c = builder.buildAsync();
        client = c;
        c.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onPublish);
        HostState state = new HostState(true, clock.millis());
        long timeout = config.connectTimeout().toMillis();
        connect(c, state).send().get(timeout, TimeUnit.MILLISECONDS);
        c.subscribeWith()
                .addSubscription()
                .topicFilter(config.stateTopic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .addSubscription()
                .topicFilter(config.topicFilter())
                .qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .send()
                .get(timeout, TimeUnit.MILLISECONDS);
        online = state;
        publishState(c, state).get(timeout, TimeUnit.MILLISECONDS);
        connects.increment();
        failures = 0;
        setState(new ConnectionState.Connected(clock.instant()));
        return lost.get();
    }

    private Mqtt5ConnectBuilder.Send<
                    CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>>
            connect(Mqtt5AsyncClient c, HostState state) {
        var b = c.connectWith()
                .cleanStart(true)
                .sessionExpiryInterval(0)
                .keepAlive((int) config.keepAlive().toSeconds())
                .restrictions()
                .maximumPacketSize(config.limits().maxPayloadBytes() + SparkplugLimits.PACKET_OVERHEAD)
                .applyRestrictions()
                .willPublish()
                .topic(config.stateTopic())
                .payload(new HostState(false, state.timestamp()).json())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .applyWillPublish();
        if (config.username().isPresent()) {
            var auth = b.simpleAuth().username(config.username().get());
            config.password().ifPresent(p -> auth.password(p.getBytes(StandardCharsets.UTF_8)));
            b = auth.applySimpleAuth();
        }
        return b;
    }

    private CompletableFuture<?> publishState(Mqtt5AsyncClient c, HostState s) {
        return c.publishWith()
                .topic(config.stateTopic())
                .payload(s.json())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .send();
    }

    private void onPublish(Mqtt5Publish p) {
        try {
            String topic = p.getTopic().toString();
            byte[] payload = p.getPayloadAsBytes();
            if (topic.equals(config.stateTopic())) {
                onOwnState(payload);
                return;
            }
            consumer.accept(topic, payload, clock.instant()).ifPresent(this::requestRebirth);
        } catch (RuntimeException e) {
            handlerErrors.increment();
        }
    }

    /**
     * Someone (a stale retained message, another host with our id) says we are offline while we
     * are connected: publish online again (Sparkplug B 3.0, tck-id-host-topic-phid-birth-required).
     */
    private void onOwnState(byte[] payload) {
        Mqtt5AsyncClient c = client;
        HostState s = online;
        if (!HostState.saysOnline(payload) && c != null && s != null && running) {
            publishState(c, s);
        }
    }

    private void requestRebirth(RebirthRequest r) {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            return;
        }
        rebirths.increment();
        c.publishWith()
                .topic(r.topic())
                .payload(SparkplugPayloadCodec.rebirthRequest(clock.millis()))
                .qos(MqttQos.AT_MOST_ONCE)
                .send();
    }

    private void onFailure(String error) throws InterruptedException {
        Instant now = clock.instant();
        failures++;
        try {
            consumer.connectionLost(now);
        } catch (RuntimeException sinkFailure) {
            handlerErrors.increment(); // the state below still tells the truth
        }
        Duration delay = backoff.delay(failures);
        setState(new ConnectionState.BackingOff(now.plus(delay), error, failures));
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }

    private void disconnectQuietly() {
        Mqtt5AsyncClient c = client;
        if (c != null && c.getState().isConnectedOrReconnect()) {
            c.disconnect();
        }
    }

    private void setState(ConnectionState next) {
        if (state instanceof ConnectionState.Stopped) {
            return;
        }
        state = next;
        stateListener.accept(next);
    }
}
