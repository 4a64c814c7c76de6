package io.isthmus.observe.flow;

import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.PacketError;
import java.nio.ByteBuffer;

/**
 * What the flow layer hands to the session layer above it. Directions are those of {@link
 * Direction}: {@code REQUEST} from the flow's client to its server, {@code RESPONSE} back.
 *
 * <p>Buffers passed in are views valid only during the call: read from position to limit (moving
 * them is allowed), never keep them. The time of the packet that caused a call is {@link
 * Flow#lastSeenNanos()}. Calls come on the thread that feeds the pipeline, in capture order.
 */
public interface FlowListener {

    /** The next contiguous bytes of one direction of a TCP connection, in order, without duplicates. */
    void onStreamData(Flow flow, Direction direction, ByteBuffer data);

    /**
     * {@code missingBytes} of the stream will never arrive (lost before capture, given up when the
     * out-of-order buffer filled, or cut by the capture's snap length); the next data follows them.
     * A dissector in mid-message should resynchronise.
     */
    void onStreamGap(Flow flow, Direction direction, long missingBytes);

    /** No more bytes will come in this direction. */
    void onStreamClose(Flow flow, Direction direction, CloseReason reason);

    /** One UDP datagram's payload. */
    void onDatagram(Flow flow, Direction direction, ByteBuffer payload);

    /**
     * A retransmission carried bytes that differ from the ones first seen for the same stream
     * offsets (the first ones were kept): a sign of evasion or corruption, kept as evidence.
     */
    default void onOverlapConflict(Flow flow, Direction direction, long streamOffset, int length) {}

    /** The flow leaves the table (both directions closed or reset and timed out, evicted, capture end). */
    default void onFlowEnd(Flow flow, CloseReason reason) {}

    /** A frame that is not IP (PROFINET DCP on EtherType 0x8892, LLDP, ARP...). */
    default void onFrame(DecodedPacket frame, ByteBuffer buffer, long timestampNanos) {}

    /** A packet whose headers could not be decoded. */
    default void onPacketError(PacketError error, long timestampNanos) {}
}
