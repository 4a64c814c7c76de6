package io.isthmus.sim.mirror;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One TCP connection as the mirror frames it (RFC 9293 3.5, 3.6): the handshake when it opens,
 * one segment per write (cut at {@link MirrorLimits#segmentBytes}) carrying the sequence number of
 * its first byte and acknowledging everything the other side sent, and the closing exchange. The
 * two sides are driven from different threads (the server reads and writes on its connection
 * thread), so every method is synchronized and sequence numbers stay consistent.
 */
public final class TcpConversation {
    /** Who ended the connection, and how. */
    public enum Ending {
        /** The client sent FIN first (it closed its socket). */
        CLIENT_CLOSED,
        /** The server sent FIN first (idle timeout, broken framing, shutdown). */
        SERVER_CLOSED,
        /** The client reset the connection. */
        CLIENT_RESET
    }

    private final MirrorPort port;
    private final Inet4Address clientIp;
    private final int clientPort;
    private final Inet4Address serverIp;
    private final int serverPort;
    private long clientSeq;
    private long serverSeq;
    private boolean ended;

    private TcpConversation(MirrorPort port, InetSocketAddress client, InetSocketAddress server) {
        this.port = port;
        this.clientIp = (Inet4Address) client.getAddress();
        this.clientPort = client.getPort();
        this.serverIp = (Inet4Address) server.getAddress();
        this.serverPort = server.getPort();
        this.clientSeq = ThreadLocalRandom.current().nextLong(1L << 32);
        this.serverSeq = ThreadLocalRandom.current().nextLong(1L << 32);
    }

    static TcpConversation open(MirrorPort port, InetSocketAddress client, InetSocketAddress server) {
        TcpConversation c = new TcpConversation(port, client, server);
        synchronized (c) {
            c.client(EthernetFrames.SYN, new byte[0], 0, 0);
            c.clientSeq++;
            c.server(EthernetFrames.SYN | EthernetFrames.ACK, new byte[0], 0, 0);
            c.serverSeq++;
            c.client(EthernetFrames.ACK, new byte[0], 0, 0);
        }
        return c;
    }

    static void refused(MirrorPort port, InetSocketAddress client, InetSocketAddress server) {
        TcpConversation c = new TcpConversation(port, client, server);
        synchronized (c) {
            c.client(EthernetFrames.SYN, new byte[0], 0, 0);
            c.clientSeq++;
            c.serverSeq = 0; // RFC 9293 3.10.7.1: a RST to a SYN has sequence 0 and acknowledges the SYN
            c.server(EthernetFrames.RST | EthernetFrames.ACK, new byte[0], 0, 0);
        }
    }

    static void unanswered(MirrorPort port, InetSocketAddress client, InetSocketAddress server) {
        TcpConversation c = new TcpConversation(port, client, server);
        synchronized (c) {
            c.client(EthernetFrames.SYN, new byte[0], 0, 0);
        }
    }

    /** Bytes the client sent (the server read them from its socket). */
    public synchronized void fromClient(byte[] b, int off, int len) {
        int step = port.limits().segmentBytes();
        for (int i = 0; i < len && !ended; i += step) {
            int n = Math.min(step, len - i);
            client(EthernetFrames.PSH | EthernetFrames.ACK, b, off + i, n);
            clientSeq += n;
        }
    }

    /** Bytes the server sent (it wrote them to its socket). */
    public synchronized void fromServer(byte[] b, int off, int len) {
        int step = port.limits().segmentBytes();
        for (int i = 0; i < len && !ended; i += step) {
            int n = Math.min(step, len - i);
            server(EthernetFrames.PSH | EthernetFrames.ACK, b, off + i, n);
            serverSeq += n;
        }
    }

    /** The end of the connection; later calls (and later bytes) are ignored. */
    public synchronized void end(Ending how) {
        if (ended) {
            return;
        }
        ended = true;
        int finAck = EthernetFrames.FIN | EthernetFrames.ACK;
        switch (how) {
            case CLIENT_CLOSED -> {
                client(finAck, new byte[0], 0, 0);
                clientSeq++;
                server(finAck, new byte[0], 0, 0);
                serverSeq++;
                client(EthernetFrames.ACK, new byte[0], 0, 0);
            }
            case SERVER_CLOSED -> {
                server(finAck, new byte[0], 0, 0);
                serverSeq++;
                client(finAck, new byte[0], 0, 0);
                clientSeq++;
                server(EthernetFrames.ACK, new byte[0], 0, 0);
            }
            case CLIENT_RESET -> client(EthernetFrames.RST | EthernetFrames.ACK, new byte[0], 0, 0);
        }
    }

    private void client(int flags, byte[] b, int off, int len) {
        port.emit(EthernetFrames.tcp(
                clientIp, clientPort, serverIp, serverPort, clientSeq, serverSeq, flags, port.nextIpId(), b, off, len));
    }

    private void server(int flags, byte[] b, int off, int len) {
        port.emit(EthernetFrames.tcp(
                serverIp, serverPort, clientIp, clientPort, serverSeq, clientSeq, flags, port.nextIpId(), b, off, len));
    }
}
