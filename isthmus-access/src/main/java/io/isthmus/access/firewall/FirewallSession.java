package io.isthmus.access.firewall;

import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapDecode;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection and its own connection to the PLC, driven by the {@link FirewallLoop} that
 * owns both channels: read a request, decide it, forward it, read the PLC's answer, write it back,
 * then the next request. Nothing here blocks or is touched by another thread.
 *
 * <p>A client that pipelines is served in order: while a request is at the PLC, further bytes from
 * the client wait in {@link #fromClient} (when it is full, the loop stops reading the client). The
 * PLC's answer must carry the request's transaction id; an answer that cannot be paired, or bytes
 * from the PLC when no request is outstanding, close the connection (they could only reach the wrong
 * request). Interest in reading both channels stays on for the connection's life, so a request costs
 * no {@code epoll_ctl}; only a full buffer or a write the kernel did not take whole changes it.
 */
final class FirewallSession {
    private static final int HEADER = 7;

    enum State {
        /** Connecting to the PLC; the client is not read yet. */
        CONNECTING,
        /** Waiting for the client's next request. */
        IDLE,
        /** A request is at the PLC; waiting for its answer. */
        FORWARDED,
        CLOSED
    }

    private final ModbusFirewall firewall;
    private final FirewallConfig config;
    final SocketChannel client;
    final SocketChannel plc;
    final InetAddress who;
    SelectionKey clientKey;
    SelectionKey plcKey;
    State state = State.CONNECTING;
    /** {@link System#nanoTime()} after which the loop closes the connection. */
    long deadline;

    /** Client bytes not yet decided; filled from 0 to position, decided from {@link #start}. */
    private final ByteBuffer fromClient;

    /** Views of the client buffer for decoding and forwarding, reused: no buffer object per request. */
    private final ByteBuffer forward;

    private final ByteBuffer clientView;
    private int start;
    private boolean clientEnded;
    private final ByteBuffer fromPlc;
    /** Bytes the kernel did not take at once, per direction; null when nothing waits. */
    private ByteBuffer toClient;

    private ByteBuffer toPlc;
    private int transaction;

    FirewallSession(ModbusFirewall firewall, FirewallConfig config, SocketChannel client, SocketChannel plc)
            throws IOException {
        this.firewall = firewall;
        this.config = config;
        this.client = client;
        this.plc = plc;
        this.who = ((java.net.InetSocketAddress) client.getRemoteAddress()).getAddress();
        this.fromClient = ByteBuffer.allocateDirect(2 * config.limits().maxAdu());
        this.forward = fromClient.duplicate();
        this.fromPlc = ByteBuffer.allocateDirect(ModbusLimits.SENSOR.maxAdu());
        this.clientView = fromClient.duplicate();
    }

    /** The PLC connection is up: start reading both sides. */
    void connected(long now) {
        state = State.IDLE;
        deadline = now + firewall.idleNanos();
        plcKey.interestOps(SelectionKey.OP_READ);
        clientKey.interestOps(SelectionKey.OP_READ);
    }

    /** The client's channel is readable or writable. */
    void onClient(SelectionKey key) throws IOException {
        if (key.isWritable()) {
            if (!flush(client, clientKey, toClient)) {
                return;
            }
            toClient = null;
        }
        if (key.isReadable()) {
            if (start > 0) {
                compact();
            }
            if (client.read(fromClient) < 0) {
                clientEnded = true;
                clientKey.interestOpsAnd(~SelectionKey.OP_READ);
            } else if (!fromClient.hasRemaining()) {
                clientKey.interestOpsAnd(~SelectionKey.OP_READ); // full: read again once decided
            }
        }
        decideBuffered();
    }

    /** The PLC's channel is readable (its answer) or writable (the rest of a request). */
    void onPlc(SelectionKey key) throws IOException {
        if (key.isWritable() && flush(plc, plcKey, toPlc)) {
            toPlc = null;
        }
        if (!key.isReadable()) {
            return;
        }
        if (plc.read(fromPlc) < 0 || state != State.FORWARDED) {
            // The PLC closed, or sent bytes no request asked for (they could only reach the
            // wrong request): end the client connection too.
            if (state != State.FORWARDED && fromPlc.position() > 0) {
                firewall.countMalformed();
            }
            close();
            return;
        }
        relayAnswer();
    }

    private void relayAnswer() throws IOException {
        int have = fromPlc.position();
        if (have < HEADER) {
            return;
        }
        int length = u16(fromPlc, 4);
        if (length < 2 || 6 + length > ModbusLimits.SENSOR.maxAdu()) {
            close();
            return;
        }
        if (have < 6 + length) {
            return;
        }
        // The MBAP checks of MbapCodec.decode (protocol id 0, length 2..max), on the header's bytes:
        // the answer is relayed as it came, so no frame object is needed.
        if (u16(fromPlc, 2) != 0 || have > 6 + length) {
            close(); // not Modbus/TCP, or a second frame nobody asked for
            return;
        }
        if (u16(fromPlc, 0) != transaction) {
            firewall.countMalformed();
            close();
            return;
        }
        fromPlc.flip();
        ByteBuffer rest = write(client, clientKey, fromPlc);
        fromPlc.clear();
        toClient = rest;
        state = State.IDLE;
        deadline = System.nanoTime() + firewall.idleNanos();
        decideBuffered();
    }

    /** Decides the buffered requests, in order, while nothing is outstanding. */
    private void decideBuffered() throws IOException {
        while (state == State.IDLE && toClient == null) {
            int have = fromClient.position() - start;
            if (have < HEADER) {
                break;
            }
            int length = u16(fromClient, start + 4);
            if (length < 2 || 6 + length > config.limits().maxAdu()) {
                malformed("MBAP length " + length + " is outside 2.."
                        + (config.limits().maxAdu() - 6));
                return;
            }
            if (have < 6 + length) {
                break;
            }
            MbapFrame frame = switch (MbapCodec.decode(
                    clientView.clear().position(start).limit(start + 6 + length), config.limits())) {
                case MbapDecode.Complete c -> c.frame();
                case MbapDecode.NeedMore n -> null;
                case MbapDecode.Malformed m -> {
                    malformed(m.reason());
                    yield null;
                }
            };
            if (frame == null) {
                if (state != State.CLOSED) {
                    malformed("incomplete MBAP frame");
                }
                return;
            }
            decide(frame, start, 6 + length);
            start += 6 + length;
        }
        if (state == State.CLOSED) {
            return;
        }
        if (start == fromClient.position()) {
            start = 0;
            fromClient.clear();
        }
        if (clientEnded) {
            if (state == State.IDLE && toClient == null) {
                close(); // the client ended its stream and every request it sent is answered
            }
        } else if (fromClient.hasRemaining() || start > 0) {
            clientKey.interestOpsOr(SelectionKey.OP_READ);
        }
    }

    private void decide(MbapFrame frame, int at, int length) throws IOException {
        switch (firewall.inspector().inspect(who, frame, firewall.clock().instant(), System.nanoTime())) {
            case Verdict.Forward f -> {
                // The frame's bytes as read and checked: no re-encoding on the hot path.
                transaction = frame.transactionId();
                state = State.FORWARDED;
                deadline = System.nanoTime() + firewall.responseNanos();
                forward.limit(at + length).position(at);
                toPlc = write(plc, plcKey, forward);
                firewall.countForwarded();
            }
            case Verdict.Deny d -> {
                firewall.countDenied();
                firewall.alert(d.alert());
                if (config.denyAction() == DenyAction.EXCEPTION) {
                    byte[] pdu = {(byte) ((frame.pdu()[0] & 0x7F) | 0x80), (byte) config.exceptionCode()};
                    byte[] answer = MbapCodec.encode(MbapFrame.of(frame.transactionId(), frame.unitId(), pdu));
                    toClient = write(client, clientKey, ByteBuffer.wrap(answer));
                }
                deadline = System.nanoTime() + firewall.idleNanos();
            }
        }
    }

    private void malformed(String reason) {
        firewall.countMalformed();
        firewall.alert(firewall.malformedStream(who, reason));
        close();
    }

    /**
     * Writes {@code bytes}; what the kernel does not take is copied and left for {@code OP_WRITE}.
     *
     * @return the rest, or null when all was written
     */
    private static ByteBuffer write(SocketChannel channel, SelectionKey key, ByteBuffer bytes) throws IOException {
        channel.write(bytes);
        if (!bytes.hasRemaining()) {
            return null;
        }
        ByteBuffer rest = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
        key.interestOpsOr(SelectionKey.OP_WRITE);
        return rest;
    }

    /** Writes more of a waiting rest; true once all of it is written. */
    private static boolean flush(SocketChannel channel, SelectionKey key, ByteBuffer rest) throws IOException {
        if (rest == null) {
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
            return true;
        }
        channel.write(rest);
        if (rest.hasRemaining()) {
            return false;
        }
        key.interestOpsAnd(~SelectionKey.OP_WRITE);
        return true;
    }

    private void compact() {
        int have = fromClient.position() - start;
        fromClient.put(0, fromClient, start, have).position(have);
        start = 0;
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }

    /** Closes both connections; the loop forgets the session. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        closeQuietly(client);
        closeQuietly(plc);
        firewall.sessionClosed();
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing
        }
    }
}
