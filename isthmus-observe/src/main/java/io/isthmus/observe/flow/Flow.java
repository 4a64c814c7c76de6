package io.isthmus.observe.flow;

import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.IpAddress;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.LinkHeader;

/**
 * One bidirectional conversation: a TCP connection or a UDP exchange between two endpoints, with
 * the side that is the client, per-direction counters and, for TCP, a stream reassembler per
 * direction, made on first use (see {@link #stream}). Created and owned by a
 * {@link FlowTable}; read by listeners.
 */
public final class Flow {
    private final FlowKey key;
    /**
     * The key's components, copied into the flow: the flow index compares them for every packet,
     * and read from here they cost no load of the key object, one pointer further (a cache miss
     * that showed in profiles of the dissect core, where the dissectors' work between packets
     * evicts it).
     */
    private final long aHigh;

    private final long aLow;
    private final long bHigh;
    private final long bLow;
    private final int protocol;
    private final int aPort;
    private final int bPort;
    private final int vlan;
    private final boolean clientIsA;
    private final ClientBasis clientBasis;
    private final long firstSeenNanos;
    /** What the reassemblers of a TCP flow share; null for UDP. */
    private final StreamContext tcp;
    /**
     * Each direction's reassembler, made on first use ({@link #stream}): a direction that never
     * sends needs none (most flows of the benchmark capture are one request that no one answers).
     */
    private TcpReassembler toServer;

    private TcpReassembler toClient;
    /**
     * What a direction without a reassembler would hold, handed to it when it is made: the other
     * side's latest ACK and window of that direction, and whether the direction was closed.
     */
    private boolean requestAckSeen;

    private int requestAck;
    private int requestWindow;
    private boolean requestClosed;
    private boolean responseAckSeen;
    private int responseAck;
    private int responseWindow;
    private boolean responseClosed;
    private long lastSeenNanos;
    private long clientMac = LinkHeader.NONE;
    private long serverMac = LinkHeader.NONE;
    /** Per-direction counters as fields rather than two {@code long[2]}: touched on every packet. */
    private long requestPackets;

    private long responsePackets;
    private long requestBytes;
    private long responseBytes;
    private Object attachment;
    private boolean ended;
    /** {@link FlowKey#hashCode()}, kept for the {@link FlowIndex}. */
    int hash;
    /** The {@link FlowIndex}'s least-recently-seen links: the flow seen just before and after this one. */
    Flow older;

    Flow newer;
    /** The capture-wide number of the packet that last made this flow the most recently seen. */
    long lastPacket;

    Flow(FlowKey key, boolean clientIsA, ClientBasis basis, long firstSeenNanos, StreamContext tcp) {
        this.key = key;
        this.aHigh = key.aHigh();
        this.aLow = key.aLow();
        this.bHigh = key.bHigh();
        this.bLow = key.bLow();
        this.protocol = key.protocol();
        this.aPort = key.aPort();
        this.bPort = key.bPort();
        this.vlan = key.vlan();
        this.clientIsA = clientIsA;
        this.clientBasis = basis;
        this.firstSeenNanos = firstSeenNanos;
        this.lastSeenNanos = firstSeenNanos;
        this.tcp = key.protocol() == IpHeader.TCP ? tcp : null;
    }

    /**
     * The capture-wide number of the packet that last made this flow the most recently seen (its
     * place in the table's least-recently-seen order), as given to {@link FlowPipeline#sequence};
     * 0 when the pipeline is not given packet numbers. A sharded analysis orders the flows that end
     * at one instant across shards by it.
     */
    public long lastPacket() {
        return lastPacket;
    }

    public FlowKey key() {
        return key;
    }

    /** 6 for TCP, 17 for UDP. */
    public int protocol() {
        return protocol;
    }

    /** Whether the flow's key has these components: {@link FlowKey#equals} without a key to compare with. */
    boolean hasKey(int protocol, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort, int vlan) {
        return this.aLow == aLow
                && this.bLow == bLow
                && this.aPort == aPort
                && this.bPort == bPort
                && this.protocol == protocol
                && this.vlan == vlan
                && this.aHigh == aHigh
                && this.bHigh == bHigh;
    }

    public ClientBasis clientBasis() {
        return clientBasis;
    }

    public IpAddress client() {
        return clientIsA ? key.addressA() : key.addressB();
    }

    public IpAddress server() {
        return clientIsA ? key.addressB() : key.addressA();
    }

    public int clientPort() {
        return clientIsA ? key.aPort() : key.bPort();
    }

    public int serverPort() {
        return clientIsA ? key.bPort() : key.aPort();
    }

    /** The client's MAC as first seen on its packets, {@link LinkHeader#NONE} when the link has none. */
    public long clientMac() {
        return clientMac;
    }

    public long serverMac() {
        return serverMac;
    }

    public long firstSeenNanos() {
        return firstSeenNanos;
    }

    /** The capture time of the flow's latest packet: the time of the packet behind a listener call. */
    public long lastSeenNanos() {
        return lastSeenNanos;
    }

    public long packets(Direction direction) {
        return direction == Direction.REQUEST ? requestPackets : responsePackets;
    }

    /** Transport payload bytes captured in one direction. */
    public long bytes(Direction direction) {
        return direction == Direction.REQUEST ? requestBytes : responseBytes;
    }

    /** Whatever the session layer keeps with the flow (its dissectors); the flow layer never reads it. */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object state) {
        this.attachment = state;
    }

    /** True when both TCP directions have closed; UDP flows never close, they time out. */
    public boolean closed() {
        // UDP: no reassemblers and neither direction closed, so false.
        return isClosed(toServer, requestClosed) && isClosed(toClient, responseClosed);
    }

    /**
     * True once the flow's end was reported to {@link FlowListener#onFlowEnd}: it may linger in the
     * table after a FIN from both sides or a RST, absorbing late packets (the last ACK, data in
     * flight), until its 5-tuple is reused, it times out or is evicted.
     */
    public boolean ended() {
        return ended;
    }

    /** Marks the end as reported; false when it already was. */
    boolean markEnded() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    @Override
    public String toString() {
        return key.protocol() == IpHeader.TCP || key.protocol() == IpHeader.UDP
                ? (key.protocol() == IpHeader.TCP ? "tcp " : "udp ") + client() + ":" + clientPort() + " -> " + server()
                        + ":" + serverPort()
                : key.toString();
    }

    Direction directionFrom(boolean sourceIsA) {
        return sourceIsA == clientIsA ? Direction.REQUEST : Direction.RESPONSE;
    }

    /** The direction's reassembler, made now if it was not yet (TCP flows only). */
    TcpReassembler stream(Direction direction) {
        TcpReassembler s = direction == Direction.REQUEST ? toServer : toClient;
        return s != null ? s : makeStream(direction);
    }

    /**
     * Made as it would have been at the flow's start, then told what it would have heard since: the
     * latest ACK (a stream that has not started only records it) and its close (a stream that has
     * not started only reports it, done by {@link #closeStreams}).
     */
    private TcpReassembler makeStream(Direction direction) {
        TcpReassembler s = new TcpReassembler(this, direction, tcp);
        if (direction == Direction.REQUEST) {
            if (requestAckSeen) {
                s.acknowledge(requestAck, requestWindow);
            }
            if (requestClosed) {
                s.markClosed();
            }
            toServer = s;
        } else {
            if (responseAckSeen) {
                s.acknowledge(responseAck, responseWindow);
            }
            if (responseClosed) {
                s.markClosed();
            }
            toClient = s;
        }
        return s;
    }

    /**
     * The other side acknowledged {@code direction}: its reassembler hears it, or for a direction that
     * has not sent, the flow records it ({@link #recordAck}).
     */
    void acknowledge(Direction direction, int ack, int window) {
        TcpReassembler s = direction == Direction.REQUEST ? toServer : toClient;
        if (s != null) {
            s.acknowledge(ack, window);
        } else {
            recordAck(direction, ack, window);
        }
    }

    /**
     * The other side acknowledged {@code direction}, which has no reassembler yet: one that has not
     * started only records the ACK and window ({@link TcpReassembler#acknowledge}), so they are kept
     * here and handed to it when it is made.
     */
    private void recordAck(Direction direction, int ack, int window) {
        if (direction == Direction.REQUEST) {
            requestAckSeen = true;
            requestAck = ack;
            requestWindow = window;
        } else {
            responseAckSeen = true;
            responseAck = ack;
            responseWindow = window;
        }
    }

    /** Whether a direction is closed: its reassembler's state, or without one, whether it was closed. */
    private static boolean isClosed(TcpReassembler stream, boolean closedBeforeMade) {
        return stream != null ? stream.isClosed() : closedBeforeMade;
    }

    void touch(Direction direction, long srcMac, long dstMac, int payloadBytes, long timestampNanos) {
        lastSeenNanos = Math.max(lastSeenNanos, timestampNanos);
        if (direction == Direction.REQUEST) {
            requestPackets++;
            requestBytes += payloadBytes;
        } else {
            responsePackets++;
            responseBytes += payloadBytes;
        }
        if (direction == Direction.REQUEST && clientMac == LinkHeader.NONE) {
            clientMac = srcMac;
            serverMac = serverMac == LinkHeader.NONE ? dstMac : serverMac;
        } else if (direction == Direction.RESPONSE && serverMac == LinkHeader.NONE) {
            serverMac = srcMac;
            clientMac = clientMac == LinkHeader.NONE ? dstMac : clientMac;
        }
    }

    /** Ends both TCP directions (buffered bytes first, with gaps). */
    void closeStreams(CloseReason reason) {
        if (tcp != null) {
            close(Direction.REQUEST, reason);
            close(Direction.RESPONSE, reason);
        }
    }

    /**
     * Closes one direction; one without a reassembler has nothing held or delivered, so closing it
     * is what {@link TcpReassembler#close} does for a stream that never started: the listener hears
     * the close, once.
     */
    private void close(Direction direction, CloseReason reason) {
        TcpReassembler s = direction == Direction.REQUEST ? toServer : toClient;
        if (s != null) {
            s.close(reason);
            return;
        }
        if (direction == Direction.REQUEST ? requestClosed : responseClosed) {
            return;
        }
        if (direction == Direction.REQUEST) {
            requestClosed = true;
        } else {
            responseClosed = true;
        }
        tcp.listener().onStreamClose(this, direction, reason);
    }
}
