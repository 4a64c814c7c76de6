package io.isthmus.observe.flow;

import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.PacketError;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records what a flow listener hears, per flow and direction, as text for readable assertions. */
final class Recorder implements FlowListener {
    /** Per flow and direction: data as text, gaps as [gap N], the close as [close REASON]. */
    final Map<Flow, Map<Direction, StringBuilder>> streams = new HashMap<>();

    final Map<Flow, Map<Direction, ByteArrayOutputStream>> bytes = new HashMap<>();
    final List<String> events = new ArrayList<>();
    final List<DecodedPacket> frames = new ArrayList<>();
    final List<PacketError> errors = new ArrayList<>();
    final List<Flow> ended = new ArrayList<>();

    @Override
    public void onStreamData(Flow flow, Direction direction, ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        text(flow, direction).append(new String(b, StandardCharsets.ISO_8859_1));
        bytes.computeIfAbsent(flow, f -> new EnumMap<>(Direction.class))
                .computeIfAbsent(direction, d -> new ByteArrayOutputStream())
                .writeBytes(b);
    }

    @Override
    public void onStreamGap(Flow flow, Direction direction, long missingBytes) {
        text(flow, direction).append("[gap ").append(missingBytes).append(']');
    }

    @Override
    public void onStreamClose(Flow flow, Direction direction, CloseReason reason) {
        text(flow, direction).append("[close ").append(reason).append(']');
    }

    @Override
    public void onDatagram(Flow flow, Direction direction, ByteBuffer payload) {
        byte[] b = new byte[payload.remaining()];
        payload.get(b);
        events.add("datagram " + direction + " " + new String(b, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onOverlapConflict(Flow flow, Direction direction, long streamOffset, int length) {
        events.add("conflict " + direction + " at " + streamOffset);
    }

    @Override
    public void onFlowEnd(Flow flow, CloseReason reason) {
        ended.add(flow);
        events.add("end " + reason);
    }

    @Override
    public void onFrame(DecodedPacket frame, ByteBuffer buffer, long timestampNanos) {
        frames.add(frame);
    }

    @Override
    public void onPacketError(PacketError error, long timestampNanos) {
        errors.add(error);
    }

    String stream(Direction direction) {
        if (streams.size() != 1) {
            throw new AssertionError("expected one flow, got " + streams.keySet());
        }
        StringBuilder s = streams.values().iterator().next().get(direction);
        return s == null ? "" : s.toString();
    }

    Flow onlyFlow() {
        if (streams.size() != 1) {
            throw new AssertionError("expected one flow, got " + streams.keySet());
        }
        return streams.keySet().iterator().next();
    }

    private StringBuilder text(Flow flow, Direction direction) {
        return streams.computeIfAbsent(flow, f -> new EnumMap<>(Direction.class))
                .computeIfAbsent(direction, d -> new StringBuilder());
    }
}
