package io.isthmus.observe.session;

import io.isthmus.observe.flow.CloseReason;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.flow.FlowListener;
import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.PacketError;
import java.nio.ByteBuffer;

/** The session layer with a {@link CaptureTap} told about every flow that ends. */
final class TappedListener implements FlowListener {
    private final FlowListener inner;
    private final CaptureTap tap;

    TappedListener(FlowListener inner, CaptureTap tap) {
        this.inner = inner;
        this.tap = tap;
    }

    @Override
    public void onStreamData(Flow flow, Direction direction, ByteBuffer data) {
        inner.onStreamData(flow, direction, data);
    }

    @Override
    public void onStreamGap(Flow flow, Direction direction, long missingBytes) {
        inner.onStreamGap(flow, direction, missingBytes);
    }

    @Override
    public void onStreamClose(Flow flow, Direction direction, CloseReason reason) {
        inner.onStreamClose(flow, direction, reason);
    }

    @Override
    public void onDatagram(Flow flow, Direction direction, ByteBuffer payload) {
        inner.onDatagram(flow, direction, payload);
    }

    @Override
    public void onOverlapConflict(Flow flow, Direction direction, long streamOffset, int length) {
        inner.onOverlapConflict(flow, direction, streamOffset, length);
    }

    @Override
    public void onFlowEnd(Flow flow, CloseReason reason) {
        inner.onFlowEnd(flow, reason);
        tap.onFlowEnd(flow);
    }

    @Override
    public void onFrame(DecodedPacket frame, ByteBuffer buffer, long timestampNanos) {
        inner.onFrame(frame, buffer, timestampNanos);
    }

    @Override
    public void onPacketError(PacketError error, long timestampNanos) {
        inner.onPacketError(error, timestampNanos);
    }
}
