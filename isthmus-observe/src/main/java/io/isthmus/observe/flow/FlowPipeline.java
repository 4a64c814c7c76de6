package io.isthmus.observe.flow;

import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.IpHeader;
import io.isthmus.wire.packet.Network;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.PacketError;
import io.isthmus.wire.packet.PacketResult;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Captured packets in, listener calls out: decode the headers, reassemble IPv4 and IPv6 fragments,
 * route IP packets to the {@link FlowTable} and other frames (PROFINET DCP) straight to the
 * listener. This is the composition {@code isthmus analyze} and the sensor run per capture.
 */
public final class FlowPipeline {
    private final PacketDecoder decoder;
    private final FlowListener listener;
    private final FlowCounters counters = new FlowCounters();
    private final IpReassembler fragments;
    private final FlowTable table;

    public FlowPipeline(FlowLimits limits, PacketDecoder decoder, FlowListener listener) {
        this.decoder = decoder;
        this.listener = listener;
        this.fragments = new IpReassembler(limits, counters);
        this.table = new FlowTable(limits, listener, counters);
    }

    /** One packet as the capture reader reported it, its bytes in {@code buffer}. */
    public void accept(ByteBuffer buffer, CaptureRecord.Packet packet) {
        counters.packets++;
        counters.bytes += packet.capturedLength();
        long ts = packet.timestampNanos();
        PacketResult r = decoder.decode(buffer, packet);
        // The common case first, by instanceof: analyze runs C1 only, where a pattern switch is an
        // invokedynamic call through method handles on every packet (docs/benchmarks.md, sixth session).
        if (r instanceof DecodedPacket p) {
            decoded(p, buffer, ts);
            return;
        }
        switch (r) {
            case PacketError e -> error(e, ts);
            case DecodedPacket p -> decoded(p, buffer, ts);
        }
    }

    /** The capture ended: every flow is closed and its held bytes delivered with gaps. */
    public void finish() {
        table.closeAll(CloseReason.END_OF_CAPTURE);
    }

    public FlowStats stats() {
        return table.stats();
    }

    public FlowTable table() {
        return table;
    }

    private void decoded(DecodedPacket p, ByteBuffer buffer, long ts) {
        if (p.network() instanceof IpHeader ip && !ip.isFragment()) { // by instanceof, as in accept
            table.accept(p, buffer, ts);
            return;
        }
        switch (p.network()) {
            case IpHeader ip when ip.isFragment() -> fragment(p, ip, buffer, ts);
            case IpHeader ip -> table.accept(p, buffer, ts);
            case Network.Profinet pn -> frame(p, buffer, ts);
            case Network.Other other -> frame(p, buffer, ts);
        }
    }

    private void fragment(DecodedPacket p, IpHeader ip, ByteBuffer buffer, long ts) {
        table.advanceTime(ts);
        Optional<ByteBuffer> datagram = fragments.accept(p, buffer, ts);
        if (datagram.isEmpty()) {
            return;
        }
        ByteBuffer d = datagram.get();
        switch (decoder.decodeIp(d, 0, d.limit(), p.link())) {
            case PacketError e -> error(e, ts);
            case DecodedPacket whole -> table.accept(whole, d, ts);
        }
    }

    private void frame(DecodedPacket p, ByteBuffer buffer, long ts) {
        table.advanceTime(ts);
        counters.nonIpFrames++;
        listener.onFrame(p, buffer, ts);
    }

    private void error(PacketError e, long ts) {
        counters.decodeErrors++;
        listener.onPacketError(e, ts);
    }
}
