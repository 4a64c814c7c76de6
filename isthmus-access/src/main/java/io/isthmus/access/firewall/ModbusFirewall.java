package io.isthmus.access.firewall;

import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import io.isthmus.policy.Policy;
import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapDecode;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusLimits;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * it has not decided. One thread per client connection does the whole exchange (request, decision,
 * PLC, answer) without handing frames to another thread: Modbus/TCP clients rarely pipeline, and the
 * hand-offs cost more than the decision (docs/benchmarks.md).
 *
 * <p>Timeouts (connecting to the PLC, idle client, PLC answer) are kept by one watchdog thread that
 * closes the sockets of a connection whose deadline has passed, not by socket timeouts: a timed
 * connect or read makes the JDK switch the socket to non-blocking mode for good, and every read that
 * has to wait then costs {@code read}, {@code poll} and {@code read} instead of one blocking {@code
 * read}, twice per request.
 */
public final class ModbusFirewall implements AutoCloseable {
    private static final int BUFFER = 1024;
    private final FirewallConfig config;
    private final RequestInspector inspector;
    private final Consumer<Event> alerts;
    private final Clock clock;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Thread watchdog;
    private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder denied = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile boolean closed;

    private ModbusFirewall(FirewallConfig config, Policy policy, Consumer<Event> alerts, Clock clock)
            throws IOException {
        this.config = config;
        this.alerts = alerts;
        this.clock = clock;
        this.inspector = new RequestInspector(policy, config.upstream().getAddress(), config);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(config.listen(), 128);
        this.acceptor = Thread.ofVirtual().name("firewall-accept").unstarted(this::acceptLoop);
        this.watchdog = Thread.ofPlatform().daemon().name("firewall-watchdog").unstarted(this::watchLoop);
    }

    /**
     * When a connection's current wait (for the client's next request, or for the PLC's answer)
     * ends at the latest; the watchdog closes both sockets after it, which ends the blocked read.
     */
    private static final class Deadline {
        private final Socket client;
        private final Socket plc;
        /** {@link System#nanoTime()} after which the connection is closed; 0: not waiting. */
        private volatile long at;

        Deadline(Socket client, Socket plc) {
            this.client = client;
            this.plc = plc;
        }
    }

    /** How often the watchdog looks: a tenth of the shorter timeout, between 10 ms and 1 s. */
    private long tickMillis() {
        long shorter = Math.min(
                config.idleTimeout().toMillis(), config.responseTimeout().toMillis());
        return Math.clamp(shorter / 10, 10, 1000);
    }

    private void watchLoop() {
        long tick = tickMillis();
        while (!closed) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Deadline d : deadlines) {
                long at = d.at;
                if (at != 0 && now - at > 0) {
                    closeQuietly(d.client);
                    closeQuietly(d.plc);
                }
            }
        }
    }

    /** Binds {@link FirewallConfig#listen()} and starts accepting clients. */
    public static ModbusFirewall start(FirewallConfig config, Policy policy, Consumer<Event> alerts, Clock clock)
            throws IOException {
        ModbusFirewall f = new ModbusFirewall(config, policy, alerts, clock);
        f.watchdog.start();
        f.acceptor.start();
        return f;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getLocalPort();
    }

    public FirewallStats stats() {
        return new FirewallStats(forwarded.sum(), denied.sum(), malformed.sum(), connections.sum(), refused.sum());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
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
            Thread.ofPlatform().daemon().name("firewall-client").start(() -> {
                try {
                    serve(client);
                } finally {
                    active.decrementAndGet();
                }
            });
        }
    }

    private void serve(Socket client) {
        open.add(client);
        Socket plc = new Socket();
        Deadline deadline = new Deadline(client, plc);
        deadlines.add(deadline);
        try (client;
                plc) {
            client.setTcpNoDelay(true);
            try {
                // no connect timeout on the socket (it would leave the socket non-blocking for
                // good): the watchdog closes it when the deadline passes
                deadline.at = System.nanoTime() + nanos(config.connectTimeout());
                plc.connect(config.upstream());
                plc.setTcpNoDelay(true);
            } catch (IOException e) {
                refused.increment();
                alerts.accept(upstreamDown(client.getInetAddress(), e));
                return;
            }
            open.add(plc);
            exchange(client, plc, deadline);
        } catch (IOException e) {
            // The connection ends; nothing was forwarded undecided.
        } finally {
            deadlines.remove(deadline);
            open.remove(client);
            open.remove(plc);
        }
    }

    /**
     * One client connection, one thread, no hand-off: read a request, decide it, forward it, read
     * the PLC's answer and write it back, then the next request. A client that pipelines is served
     * in order; each answer must carry its request's transaction id, or the connection is closed
     * (an answer that cannot be paired would reach the wrong request).
     */
    private void exchange(Socket client, Socket plc, Deadline deadline) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream(), BUFFER);
        OutputStream toClient = new BufferedOutputStream(client.getOutputStream(), BUFFER);
        InputStream fromPlc = new BufferedInputStream(plc.getInputStream(), BUFFER);
        OutputStream toPlc = new BufferedOutputStream(plc.getOutputStream(), BUFFER);
        InetAddress who = client.getInetAddress();
        byte[] buf = new byte[config.limits().maxAdu()];
        byte[] answer = new byte[ModbusLimits.SENSOR.maxAdu()];
        long idle = nanos(config.idleTimeout());
        long response = nanos(config.responseTimeout());
        while (!closed) {
            MbapFrame frame;
            try {
                deadline.at = System.nanoTime() + idle;
                frame = readFrame(in, buf, config.limits());
            } catch (EOFException | SocketTimeoutException | SocketException e) {
                return;
            } catch (MalformedStreamException e) {
                malformed.increment();
                alerts.accept(malformedStream(who, e.getMessage()));
                return;
            }
            switch (inspector.inspect(who, frame, clock.instant(), System.nanoTime())) {
                case Verdict.Forward f -> {
                    // The frame's bytes as read and checked: no re-encoding on the hot path.
                    deadline.at = System.nanoTime() + response;
                    toPlc.write(buf, 0, frame.encodedLength());
                    toPlc.flush();
                    forwarded.increment();
                    if (!relayAnswer(fromPlc, answer, frame.transactionId(), toClient)) {
                        return;
                    }
                }
                case Verdict.Deny d -> {
                    denied.increment();
                    alerts.accept(d.alert());
                    if (config.denyAction() == DenyAction.EXCEPTION) {
                        byte[] pdu = {(byte) ((frame.pdu()[0] & 0x7F) | 0x80), (byte) config.exceptionCode()};
                        toClient.write(MbapCodec.encode(MbapFrame.of(frame.transactionId(), frame.unitId(), pdu)));
                        toClient.flush();
                    }
                }
            }
        }
    }

    /** The PLC's answer to {@code transaction}, written to the client; false ends the connection. */
    private boolean relayAnswer(InputStream fromPlc, byte[] answer, int transaction, OutputStream toClient)
            throws IOException {
        MbapFrame response;
        try {
            response = readFrame(fromPlc, answer, ModbusLimits.SENSOR);
        } catch (IOException e) {
            // PLC closed, sent garbage or did not answer in time: end the client connection too.
            return false;
        }
        if (response.transactionId() != transaction) {
            malformed.increment();
            return false;
        }
        toClient.write(answer, 0, response.encodedLength());
        toClient.flush();
        return true;
    }

    /** One MBAP frame, read whole; the length is checked before the body is read. */
    private static MbapFrame readFrame(InputStream in, byte[] buf, ModbusLimits limits) throws IOException {
        readFully(in, buf, 0, 7);
        int length = ((buf[4] & 0xFF) << 8) | (buf[5] & 0xFF);
        if (length < 2 || 6 + length > limits.maxAdu()) {
            throw new MalformedStreamException("MBAP length " + length + " is outside 2.." + (limits.maxAdu() - 6));
        }
        readFully(in, buf, 7, 6 + length - 7);
        return switch (MbapCodec.decode(ByteBuffer.wrap(buf, 0, 6 + length), limits)) {
            case MbapDecode.Complete c -> c.frame();
            case MbapDecode.NeedMore n -> throw new MalformedStreamException("incomplete MBAP frame");
            case MbapDecode.Malformed m -> throw new MalformedStreamException(m.reason());
        };
    }

    private static void readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
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

    private Event malformedStream(InetAddress client, String reason) {
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

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Stops accepting and closes every connection; nothing more reaches the PLC. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        watchdog.interrupt();
        for (Socket s : open) {
            closeQuietly(s);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client's bytes are not Modbus/TCP. */
    static final class MalformedStreamException extends IOException {
        MalformedStreamException(String message) {
            super(message);
        }
    }

    InetSocketAddress listenAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }
}
