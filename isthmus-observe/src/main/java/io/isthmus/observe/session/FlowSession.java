package io.isthmus.observe.session;

import io.isthmus.model.Protocol;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.flow.FlowKey;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;

/** What the session layer keeps with a flow ({@link io.isthmus.observe.flow.Flow#attach}). */
final class FlowSession {
    DissectorFactory factory;
    /** The factory's protocol, asked once ({@link SessionLayer} picks a dissector call site by it). */
    Protocol protocol;

    int probes;
    boolean givenUp;
    /** Made with its dissector on the direction's first use: many flows carry data one way only. */
    private DirectionStream toServer;

    private DirectionStream toClient;
    /**
     * Whether {@link #loneKey} and {@link #loneTime} hold the flow's only waiting request ({@link
     * #pending} is then empty). A poller waits for each answer, so this is the usual case, and
     * pairing reads this object, already loaded for the message, instead of the table's.
     */
    private boolean lone;

    private long loneKey;
    private long loneTime;
    /** The waiting requests when more than one waits; made when a second one first comes. */
    private PendingRequests pending;
    /**
     * Where each direction's messages go, made on the direction's first message and again when the
     * flow learns a MAC address: every observation of the direction refers to it.
     */
    private Endpoints fromClient;

    private Endpoints fromServer;
    /**
     * The flow's client and server MAC addresses when {@link #fromClient} was made, compared per
     * message instead of the endpoints' own (the endpoints object is then not read).
     */
    private long fromClientClientMac;

    private long fromClientServerMac;
    /** The same for {@link #fromServer}. */
    private long fromServerClientMac;

    private long fromServerServerMac;
    /**
     * The talker counters of client and server in {@link #talkerStats}, looked up once (a flow's
     * messages are nearly always of one protocol; S7 flows may mix s7comm and s7comm-plus).
     */
    private ProtocolStats talkerStats;

    private long[] clientTalker;
    private long[] serverTalker;

    /**
     * True when the flow layer's client is on the protocol's well-known port and the server is
     * not: the capture began mid-connection or with a server-sent packet, so the ports say better
     * than the first packet which side asks.
     */
    boolean reversed;

    void identified(DissectorFactory f, int clientPort, int serverPort) {
        factory = f;
        protocol = f.protocol();
        int wellKnown = f.protocol().wellKnownPort().orElse(-1);
        reversed = wellKnown == clientPort && wellKnown != serverPort;
    }

    /** The direction to tell the dissector for bytes the flow layer reports as {@code d}. */
    Direction hint(Direction d) {
        return reversed == (d == Direction.REQUEST) ? Direction.RESPONSE : Direction.REQUEST;
    }

    /** The direction's stream, made (with a new dissector) on first use; {@link #identified} was called. */
    DirectionStream stream(Direction d) {
        DirectionStream st = d == Direction.REQUEST ? toServer : toClient;
        return st != null ? st : newStream(d);
    }

    /** Makes the direction's stream; apart from {@link #stream} so that the JIT inlines that one. */
    private DirectionStream newStream(Direction d) {
        DirectionStream st = new DirectionStream(factory.newDissector());
        if (d == Direction.REQUEST) {
            toServer = st;
        } else {
            toClient = st;
        }
        return st;
    }

    /**
     * Whether the direction's stream was made: one not made yet is what a new one would be (no
     * held bytes, nothing to skip, a new dissector), so a gap or close there changes nothing.
     */
    boolean used(Direction d) {
        return (d == Direction.REQUEST ? toServer : toClient) != null;
    }

    /**
     * Remembers a request as {@link PendingRequests#request} does: a repeated key keeps its place
     * and takes the new time; beyond {@code max} the oldest is dropped and counted.
     */
    void request(long key, long timestampNanos, int max) {
        if (pending == null || pending.size() == 0) {
            if (!lone) {
                lone = true;
                loneKey = key;
                loneTime = timestampNanos;
                return;
            }
            if (loneKey == key) {
                loneTime = timestampNanos;
                return;
            }
            if (pending == null) {
                pending = new PendingRequests(max);
            }
            lone = false;
            pending.request(loneKey, loneTime);
        }
        pending.request(key, timestampNanos);
    }

    /** The time of the request waiting under {@code key}, no longer waiting; -1 when none waits. */
    long response(long key) {
        if (lone) {
            if (loneKey != key) {
                return -1;
            }
            lone = false;
            return loneTime;
        }
        return pending == null ? -1 : pending.response(key);
    }

    /** The endpoints of the messages sent by the client ({@code fromClient}) or the server. */
    Endpoints endpoints(Flow flow, boolean fromClient) {
        long clientMac = flow.clientMac();
        long serverMac = flow.serverMac();
        if (fromClient) {
            if (this.fromClient != null && fromClientClientMac == clientMac && fromClientServerMac == serverMac) {
                return this.fromClient;
            }
        } else if (fromServer != null && fromServerClientMac == clientMac && fromServerServerMac == serverMac) {
            return fromServer;
        }
        return remake(flow, fromClient, clientMac, serverMac);
    }

    private Endpoints remake(Flow flow, boolean fromClient, long clientMac, long serverMac) {
        Endpoints e = fromClient ? this.fromClient : fromServer;
        long srcMac = fromClient ? clientMac : serverMac;
        long dstMac = fromClient ? serverMac : clientMac;
        Endpoints other = fromClient ? fromServer : this.fromClient;
        Optional<FlowKey> key;
        Optional<IpAddress> src;
        Optional<IpAddress> dst;
        if (e != null) { // a MAC learnt since: the wrapped key and addresses stay
            key = e.flow();
            src = e.src();
            dst = e.dst();
        } else if (other != null) {
            key = other.flow();
            src = other.dst();
            dst = other.src();
        } else {
            key = Optional.of(flow.key());
            src = Optional.of(fromClient ? flow.client() : flow.server());
            dst = Optional.of(fromClient ? flow.server() : flow.client());
        }
        Endpoints made = new Endpoints(
                key,
                src,
                dst,
                fromClient ? flow.clientPort() : flow.serverPort(),
                fromClient ? flow.serverPort() : flow.clientPort(),
                srcMac,
                dstMac);
        if (fromClient) {
            this.fromClient = made;
            fromClientClientMac = clientMac;
            fromClientServerMac = serverMac;
        } else {
            fromServer = made;
            fromServerClientMac = clientMac;
            fromServerServerMac = serverMac;
        }
        return made;
    }

    /**
     * The counter of messages sent by the client ({@code fromClient}) or the server, whose address
     * is the sender of {@code e}, that direction's {@link #endpoints}.
     */
    long[] talker(boolean fromClient, ProtocolStats stats, Endpoints e) {
        long[] slot = fromClient ? clientTalker : serverTalker;
        return slot != null && stats == talkerStats ? slot : lookUpTalker(fromClient, stats, e);
    }

    /** {@link #talker} when the counter is not at hand: looked up, for other stats after a change of protocol. */
    private long[] lookUpTalker(boolean fromClient, ProtocolStats stats, Endpoints e) {
        if (stats != talkerStats) {
            talkerStats = stats;
            clientTalker = null;
            serverTalker = null;
        }
        if (fromClient) {
            if (clientTalker == null) {
                clientTalker = stats.talkerSlot(e.src().orElseThrow());
            }
            return clientTalker;
        }
        if (serverTalker == null) {
            serverTalker = stats.talkerSlot(e.src().orElseThrow());
        }
        return serverTalker;
    }

    /** The flow's client address, from the endpoints when a message made them (no new object). */
    IpAddress client(Flow flow) {
        return fromClient != null
                ? fromClient.src().orElseThrow()
                : fromServer != null ? fromServer.dst().orElseThrow() : flow.client();
    }

    /** The flow's server address, as {@link #client}. */
    IpAddress server(Flow flow) {
        return fromServer != null
                ? fromServer.src().orElseThrow()
                : fromClient != null ? fromClient.dst().orElseThrow() : flow.server();
    }

    /** Requests still waiting plus those dropped from the table. */
    long unanswered() {
        return (lone ? 1 : 0) + (pending == null ? 0 : pending.size() + pending.evicted);
    }
}
