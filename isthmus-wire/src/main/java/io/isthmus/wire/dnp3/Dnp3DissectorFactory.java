package io.isthmus.wire.dnp3;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.dnp3.link.LinkDecoder;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Recognises DNP3 (IEEE 1815-2012) over TCP or UDP: by content when the first bytes are a link
 * header with the 0x05 0x64 start octets, a length of at least 5 and a matching header CRC (a
 * 1-in-65536 accident for other traffic), otherwise by the registered port 20000.
 */
public final class Dnp3DissectorFactory implements DissectorFactory {
    private final Dnp3Limits limits;

    public Dnp3DissectorFactory() {
        this(Dnp3Limits.DEFAULT);
    }

    public Dnp3DissectorFactory(Dnp3Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Protocol protocol() {
        return Protocol.DNP3;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        if (LinkDecoder.isHeader(firstPayload)) {
            return Confidence.CONTENT;
        }
        return serverPort == Protocol.DNP3.wellKnownPort().orElseThrow() ? Confidence.PORT_ONLY : Confidence.NO;
    }

    @Override
    public Dissector newDissector() {
        return new Dnp3Dissector(limits);
    }
}
