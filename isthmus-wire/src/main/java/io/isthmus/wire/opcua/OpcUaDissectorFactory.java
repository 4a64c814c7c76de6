package io.isthmus.wire.opcua;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.opcua.transport.ChunkHeader;
import java.nio.ByteBuffer;

/**
 * Recognises OPC UA TCP (IEC 62541-6 §7.1) by its first header: a known message type, a chunk
 * type of 'F', 'C' or 'A', and a MessageSize no smaller than that type's fixed fields and within
 * {@link OpcUaLimits#maxChunkSize()}. That is strong enough to find OPC UA on any port (the shared
 * ITI capture runs it on 12001); port 4840 alone gives {@link Confidence#PORT_ONLY}.
 */
public final class OpcUaDissectorFactory implements DissectorFactory {
    private final OpcUaLimits limits;

    public OpcUaDissectorFactory() {
        this(OpcUaLimits.DEFAULT);
    }

    public OpcUaDissectorFactory(OpcUaLimits limits) {
        this.limits = limits;
    }

    @Override
    public Protocol protocol() {
        return Protocol.OPC_UA;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        ChunkHeader.Check check = ChunkHeader.check(
                firstPayload, firstPayload.position(), firstPayload.remaining(), limits.maxChunkSize());
        if (check instanceof ChunkHeader.Valid valid
                && valid.header().size() >= valid.header().type().minimumSize()) {
            return Confidence.CONTENT;
        }
        return serverPort == Protocol.OPC_UA.wellKnownPort().orElseThrow() ? Confidence.PORT_ONLY : Confidence.NO;
    }

    @Override
    public OpcUaDissector newDissector() {
        return new OpcUaDissector(limits);
    }
}
