package io.isthmus.access.firewall;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One event-loop thread with its own {@link Selector}, serving the connections the acceptor hands it:
 * every read, decision and write of those connections happens on this thread, so a request is never
 * handed between threads, and under load one {@code epoll_wait} returns several ready connections
 * instead of each connection's thread being put to sleep and woken twice per request (the cost that
 * dominated the thread-per-connection firewall's CPU, docs/benchmarks.md). The loop also keeps the
 * connections' deadlines (connect, idle, answer), looking at most every tick.
 */
final class FirewallLoop implements Runnable {
    private final ModbusFirewall firewall;
    private final FirewallConfig config;
    private final Selector selector;
    private final Queue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
    private final List<FirewallSession> sessions = new ArrayList<>();
    private final long tickNanos;
    private volatile boolean closed;

    FirewallLoop(ModbusFirewall firewall, FirewallConfig config, long tickNanos) throws IOException {
        this.firewall = firewall;
        this.config = config;
        this.tickNanos = tickNanos;
        this.selector = Selector.open();
    }

    /** Hands an accepted client to this loop (any thread). */
    void adopt(SocketChannel client) {
        incoming.add(client);
        selector.wakeup();
        if (closed) {
            closeQuietly(incoming.poll());
        }
    }

    /** Asks the loop to close its connections and end (any thread). */
    void stop() {
        closed = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        long nextSweep = System.nanoTime() + tickNanos;
        try {
            while (!closed) {
                selector.select(this::ready, Math.max(1, tickNanos / 1_000_000));
                adoptIncoming();
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + tickNanos;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector failed: close every connection (fail closed)
        } finally {
            for (FirewallSession s : sessions) {
                s.close();
            }
            sessions.clear();
            SocketChannel c;
            while ((c = incoming.poll()) != null) {
                closeQuietly(c);
                firewall.sessionClosed();
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    private void ready(SelectionKey key) {
        FirewallSession s = (FirewallSession) key.attachment();
        if (s.state == FirewallSession.State.CLOSED) {
            return;
        }
        try {
            if (key.channel() == s.client) {
                s.onClient(key);
            } else if (s.state == FirewallSession.State.CONNECTING) {
                finishConnect(s);
            } else {
                s.onPlc(key);
            }
        } catch (IOException | RuntimeException e) {
            // The connection ends; nothing was forwarded undecided. A failing alert sink closes
            // the connection too, but not the loop's other connections.
            s.close();
        }
        if (s.state == FirewallSession.State.CLOSED) {
            sessions.remove(s);
        }
    }

    private void adoptIncoming() {
        SocketChannel client;
        while ((client = incoming.poll()) != null) {
            FirewallSession s;
            try {
                s = open(client);
            } catch (IOException e) {
                closeQuietly(client);
                firewall.sessionClosed();
                continue;
            }
            sessions.add(s);
            try {
                // no connect timeout on the channel: the sweep closes it when the deadline passes
                s.deadline = System.nanoTime() + firewall.connectNanos();
                if (s.plc.connect(config.upstream())) {
                    s.connected(System.nanoTime());
                }
            } catch (IOException e) {
                refuse(s, e);
            }
        }
    }

    private FirewallSession open(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        SocketChannel plc = SocketChannel.open();
        try {
            plc.configureBlocking(false);
            plc.setOption(StandardSocketOptions.TCP_NODELAY, true);
            FirewallSession s = new FirewallSession(firewall, config, client, plc);
            s.clientKey = client.register(selector, 0, s);
            s.plcKey = plc.register(selector, SelectionKey.OP_CONNECT, s);
            return s;
        } catch (IOException | RuntimeException e) {
            closeQuietly(plc);
            throw e;
        }
    }

    private void finishConnect(FirewallSession s) {
        try {
            if (s.plc.finishConnect()) {
                s.connected(System.nanoTime());
            }
        } catch (IOException e) {
            refuse(s, e);
        }
    }

    /** The PLC cannot be reached: the client is closed without an answer (fail closed). */
    private void refuse(FirewallSession s, IOException e) {
        try {
            firewall.refusedUpstream(s.who, e);
        } catch (RuntimeException sinkFailed) {
            // the alert sink failed: the connection is closed all the same, the loop goes on
        } finally {
            s.close();
        }
    }

    /** Closes the connections whose deadline has passed. */
    private void sweep(long now) {
        sessions.removeIf(s -> {
            if (s.state == FirewallSession.State.CLOSED) {
                return true;
            }
            if (now - s.deadline <= 0) {
                return false;
            }
            if (s.state == FirewallSession.State.CONNECTING) {
                refuse(s, new IOException("no connection within " + config.connectTimeout()));
            } else {
                s.close();
            }
            return true;
        });
    }

    private static void closeQuietly(SocketChannel c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // closing
        }
    }
}
