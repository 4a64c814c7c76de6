package io.isthmus.connect.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.isthmus.connect.poll.Backoff;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.connect.poll.TagReporter;
import io.isthmus.model.Quality;
import io.isthmus.model.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Subscribes to the tags of one OPC UA server: one session, one subscription, one monitored item
 * per tag (OPC UA Part 4, 5.13 and 5.12), supervised by one virtual thread.
 *
 * <p>Every data change becomes a {@link io.isthmus.model.Sample} stamped with the server's
 * SourceTimestamp (its ServerTimestamp, then the local clock, when the server sends none), the
 * value converted by {@link VariantValues} and the quality by {@link StatusQuality}; a deadband is
 * applied on the client through the same {@link TagReporter} the Modbus driver uses. An item the
 * server refuses (unknown node, access denied) makes its tag BAD_DEVICE; the others run on.
 *
 * <p>Reconnection is done by hand rather than left to Milo's session state machine, so that the
 * delays follow the configured {@link io.isthmus.connect.config.BackoffConfig} with jitter and
 * the state tells the truth: when the session drops (channel closed, keep-alive failed,
 * subscription watchdog elapsed, transfer refused), every tag gets one BAD_COMM sample, the old
 * client is disconnected, and after the backoff a new session and a new subscription are created,
 * whose initial notifications resume the values. A server that restarted has no subscriptions to
 * transfer (Part 4, 5.13.7), so recreating is what transfer would come down to in that case
 * anyway.
 */
public final class OpcUaSource implements AutoCloseable {
    private final OpcUaSourceConfig config;
    private final SampleSink sink;
    private final Consumer<ConnectionState> stateListener;
    private final Clock clock;
    private final Backoff backoff;
    private final List<SubscribedTag> tags = new ArrayList<>();
    private final LongAdder connects = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder sessionLosses = new LongAdder();
    private final LongAdder dataChanges = new LongAdder();
    private final LongAdder rejectedItems = new LongAdder();
    private final LongAdder unconvertibleValues = new LongAdder();
    private final LongAdder sinkFailures = new LongAdder();

    private volatile ConnectionState state = new ConnectionState.Connecting(1);
    private volatile boolean running;
    private volatile Connection connection;
    private volatile Optional<ClientPki> pki = Optional.empty();
    private Thread supervisor;
    private int failures;

    private record SubscribedTag(OpcUaTagConfig config, TagReporter reporter) {}

    /** One session and its subscription; {@code live} turns false once it is being given up. */
    private static final class Connection {
        final OpcUaClient client;
        final BlockingQueue<String> lost = new ArrayBlockingQueue<>(1);
        volatile boolean live = true;
        volatile boolean delivered;

        Connection(OpcUaClient client) {
            this.client = client;
        }

        void lose(String reason) {
            lost.offer(reason);
        }
    }

    public OpcUaSource(
            OpcUaSourceConfig config,
            List<OpcUaTagConfig> tagConfigs,
            SampleSink sink,
            Consumer<ConnectionState> stateListener,
            Clock clock,
            RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.stateListener = Objects.requireNonNull(stateListener, "stateListener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(config.backoff(), Objects.requireNonNull(random, "random"));
        long now = System.nanoTime();
        for (OpcUaTagConfig t : tagConfigs) {
            if (!t.source().equals(config.id())) {
                throw new IllegalArgumentException(
                        t.path() + " belongs to source " + t.source() + ", not " + config.id());
            }
            tags.add(new SubscribedTag(t, new TagReporter(t.path(), t.deadband(), now)));
        }
    }

    /** A source with the system clock and the default random generator for jitter. */
    public static OpcUaSource create(
            OpcUaSourceConfig config,
            List<OpcUaTagConfig> tags,
            SampleSink sink,
            Consumer<ConnectionState> stateListener) {
        return new OpcUaSource(config, tags, sink, stateListener, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    /**
     * Opens the PKI directory (secure policies only) and starts connecting in the background.
     *
     * @throws IllegalStateException when started twice or the PKI directory cannot be created
     */
    public synchronized void start() {
        if (supervisor != null) {
            throw new IllegalStateException("source " + config.id() + " already started");
        }
        pki = config.security().isNone()
                ? Optional.empty()
                : Optional.of(ClientPki.open(config.pkiDir(), config.applicationUri(), config.clientKeyStore()));
        running = true;
        supervisor = Thread.ofVirtual().name("opcua-" + config.id()).start(this::run);
    }

    public ConnectionState state() {
        return state;
    }

    public OpcUaSourceConfig config() {
        return config;
    }

    public OpcUaSourceStats stats() {
        return new OpcUaSourceStats(
                connects.sum(),
                connectFailures.sum(),
                sessionLosses.sum(),
                dataChanges.sum(),
                rejectedItems.sum(),
                unconvertibleValues.sum(),
                sinkFailures.sum());
    }

    /** Ends the session, stops the supervisor (waiting at most 10 s) and releases the PKI watcher. */
    @Override
    public void close() {
        Thread s;
        synchronized (this) {
            running = false;
            s = supervisor;
        }
        if (s != null) {
            s.interrupt();
            try {
                s.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Connection c = connection;
        if (c != null) {
            c.live = false;
            OpcUaConnector.disconnectQuietly(c.client, config.requestTimeout());
        }
        pki.ifPresent(ClientPki::close);
        setState(new ConnectionState.Stopped());
    }

    private void run() {
        try {
            while (running) {
                setState(new ConnectionState.Connecting(failures + 1));
                String reason;
                try {
                    connection = open();
                    connects.increment();
                    setState(new ConnectionState.Connected(clock.instant()));
                    reason = connection.lost.take();
                    sessionLosses.increment();
                    if (connection.delivered) {
                        failures = 0; // only a session that delivered data ends a failure streak
                    }
                } catch (OpcUaConnectException e) {
                    connectFailures.increment();
                    reason = e.getMessage();
                } catch (RuntimeException e) {
                    // a bug of ours or of the stack: never leave a silent, dead supervisor behind
                    connectFailures.increment();
                    reason = "connect failed: " + e;
                }
                if (!running) {
                    break;
                }
                onFailure(reason);
            }
        } catch (InterruptedException e) {
            // stopped; close() ends the session
        }
    }

    private void onFailure(String reason) throws InterruptedException {
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.live = false;
            OpcUaConnector.disconnectQuietly(c.client, config.requestTimeout());
        }
        Instant now = clock.instant();
        failures++;
        for (SubscribedTag t : tags) {
            report(() -> t.reporter().bad(Quality.BAD_COMM, now, sink));
        }
        Duration delay = backoff.delay(failures);
        setState(new ConnectionState.BackingOff(now.plus(delay), reason, failures));
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }

    private Connection open() throws OpcUaConnectException, InterruptedException {
        OpcUaClient client = OpcUaConnector.connect(config, pki);
        Connection c = new Connection(client);
        try {
            client.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionInactive(UaSession session) {
                    c.lose("session to " + config.endpoint() + " lost");
                }
            });
            subscribe(c);
            return c;
        } catch (UaException e) {
            c.live = false;
            OpcUaConnector.disconnectQuietly(client, config.requestTimeout());
            throw new OpcUaConnectException(
                    config.endpoint() + ": creating the subscription failed: " + OpcUaConnector.describe(e), e);
        } catch (RuntimeException e) {
            c.live = false;
            OpcUaConnector.disconnectQuietly(client, config.requestTimeout());
            throw e;
        }
    }

    private void subscribe(Connection c) throws UaException {
        NamespaceTable namespaces = c.client.readNamespaceTable();
        var subscription = new OpcUaSubscription(c.client, millis(config.publishingInterval()));
        subscription.setSubscriptionListener(new SubscriptionLoss(c));
        subscription.create();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        List<SubscribedTag> subscribed = new ArrayList<>();
        Instant now = clock.instant();
        for (SubscribedTag t : tags) {
            Optional<NodeId> node = t.config().nodeId().toNodeId(namespaces);
            if (node.isEmpty()) {
                rejectedItems.increment();
                report(() -> t.reporter().bad(Quality.BAD_DEVICE, now, sink));
                continue;
            }
            var item = OpcUaMonitoredItem.newDataItem(node.get());
            item.setSamplingInterval(millis(t.config().samplingInterval().orElse(config.samplingInterval())));
            item.setQueueSize(uint(config.queueSize()));
            item.setDataValueListener((i, value) -> onData(c, t, value));
            items.add(item);
            subscribed.add(t);
        }
        subscription.addMonitoredItems(items);
        subscription.createMonitoredItems();
        for (int i = 0; i < items.size(); i++) {
            StatusCode result = items.get(i).getCreateResult().orElse(new StatusCode(StatusCodes.Bad_UnexpectedError));
            if (!result.isGood()) {
                rejectedItems.increment();
                TagReporter reporter = subscribed.get(i).reporter();
                report(() -> reporter.bad(Quality.BAD_DEVICE, now, sink));
            }
        }
    }

    private void onData(Connection c, SubscribedTag t, DataValue value) {
        if (!c.live) {
            return;
        }
        dataChanges.increment();
        c.delivered = true;
        Instant time = timeOf(value);
        StatusCode status = value.statusCode() == null ? StatusCode.GOOD : value.statusCode();
        Quality quality = StatusQuality.of(status);
        TagReporter reporter = t.reporter();
        switch (quality) {
            case GOOD -> {
                Optional<Value> converted =
                        VariantValues.toValue(value.value(), t.config().scaling());
                if (converted.isPresent()) {
                    report(() -> reporter.good(converted.get(), time, System.nanoTime(), sink));
                } else {
                    unconvertibleValues.increment();
                    report(() -> reporter.bad(Quality.BAD_DEVICE, time, sink));
                }
            }
            case STALE, BAD_COMM, BAD_DEVICE -> report(() -> reporter.bad(quality, time, sink));
        }
    }

    private Instant timeOf(DataValue value) {
        DateTime source = value.sourceTime();
        if (source != null && !source.isNull()) {
            return source.getJavaInstant();
        }
        DateTime server = value.serverTime();
        return server != null && !server.isNull() ? server.getJavaInstant() : clock.instant();
    }

    /** A sink that throws loses that sample, not the subscription. */
    private void report(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            sinkFailures.increment();
        }
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private void setState(ConnectionState next) {
        if (state instanceof ConnectionState.Stopped) {
            return;
        }
        state = next;
        stateListener.accept(next);
    }

    /** Turns the subscription's signs of a dead session into a loss of the connection. */
    private static final class SubscriptionLoss implements OpcUaSubscription.SubscriptionListener {
        private final Connection connection;

        SubscriptionLoss(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription subscription) {
            connection.lose("no publish response within the subscription's keep-alive watchdog");
        }

        @Override
        public void onStatusChanged(OpcUaSubscription subscription, StatusCode status) {
            if (status.isBad()) {
                connection.lose("subscription status " + OpcUaConnector.describe(new UaException(status)));
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription subscription, StatusCode status) {
            connection.lose("subscription transfer failed: " + OpcUaConnector.describe(new UaException(status)));
        }
    }
}
