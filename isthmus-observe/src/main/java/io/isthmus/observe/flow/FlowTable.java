package io.isthmus.observe.flow;

import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.PacketView;
import io.isthmus.wire.packet.TcpHeader;
import java.nio.ByteBuffer;

/**
 * The flows of one capture, bounded by {@link FlowLimits#maxFlows()}: kept in least-recently-seen
 * order so the stalest flow is the one evicted when the table is full and the first to time out.
 * Learns each flow's client (SYN, then SYN-ACK, then server ports, then first packet) and feeds TCP
 * segments to the per-direction {@link TcpReassembler}s and UDP payloads to the listener.
 *
 * <p>Not thread-safe: one table per capture, fed in capture order.
 */
public final class FlowTable {
    private static final long EXPIRY_CHECK_NANOS = 1_000_000_000L;

    private final FlowLimits limits;
    private final FlowListener listener;
    private final FlowCounters counters;
    private final StreamContext context;
    private final PayloadView view;
    /** {@link FlowLimits#idleTimeout()} in nanoseconds, converted once rather than at every check. */
    private final long idleNanos;

    private final FlowIndex flows = new FlowIndex();
    private long now = Long.MIN_VALUE;
    private long nextExpiryCheck = Long.MIN_VALUE;

    public FlowTable(FlowLimits limits, FlowListener listener) {
        this(limits, listener, new FlowCounters());
    }

    FlowTable(FlowLimits limits, FlowListener listener, FlowCounters counters) {
        this.limits = limits;
        this.listener = listener;
        this.counters = counters;
        this.view = new PayloadView();
        this.idleNanos = limits.idleTimeout().toNanos();
        this.context = new StreamContext(limits, counters, listener, view);
    }

    /** A decoded IP packet that is not a fragment; its payload lies in {@code buffer}. */
    public void accept(DecodedPacket packet, ByteBuffer buffer, long timestampNanos) {
        if (!(packet.network() instanceof IpHeader)) {
            throw new IllegalArgumentException("the flow table takes IP packets; route other frames elsewhere");
        }
        accept(PacketView.of(packet), buffer, timestampNanos);
    }

    /**
     * The hot path's form of {@link #accept(DecodedPacket, ByteBuffer, long)}: an IP packet that is
     * not a fragment, read from {@code packet} during the call and not kept (the flow keeps
     * primitives: MACs, sequence numbers, counters).
     */
    public void accept(PacketView packet, ByteBuffer buffer, long timestampNanos) {
        advanceTime(timestampNanos);
        if (!packet.isIp()) {
            throw new IllegalArgumentException("the flow table takes IP packets; route other frames elsewhere");
        }
        if (packet.isTcp()) {
            tcp(packet, buffer, timestampNanos);
        } else if (packet.isUdp()) {
            udp(packet, buffer, timestampNanos);
        } else {
            counters.otherIpPackets++;
        }
    }

    /**
     * The capture-wide number of the packet about to be accepted; flows it touches record it as
     * {@link Flow#lastPacket()}.
     */
    public void sequence(long packetNumber) {
        flows.clock = packetNumber;
    }

    /**
     * Lets capture time pass without a packet: idle flows time out. Once per packet, so the common
     * case (no check due) is kept small enough for C1, which {@code analyze} runs, to inline: the
     * time is past the next check only if it is past {@code now}, as every check sets the next one
     * beyond {@code now}.
     */
    public void advanceTime(long timestampNanos) {
        if (timestampNanos >= nextExpiryCheck) {
            checkExpiry(timestampNanos);
        } else if (timestampNanos > now) {
            now = timestampNanos;
        }
    }

    private void checkExpiry(long timestampNanos) {
        now = Math.max(now, timestampNanos);
        nextExpiryCheck = now + EXPIRY_CHECK_NANOS;
        expireIdle();
    }

    /** Ends every flow (buffered bytes delivered with gaps): at the end of the capture. */
    public void closeAll(CloseReason reason) {
        for (Flow f = flows.eldest(); f != null; f = flows.eldest()) {
            flows.remove(f);
            end(f, reason);
        }
    }

    public int size() {
        return flows.size();
    }

    public FlowStats stats() {
        return counters.snapshot(flows.size());
    }

    private void tcp(PacketView tcp, ByteBuffer buffer, long ts) {
        boolean sourceIsA = FlowKey.sourceIsA(tcp);
        int vlan = FlowKey.vlanOf(tcp.outerVlan(), tcp.innerVlan());
        Flow flow = find(IpHeader.TCP, tcp, sourceIsA, vlan);
        int flags = tcp.tcpFlags();
        if (flow != null
                && (flags & (TcpHeader.SYN | TcpHeader.ACK)) == TcpHeader.SYN
                && isNewConnection(flow, tcp, sourceIsA)) {
            flows.remove(flow);
            end(flow, CloseReason.PORT_REUSED);
            flow = null;
        }
        if (flow == null) {
            FlowKey key = FlowKey.of(IpHeader.TCP, tcp, sourceIsA, vlan);
            ClientBasis basis = tcpClientBasis(tcp);
            flow = create(key, clientIsA(basis, tcp, sourceIsA), basis, ts);
        }
        Direction direction = flow.directionFrom(sourceIsA);
        flow.touch(direction, tcp.srcMac(), tcp.dstMac(), tcp.payloadLength(), ts);
        ResetCheck reset = (flags & TcpHeader.RST) != 0 ? reset(flow, direction, tcp) : null;
        if (reset != null && !reset.ends()) {
            return;
        }
        if ((flags & TcpHeader.ACK) != 0) {
            flow.acknowledge(
                    direction == Direction.REQUEST ? Direction.RESPONSE : Direction.REQUEST, tcp.ack(), tcp.window());
        }
        flow.stream(direction)
                .segment(tcp.seq(), flags, buffer, tcp.payloadOffset(), tcp.payloadLength(), tcp.payloadMissing());
        if (reset != null) {
            flow.closeStreams(CloseReason.RESET);
            closed(flow, reset == ResetCheck.REFUSED ? CloseReason.REFUSED : CloseReason.RESET);
        } else if (flow.closed()) {
            closed(flow, CloseReason.FIN);
        }
    }

    /**
     * Judges a RST against the receiver's window ({@link ResetCheck}); one that does not end the
     * connection is counted and otherwise dropped: its ACK, data and flags are not used, as the
     * receiving host drops it. A RST on a flow that already ended is absorbed by the tombstone.
     */
    private ResetCheck reset(Flow flow, Direction direction, PacketView tcp) {
        if (flow.ended()) {
            return ResetCheck.EXACT;
        }
        ResetCheck check = ResetCheck.judge(
                flow.stream(direction),
                flow.stream(direction == Direction.REQUEST ? Direction.RESPONSE : Direction.REQUEST),
                tcp);
        switch (check) {
            case CHALLENGED -> counters.rstChallenged++;
            case IGNORED -> counters.rstIgnored++;
            case EXACT, REFUSED, UNVERIFIED -> {}
        }
        return check;
    }

    /**
     * A connection ended on the wire (FIN from both sides with every byte delivered, or a RST): its
     * end goes to the listener now, not when the flow leaves the table, so that detection and
     * inventory see closed and refused connections promptly. Its reassembly buffers were already
     * released by the close. The flow stays in the table as a tombstone under the same bounds
     * (LRU eviction, idle timeout) so the last ACK and data in flight do not start a new flow.
     */
    private void closed(Flow flow, CloseReason reason) {
        if (flow.markEnded()) {
            counters.flowsClosed++;
            if (reason == CloseReason.REFUSED) {
                counters.flowsRefused++;
            }
            listener.onFlowEnd(flow, reason);
        }
    }

    /**
     * Whether a SYN without ACK on a known 5-tuple starts a new connection: it does unless it
     * repeats the first SYN. The caller checked the flags (a call fewer per packet under C1).
     */
    private static boolean isNewConnection(Flow flow, PacketView tcp, boolean sourceIsA) {
        TcpReassembler sender = flow.stream(flow.directionFrom(sourceIsA));
        return flow.closed() || !sender.synSeen() || sender.isn() != tcp.seq();
    }

    private void udp(PacketView udp, ByteBuffer buffer, long ts) {
        boolean sourceIsA = FlowKey.sourceIsA(udp);
        int vlan = FlowKey.vlanOf(udp.outerVlan(), udp.innerVlan());
        Flow flow = find(IpHeader.UDP, udp, sourceIsA, vlan);
        if (flow == null) {
            FlowKey key = FlowKey.of(IpHeader.UDP, udp, sourceIsA, vlan);
            ClientBasis basis = portBasis(udp.srcPort(), udp.dstPort());
            flow = create(key, clientIsA(basis, udp, sourceIsA), basis, ts);
        }
        Direction direction = flow.directionFrom(sourceIsA);
        flow.touch(direction, udp.srcMac(), udp.dstMac(), udp.payloadLength(), ts);
        listener.onDatagram(flow, direction, view.of(buffer, udp.payloadOffset(), udp.payloadLength()));
    }

    /** The packet's flow, made the most recently seen; null when the table has none. */
    private Flow find(int protocol, PacketView p, boolean sourceIsA, int vlan) {
        // One call with the endpoints picked, not a call per order: with two, C2 inlined the index's
        // probe twice, and this method, compiled that big, was then a call per packet from tcp().
        return flows.find(
                protocol,
                sourceIsA ? p.srcHigh() : p.dstHigh(),
                sourceIsA ? p.srcLow() : p.dstLow(),
                sourceIsA ? p.srcPort() : p.dstPort(),
                sourceIsA ? p.dstHigh() : p.srcHigh(),
                sourceIsA ? p.dstLow() : p.srcLow(),
                sourceIsA ? p.dstPort() : p.srcPort(),
                vlan);
    }

    /** How a new TCP flow's first packet tells its client: SYN, SYN-ACK, server ports, else itself. */
    private static ClientBasis tcpClientBasis(PacketView tcp) {
        int flags = tcp.tcpFlags();
        if ((flags & TcpHeader.SYN) != 0) {
            return (flags & TcpHeader.ACK) == 0 ? ClientBasis.SYN : ClientBasis.SYN_ACK;
        }
        return portBasis(tcp.srcPort(), tcp.dstPort());
    }

    /** Whether endpoint A is the client of a new flow whose first packet is {@code p}, by {@code basis}. */
    private static boolean clientIsA(ClientBasis basis, PacketView p, boolean sourceIsA) {
        return switch (basis) {
            case SYN_ACK -> !sourceIsA;
            case PORT -> sourceIsA == senderIsClient(p.srcPort(), p.dstPort());
            case SYN, FIRST_PACKET -> sourceIsA;
        };
    }

    /** PORT when exactly one side looks like a server (a server port, or the other side ephemeral). */
    private static ClientBasis portBasis(int srcPort, int dstPort) {
        boolean srcServer = ServerPorts.isServerPort(srcPort);
        boolean dstServer = ServerPorts.isServerPort(dstPort);
        if (srcServer != dstServer) {
            return ClientBasis.PORT;
        }
        if (ServerPorts.isEphemeral(srcPort) != ServerPorts.isEphemeral(dstPort)) {
            return ClientBasis.PORT;
        }
        return ClientBasis.FIRST_PACKET;
    }

    /** Under {@link ClientBasis#PORT}: whether the packet's sender is the client. */
    private static boolean senderIsClient(int srcPort, int dstPort) {
        boolean srcServer = ServerPorts.isServerPort(srcPort);
        boolean dstServer = ServerPorts.isServerPort(dstPort);
        if (srcServer != dstServer) {
            return dstServer;
        }
        return ServerPorts.isEphemeral(srcPort);
    }

    private Flow create(FlowKey key, boolean clientIsA, ClientBasis basis, long ts) {
        if (flows.size() >= limits.maxFlows()) {
            evictStalest();
        }
        Flow flow = new Flow(key, clientIsA, basis, ts, context);
        flows.add(flow);
        counters.flowsCreated++;
        return flow;
    }

    private void evictStalest() {
        Flow stalest = flows.eldest();
        flows.remove(stalest);
        counters.flowsEvicted++;
        end(stalest, CloseReason.EVICTED);
    }

    private void expireIdle() {
        for (Flow f = flows.eldest(); f != null; f = flows.eldest()) {
            if (now - f.lastSeenNanos() <= idleNanos) {
                return;
            }
            flows.remove(f);
            counters.flowsExpired++;
            end(f, CloseReason.IDLE_TIMEOUT);
        }
    }

    private void end(Flow flow, CloseReason reason) {
        flow.closeStreams(reason);
        if (flow.markEnded()) {
            listener.onFlowEnd(flow, reason);
        }
    }
}
