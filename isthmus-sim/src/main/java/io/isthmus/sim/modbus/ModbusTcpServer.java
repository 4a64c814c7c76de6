package io.isthmus.sim.modbus;

import io.isthmus.sim.mirror.MirrorPort;
import io.isthmus.sim.mirror.TcpConversation;
import io.isthmus.sim.plc.RegisterImage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Modbus/TCP server for one simulated PLC: one {@link RegisterImage} on one port (Modbus
 * Messaging on TCP/IP Implementation Guide V1.0b). A blocking server socket and one platform thread
 * per connection (at most {@link ModbusServerConfig#maxConnections()}); framing and decoding by the
 * pure codec in {@code io.isthmus.wire.modbus}. A platform thread waits for the next request in one
 * blocking {@code read}; a virtual thread's wait went through the JDK's poller and scheduler ({@code
 * read} EAGAIN, {@code epoll_ctl}, the poller's {@code epoll_wait}, {@code futex} wake-ups): 4.5 more
 * system calls per request (docs/benchmarks.md, "Inline firewall, sixth session"). Idle connections are closed by one watchdog thread per server.
 *
 * <p>Hostile clients cost the server one connection, never the server: broken framing closes that
 * connection, a connection idle past the timeout is closed, and connections beyond the cap are
 * closed as soon as they are accepted. Every case is counted in {@link #stats()}.
 */
public final class ModbusTcpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModbusTcpServer.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int BACKLOG = 50;

    private enum State {
        NEW,
        RUNNING,
        CLOSED
    }

    private final ModbusServerConfig config;
    private final RegisterImageHandler handler;
    private final ModbusServerListener listener;
    private final Optional<MirrorPort> mirror;
    private final ServerCounters counters = new ServerCounters();
    private final Set<ModbusConnection> connections = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();

    private State state = State.NEW; // guarded by lifecycle
    private volatile ServerSocket serverSocket;
    private Thread acceptor;
    private Thread watchdog;

    public ModbusTcpServer(ModbusServerConfig config, RegisterImage image) {
        this(config, image, ModbusServerListener.NONE);
    }

    public ModbusTcpServer(ModbusServerConfig config, RegisterImage image, ModbusServerListener listener) {
        this(config, image, listener, Optional.empty());
    }

    /** A server whose connections are also framed on {@code mirror} (the factory's SPAN port). */
    public ModbusTcpServer(
            ModbusServerConfig config,
            RegisterImage image,
            ModbusServerListener listener,
            Optional<MirrorPort> mirror) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.config = Objects.requireNonNull(config, "config");
        this.handler =
                new RegisterImageHandler(Objects.requireNonNull(image, "image"), config.limits(), config.identity());
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Binds and starts accepting connections.
     *
     * @throws ModbusServerBindException when the address and port cannot be bound (in use,
     *     privileged port, address not local)
     * @throws IllegalStateException when started before or closed
     */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException(
                        "Modbus server already " + state.name().toLowerCase());
            }
            serverSocket = bind(new InetSocketAddress(config.bindAddress(), config.port()));
            state = State.RUNNING;
            acceptor = Thread.ofVirtual().name("modbus-accept-" + port()).start(this::acceptLoop);
            watchdog = Thread.ofVirtual().name("modbus-idle-" + port()).start(this::watchIdle);
        }
        log.info("Modbus/TCP server for {} listening on {}", config.identity().productCode(), localAddress());
    }

    private static ServerSocket bind(InetSocketAddress address) throws IOException {
        var socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(address, BACKLOG);
            return socket;
        } catch (BindException e) {
            socket.close();
            throw new ModbusServerBindException(address, e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The port the server listens on; with port 0 in the configuration, the one it was given. */
    public int port() {
        return requireStarted().getLocalPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) requireStarted().getLocalSocketAddress();
    }

    public ModbusServerConfig config() {
        return config;
    }

    public ModbusServerStats stats() {
        return counters.snapshot(connections.size());
    }

    private ServerSocket requireStarted() {
        ServerSocket socket = serverSocket;
        if (socket == null) {
            throw new IllegalStateException("Modbus server not started");
        }
        return socket;
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
                log.warn("Modbus server on port {} failed to accept a connection", port(), e);
                pauseAfterAcceptFailure();
                continue;
            }
            admit(socket);
        }
    }

    /**
     * Closes connections whose read has waited for the client longer than the idle timeout, looking
     * every tenth of it (10 ms to 1 s): a connection is closed between 1 and 1.1 idle timeouts after
     * its last bytes, plus scheduling delays.
     */
    private void watchIdle() {
        long tick = Math.clamp(config.idleTimeout().toMillis() / 10, 10, 1000);
        while (!serverSocket.isClosed()) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            connections.forEach(c -> c.closeIfIdle(now));
        }
    }

    /** Out of file descriptors or similar: give closing connections a moment instead of spinning. */
    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void admit(Socket socket) {
        if (connections.size() >= config.maxConnections()) {
            counters.connectionsRejected.increment();
            log.debug("refusing {}: {} connections open", socket.getRemoteSocketAddress(), connections.size());
            mirror.flatMap(m -> m.open((InetSocketAddress) socket.getRemoteSocketAddress(), (InetSocketAddress)
                            socket.getLocalSocketAddress()))
                    .ifPresent(c -> c.end(TcpConversation.Ending.SERVER_CLOSED));
            closeQuietly(socket);
            return;
        }
        var connection = new ModbusConnection(socket, config, handler, listener, counters, connections::remove, mirror);
        connections.add(connection);
        counters.connectionsAccepted.increment();
        connection.start(Thread.ofPlatform().daemon().name("modbus-" + port() + "-" + connection.remote()));
    }

    /**
     * Stops accepting, closes every connection and waits for all of the server's threads to end.
     * The port is free when this returns. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            State previous = state;
            state = State.CLOSED;
            if (previous != State.RUNNING) {
                return;
            }
        }
        closeQuietly(serverSocket);
        join(acceptor);
        watchdog.interrupt();
        join(watchdog);
        List<ModbusConnection> open = List.copyOf(connections);
        open.forEach(ModbusConnection::close);
        open.forEach(c -> join(c.thread()));
        log.info(
                "Modbus/TCP server for {} on port {} closed: {}",
                config.identity().productCode(),
                port(),
                stats());
    }

    /** The acceptor, the idle watchdog and the connection threads alive now (for tests of {@link #close()}). */
    List<Thread> threads() {
        var threads = new ArrayList<Thread>();
        if (acceptor != null) {
            threads.add(acceptor);
            threads.add(watchdog);
        }
        connections.stream()
                .map(ModbusConnection::thread)
                .filter(Objects::nonNull)
                .forEach(threads::add);
        return threads;
    }

    private static void join(Thread thread) {
        try {
            if (!thread.join(JOIN_TIMEOUT)) {
                log.warn("Modbus server thread {} did not end within {}", thread.getName(), JOIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("closing {}: {}", closeable, e.toString());
        }
    }
}
