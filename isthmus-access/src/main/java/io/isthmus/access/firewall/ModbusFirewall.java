package io.isthmus.access.firewall;

import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The inline Modbus/TCP firewall: clients connect here instead of to the PLC; every request frame
 * is read whole, decided by a {@link RequestInspector}, and forwarded, answered with an exception, or
 * dropped. Responses from the PLC are relayed frame by frame (never interleaved with an exception
 * the firewall writes itself).
 *
 * <p>Fails closed: a byte stream that is not Modbus/TCP (bad protocol id, impossible length) closes
 * the client connection, since nothing after it can be trusted to be aligned; when the PLC cannot be
 * reached the client connection is closed without an answer; the firewall never forwards a request
 * it has not decided.
 *
 * <p>One acceptor thread hands each client to one of a few event loops ({@link FirewallLoop}, one
 * per core by default): the loop that owns a connection does its whole exchange (request, decision,
 * PLC, answer) with non-blocking channels, without handing frames to another thread. A thread per
 * connection spent most of the firewall's CPU going to sleep in a blocking read and being woken,
 * twice per request; a loop under load finds several connections ready in one {@code epoll_wait}
 * (docs/benchmarks.md, "fifth session"). The loops also keep the timeouts (connecting to the PLC,
 * idle client, PLC answer): a connection whose deadline has passed is closed at most a tick late.
 */
public final class ModbusFirewall implements AutoCloseable {
    private final FirewallConfig config;
    private final RequestInspector inspector;
    private final Consumer<Event> alerts;
    private final Clock clock;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final FirewallLoop[] loops;
    private final Thread[] loopThreads;
    private final long connectNanos;
    private final long idleNanos;
    private final long responseNanos;
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder denied = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile boolean closed;

    private ModbusFirewall(FirewallConfig config, Policy policy, Consumer<Event> alerts, Clock clock, int loopCount)
            throws IOException {
        this.config = config;
        this.alerts = alerts;
        this.clock = clock;
        this.inspector = new RequestInspector(policy, config.upstream().getAddress(), config);
        this.connectNanos = nanos(config.connectTimeout());
        this.idleNanos = nanos(config.idleTimeout());
        this.responseNanos = nanos(config.responseTimeout());
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(config.listen(), 128);
            this.loops = new FirewallLoop[loopCount];
            this.loopThreads = new Thread[loopCount];
            for (int i = 0; i < loopCount; i++) {
                loops[i] = new FirewallLoop(this, config, tickNanos());
                loopThreads[i] =
                        Thread.ofPlatform().daemon().name("firewall-loop-" + i).unstarted(loops[i]);
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.acceptor = Thread.ofPlatform().daemon().name("firewall-accept").unstarted(this::acceptLoop);
    }

    /** How often the loops look at deadlines: a tenth of the shorter timeout, between 10 ms and 1 s. */
    private long tickNanos() {
        long shorter = Math.min(
                config.idleTimeout().toMillis(), config.responseTimeout().toMillis());
        return Math.clamp(shorter / 10, 10, 1000) * 1_000_000L;
    }

    /**
     * Binds {@link FirewallConfig#listen()} and starts accepting clients, with one event loop per
     * available processor.
     */
    public static ModbusFirewall start(FirewallConfig config, Policy policy, Consumer<Event> alerts, Clock clock)
            throws IOException {
        return start(config, policy, alerts, clock, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #start(FirewallConfig, Policy, Consumer, Clock)} with {@code loops} event loops (1..64). */
    public static ModbusFirewall start(
            FirewallConfig config, Policy policy, Consumer<Event> alerts, Clock clock, int loops) throws IOException {
        if (loops < 1 || loops > 64) {
            throw new IllegalArgumentException("the firewall's event loops must be 1..64, was " + loops);
        }
        ModbusFirewall f = new ModbusFirewall(config, policy, alerts, clock, loops);
        for (Thread t : f.loopThreads) {
            t.start();
        }
        f.acceptor.start();
        return f;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return listenAddress().getPort();
    }

    public FirewallStats stats() {
        return new FirewallStats(forwarded.sum(), denied.sum(), malformed.sum(), connections.sum(), refused.sum());
    }

    private void acceptLoop() {
        int next = 0;
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed || !server.isOpen()) {
                    return;
                }
                continue;
            }
            if (active.incrementAndGet() > config.maxConnections()) {
                active.decrementAndGet();
                refused.increment();
                closeQuietly(client);
                continue;
            }
            connections.increment();
            loops[next].adopt(client);
            next = (next + 1) % loops.length;
        }
    }

    RequestInspector inspector() {
        return inspector;
    }

    Clock clock() {
        return clock;
    }

    long connectNanos() {
        return connectNanos;
    }

    long idleNanos() {
        return idleNanos;
    }

    long responseNanos() {
        return responseNanos;
    }

    void countForwarded() {
        forwarded.increment();
    }

    void countDenied() {
        denied.increment();
    }

    void countMalformed() {
        malformed.increment();
    }

    void alert(Event e) {
        alerts.accept(e);
    }

    void sessionClosed() {
        active.decrementAndGet();
    }

    void refusedUpstream(InetAddress client, IOException e) {
        refused.increment();
        alerts.accept(upstreamDown(client, e));
    }

    private Event upstreamDown(InetAddress client, IOException e) {
        return new Event(
                clock.instant(),
                EventKind.SYSTEM,
                Severity.MEDIUM,
                "inline firewall cannot reach the PLC " + config.upstream() + "; client connection closed",
                List.of(AssetId.of(config.upstream().getAddress()), AssetId.of(client)),
                List.of(),
                Evidence.of(
                        "connecting to " + config.upstream() + " failed: " + e.getMessage(),
                        new Evidence.Fact("src_ip", client.getHostAddress())));
    }

    Event malformedStream(InetAddress client, String reason) {
        return new Event(
                clock.instant(),
                EventKind.ACCESS_DECISION,
                Severity.MEDIUM,
                "not Modbus/TCP from " + client.getHostAddress() + "; the inline firewall closed the connection",
                List.of(AssetId.of(config.upstream().getAddress()), AssetId.of(client)),
                List.of(),
                Evidence.of(reason, new Evidence.Fact("src_ip", client.getHostAddress())));
    }

    /** A timeout in nanoseconds, at most about 73 years (so that adding it to nanoTime cannot overflow). */
    private static long nanos(java.time.Duration d) {
        return d.compareTo(java.time.Duration.ofDays(365L * 73)) > 0
                ? java.time.Duration.ofDays(365L * 73).toNanos()
                : d.toNanos();
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Stops accepting and closes every connection; nothing more reaches the PLC. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (FirewallLoop l : loops) {
            l.stop();
        }
        try {
            for (Thread t : loopThreads) {
                t.join(2000);
            }
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    InetSocketAddress listenAddress() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the firewall's listening socket is closed", e);
        }
    }
}
