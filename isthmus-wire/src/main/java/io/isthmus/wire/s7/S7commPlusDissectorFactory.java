package io.isthmus.wire.s7;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * S7comm-plus (S7-1200/1500) over ISO-on-TCP. Claims a flow only on content: an S7comm-plus PDU
 * (protocol id 0x72) in a COTP data TPDU, or a connection request with a textual {@code
 * SIMATIC-...} TSAP. It never claims a flow by port alone; {@link S7commDissectorFactory} does that
 * for port 102, and its dissector recognises S7comm-plus as well.
 */
public final class S7commPlusDissectorFactory implements DissectorFactory {

    private final S7Limits limits;

    public S7commPlusDissectorFactory() {
        this(S7Limits.DEFAULT);
    }

    public S7commPlusDissectorFactory(S7Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Protocol protocol() {
        return Protocol.S7COMM_PLUS;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        return switch (S7Probe.probe(firstPayload, limits)) {
            case S7COMM_PLUS -> Confidence.CONTENT;
            case S7COMM, UNDECIDED, OTHER -> Confidence.NO;
        };
    }

    @Override
    public Dissector newDissector() {
        return new S7Dissector(Protocol.S7COMM_PLUS, limits);
    }
}
