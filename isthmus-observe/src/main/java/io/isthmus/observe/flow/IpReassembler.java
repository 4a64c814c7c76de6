package io.isthmus.observe.flow;

import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.PacketView;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IPv4 (RFC 791 3.2, RFC 815) and IPv6 (RFC 8200 4.5) fragment reassembly, bounded: at most {@link
 * FlowLimits#maxFragmentedDatagrams()} datagrams open at once (the oldest is evicted), each at most
 * {@link FlowLimits#maxDatagramBytes()} long in at most {@link FlowLimits#maxFragmentsPerDatagram()}
 * fragments, dropped when incomplete after {@link FlowLimits#fragmentTimeout()} of capture time.
 * Overlapping IPv4 fragments are counted and the data that arrived first is kept (no rewrite by a
 * later, possibly forged, fragment); an overlapping IPv6 fragment discards its whole datagram, as
 * RFC 5722 requires, and is counted both as an overlap and a drop. Datagrams are keyed by IP
 * version, source, destination, protocol, identification and VLAN.
 *
 * <p>A completed datagram comes back as a fresh IP packet of its version (a 20-byte IPv4 header
 * without options and with a valid checksum, or a 40-byte IPv6 header without extension headers)
 * followed by the payload, in a buffer reused by the next call. Atomic IPv6 fragments (offset 0,
 * M=0; RFC 6946) are not fragments at all and never reach this class.
 */
public final class IpReassembler {

    private final FlowLimits limits;
    private final FlowCounters counters;
    private final Map<FragmentKey, PartialDatagram> open = new LinkedHashMap<>();
    private final ByteBuffer out;

    public IpReassembler(FlowLimits limits) {
        this(limits, new FlowCounters());
    }

    IpReassembler(FlowLimits limits, FlowCounters counters) {
        this.limits = limits;
        this.counters = counters;
        this.out = ByteBuffer.allocate(limits.maxDatagramBytes());
    }

    private record FragmentKey(
            int version, long srcHigh, long srcLow, long dstHigh, long dstLow, int id, int protocol, int vlan) {}

    /**
     * One fragment ({@code packet.network()} is an IPv4 or IPv6 header with {@link
     * IpHeader#isFragment()});
     * the reassembled datagram when this fragment completes one, valid until the next call.
     */
    public Optional<ByteBuffer> accept(DecodedPacket packet, ByteBuffer buffer, long timestampNanos) {
        if (!(packet.network() instanceof IpHeader)) {
            throw new ClassCastException("not an IP packet: " + packet.network());
        }
        return accept(PacketView.of(packet), buffer, timestampNanos);
    }

    /**
     * {@link #accept(DecodedPacket, ByteBuffer, long)} for the current packet of a {@link PacketView}
     * (an {@link PacketView#isFragment()} one), read during the call and not kept: a new datagram
     * keeps its first fragment's header as an {@link IpHeader} record.
     */
    public Optional<ByteBuffer> accept(PacketView ip, ByteBuffer buffer, long timestampNanos) {
        expire(timestampNanos);
        counters.fragments++;
        int from = ip.fragmentOffset();
        int to = from + ip.payloadLength();
        if (ip.payloadMissing() > 0 || to > limits.maxDatagramBytes() - headerLength(ip.ipVersion())) {
            counters.fragmentsDropped++;
            return Optional.empty();
        }
        FragmentKey key = new FragmentKey(
                ip.ipVersion(),
                ip.srcHigh(),
                ip.srcLow(),
                ip.dstHigh(),
                ip.dstLow(),
                ip.fragmentId(),
                ip.ipProtocol(),
                FlowKey.vlanOf(ip.outerVlan(), ip.innerVlan()));
        PartialDatagram d = open.get(key);
        if (d == null) {
            d = openDatagram(key, ip, timestampNanos);
        }
        switch (d.add(from, to, buffer, ip.payloadOffset(), !ip.moreFragments(), limits.maxFragmentsPerDatagram())) {
            case ADDED -> {}
            case OVERLAP -> {
                counters.fragmentOverlaps++;
                if (ip.ipVersion() == 6) {
                    counters.fragmentsDropped++;
                    open.remove(key);
                    return Optional.empty();
                }
            }
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

    private PartialDatagram openDatagram(FragmentKey key, PacketView ip, long ts) {
        if (open.size() >= limits.maxFragmentedDatagrams()) {
            Iterator<PartialDatagram> it = open.values().iterator();
            it.next();
            it.remove();
            counters.datagramsEvicted++;
        }
        PartialDatagram d =
                new PartialDatagram(ip.ipHeader(), ts, limits.maxDatagramBytes() - headerLength(ip.ipVersion()));
        open.put(key, d);
        return d;
    }

    /** Drops the datagrams still incomplete {@link FlowLimits#fragmentTimeout()} before {@code now}. */
    void expire(long now) {
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

    /** The header a rebuilt datagram gets: IPv4 without options, IPv6 without extension headers. */
    private static int headerLength(int ipVersion) {
        return ipVersion == 6 ? PartialDatagram.IPV6_HEADER : PartialDatagram.IPV4_HEADER;
    }
}
