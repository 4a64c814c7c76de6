package io.isthmus.wire.opcua;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.opcua.transport.ChunkHeader;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Dissects one direction of an OPC UA TCP connection (IEC 62541-6 §7.1 UACP carrying §6.7 UASC):
 * one chunk per call, each buffered whole (bounded by {@link OpcUaLimits#maxChunkSize()}).
 *
 * <p>A header that cannot be one (unknown type, size under 8 or over the limit) is reported once
 * as {@link Dissection.Malformed} with {@code skip} 1; the dissector then scans for the next
 * complete, plausible header and silently consumes the bytes before it (as {@link
 * Dissection.Messages} with no messages), so one desynchronisation is one anomaly and the flow
 * recovers. A chunk whose
 * fields do not fit is {@link Dissection.Malformed} with {@code skip} equal to its size. Chunks
 * that continue a message already reported also come back as {@code Messages} with none.
 */
public final class OpcUaDissector implements Dissector {
    private final OpcUaLimits limits;
    private final ChannelState state;
    private final SecureConversation secure;
    private boolean resynchronising;

    public OpcUaDissector(OpcUaLimits limits) {
        this.limits = limits;
        this.state = new ChannelState(limits);
        this.secure = new SecureConversation(limits, state);
    }

    @Override
    public Protocol protocol() {
        return Protocol.OPC_UA;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        int start = data.position();
        int available = data.remaining();
        if (resynchronising) {
            int skip = distanceToPlausibleHeader(data, start, available);
            if (skip > 0) {
                return new Dissection.Messages(List.of(), skip);
            }
            if (ChunkHeader.check(data, start, available, limits.maxChunkSize()) instanceof ChunkHeader.Partial p) {
                return new Dissection.NeedMore(p.needed());
            }
            resynchronising = false;
        }
        return switch (ChunkHeader.check(data, start, available, limits.maxChunkSize())) {
            case ChunkHeader.Partial p -> new Dissection.NeedMore(p.needed());
            case ChunkHeader.Invalid invalid -> {
                resynchronising = true;
                yield new Dissection.Malformed(
                        OpcUaAnomalies.header(invalid, limits.maxChunkSize()), invalid.offset(), 1);
            }
            case ChunkHeader.Valid valid -> {
                int size = (int) valid.header().size();
                yield size > available
                        ? new Dissection.NeedMore(size - available)
                        : chunk(data, start, valid.header(), hint);
            }
        };
    }

    private Dissection chunk(ByteBuffer data, int start, ChunkHeader header, Direction hint) {
        return switch (header.type()) {
            case HEL, ACK, ERR, RHE ->
                ConnectionMessages.dissect(SecureConversation.reader(data, start, header), header, hint, limits, state);
            case OPN -> secure.open(data, start, header, hint);
            case MSG, CLO -> secure.symmetric(data, start, header, hint);
        };
    }

    /** Offset of the first byte that starts a plausible (possibly still partial) header, or all. */
    private int distanceToPlausibleHeader(ByteBuffer data, int start, int available) {
        for (int k = 0; k < available; k++) {
            if (!(ChunkHeader.check(data, start + k, available - k, limits.maxChunkSize())
                    instanceof ChunkHeader.Invalid)) {
                return k;
            }
        }
        return available;
    }
}
