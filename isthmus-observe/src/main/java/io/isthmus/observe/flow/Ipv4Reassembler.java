package io.isthmus.observe.flow;

import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.IpHeader;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IPv4 fragment reassembly (RFC 791 3.2, RFC 815), bounded: at most {@link
 * FlowLimits#maxFragmentedDatagrams()} datagrams open at once (the oldest is evicted), each at most
 * {@link FlowLimits#maxDatagramBytes()} long in at most {@link FlowLimits#maxFragmentsPerDatagram()}
 * fragments, dropped when incomplete after {@link FlowLimits#fragmentTimeout()} of capture time.
 * Overlapping fragments are counted; the data that arrived first is kept (no rewrite by a later,
 * possibly forged, fragment). Datagrams are keyed by source, destination, protocol, identification
 * and VLAN.
 *
 * <p>A completed datagram comes back as a fresh IPv4 packet (20-byte header without options, valid
 * checksum, payload) in a buffer reused by the next call.
 */
public final class Ipv4Reassembler {
    private static final int HEADER = 20;

    private final FlowLimits limits;
    private final FlowCounters counters;
    private final Map<FragmentKey, PartialDatagram> open = new LinkedHashMap<>();
    private final ByteBuffer out;

    public Ipv4Reassembler(FlowLimits limits) {
        this(limits, new FlowCounters());
    }

    Ipv4Reassembler(FlowLimits limits, FlowCounters counters) {
        this.limits = limits;
        this.counters = counters;
        this.out = ByteBuffer.allocate(limits.maxDatagramBytes());
    }

    private record FragmentKey(long src, long dst, int id, int protocol, int vlan) {}

    /**
     * One fragment ({@code packet.network()} is an IPv4 header with {@link IpHeader#isFragment()});
     * the reassembled datagram when this fragment completes one, valid until the next call.
     */
    public Optional<ByteBuffer> accept(DecodedPacket packet, ByteBuffer buffer, long timestampNanos) {
        expire(timestampNanos);
        IpHeader ip = (IpHeader) packet.network();
        counters.fragments++;
        int from = ip.fragmentOffset();
        int to = from + packet.payloadLength();
        if (packet.payloadMissing() > 0 || to > limits.maxDatagramBytes() - HEADER) {
            counters.fragmentsDropped++;
            return Optional.empty();
        }
        FragmentKey key = new FragmentKey(
                ip.srcLow(), ip.dstLow(), ip.fragmentId(), ip.protocol(), FlowKey.vlanOf(packet.link()));
        PartialDatagram d = open.get(key);
        if (d == null) {
            d = openDatagram(key, ip, timestampNanos);
        }
        switch (d.add(
                from, to, buffer, packet.payloadOffset(), !ip.moreFragments(), limits.maxFragmentsPerDatagram())) {
            case ADDED -> {}
            case OVERLAP -> counters.fragmentOverlaps++;
            case REFUSED -> {
                counters.fragmentsDropped++;
                open.remove(key);
                return Optional.empty();
            }
        }
        if (!d.complete()) {
            return Optional.empty();
        }
        open.remove(key);
        counters.datagramsReassembled++;
        return Optional.of(d.writeTo(out));
    }

    /** Incomplete datagrams held now. */
    public int openDatagrams() {
        return open.size();
    }

    private PartialDatagram openDatagram(FragmentKey key, IpHeader ip, long ts) {
        if (open.size() >= limits.maxFragmentedDatagrams()) {
            Iterator<PartialDatagram> it = open.values().iterator();
            it.next();
            it.remove();
            counters.datagramsEvicted++;
        }
        PartialDatagram d = new PartialDatagram(ip, ts, limits.maxDatagramBytes() - HEADER);
        open.put(key, d);
        return d;
    }

    private void expire(long now) {
        long timeout = limits.fragmentTimeout().toNanos();
        Iterator<PartialDatagram> it = open.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().firstSeenNanos() <= timeout) {
                return;
            }
            it.remove();
            counters.datagramsExpired++;
        }
    }
}
