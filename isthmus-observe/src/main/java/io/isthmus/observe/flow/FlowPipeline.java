package io.isthmus.observe.flow;

import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.PacketError;
import io.isthmus.wire.packet.PacketView;
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
    /** The current packet's headers; re-filled by every {@link #accept}. */
    private final PacketView view = new PacketView();

    public FlowPipeline(FlowLimits limits, PacketDecoder decoder, FlowListener listener) {
        this.decoder = decoder;
        this.listener = listener;
        this.fragments = new IpReassembler(limits, counters);
        this.table = new FlowTable(limits, listener, counters);
    }

    /**
     * One packet as the capture reader reported it, its bytes in {@code buffer}. Neither the packet
     * nor the buffer is kept past the call: the headers are decoded into this pipeline's one {@link
     * PacketView}, re-filled per packet, which listeners never see (they get payload views and, for
     * non-IP frames, a {@link DecodedPacket} record built for the call).
     */
    public void accept(ByteBuffer buffer, CaptureRecord.Packet packet) {
        acceptDecoded(buffer, packet, decoder.decode(buffer, packet, view));
    }

    /**
     * For a shard that reads the whole capture itself: decodes the packet's headers into this
     * pipeline's view ({@link #decoded()}) without handling the packet, so the shard can choose by
     * them whether the packet is its own; then {@link #acceptDecoded} (its own) or {@link #passTime}.
     * Nothing is counted here.
     *
     * @return whether the headers decoded
     */
    public boolean decode(ByteBuffer buffer, CaptureRecord.Packet packet) {
        return decoder.decode(buffer, packet, view);
    }

    /** The headers {@link #decode} filled: read them before the next packet, do not keep them. */
    public PacketView decoded() {
        return view;
    }

    /**
     * {@link #accept} of the packet just given to {@link #decode}, with the same buffer and packet
     * and what {@code decode} returned: the headers are not decoded a second time.
     */
    public void acceptDecoded(ByteBuffer buffer, CaptureRecord.Packet packet, boolean decoded) {
        counters.packets++;
        counters.bytes += packet.capturedLength();
        long ts = packet.timestampNanos();
        if (!decoded) {
            error(view.error(), ts);
            return;
        }
        if (view.isIp() && !view.isFragment()) {
            table.accept(view, buffer, ts);
        } else if (view.isIp()) {
            fragment(buffer, ts);
        } else {
            frame(buffer, ts);
        }
    }

    /**
     * For a pipeline that sees only some of a capture's packets (one shard of a flow-sharded
     * analysis): the capture-wide number of the packet the next {@link #accept} gets, kept by the
     * flows it touches as {@link Flow#lastPacket()}.
     */
    public void sequence(long packetNumber) {
        table.sequence(packetNumber);
    }

    /**
     * For a shard: a packet that decoded but went to another shard, at {@code timestampNanos}. Capture
     * time passes here exactly as {@link #accept} would let it pass (idle flows time out, and for a
     * fragment, incomplete datagrams), so every shard times out at the same packets as one pipeline
     * over the whole capture would.
     */
    public void passTime(long timestampNanos, boolean fragment) {
        table.advanceTime(timestampNanos);
        if (fragment) {
            fragments.expire(timestampNanos);
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

    private void fragment(ByteBuffer buffer, long ts) {
        table.advanceTime(ts);
        Optional<ByteBuffer> datagram = fragments.accept(view, buffer, ts);
        if (datagram.isEmpty()) {
            return;
        }
        ByteBuffer d = datagram.get();
        if (decoder.decodeIp(d, 0, d.limit(), view)) {
            table.accept(view, d, ts);
        } else {
            error(view.error(), ts);
        }
    }

    private void frame(ByteBuffer buffer, long ts) {
        table.advanceTime(ts);
        counters.nonIpFrames++;
        listener.onFrame(view.toDecodedPacket(), buffer, ts);
    }

    private void error(PacketError e, long ts) {
        counters.decodeErrors++;
        listener.onPacketError(e, ts);
    }
}
