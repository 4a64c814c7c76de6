package io.isthmus.wire.s7;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * S7comm over ISO-on-TCP (RFC 1006 TPKT, ISO 8073 COTP), usually TCP port 102. Claims a flow on
 * content only when it sees an S7comm PDU or an S7-style connection request; on port 102 it
 * settles for {@link Confidence#PORT_ONLY} while the first bytes do not tell (a disconnect, an
 * empty data TPDU). Other COTP users on 102 (MMS/IEC 61850) get {@link Confidence#NO}. The
 * dissector it creates also labels any S7comm-plus PDU of the flow as {@code s7commplus}.
 */
public final class S7commDissectorFactory implements DissectorFactory {

    private final S7Limits limits;

    public S7commDissectorFactory() {
        this(S7Limits.DEFAULT);
    }

    public S7commDissectorFactory(S7Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Protocol protocol() {
        return Protocol.S7COMM;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        return switch (S7Probe.probe(firstPayload, limits)) {
            case S7COMM -> Confidence.CONTENT;
            case UNDECIDED ->
                serverPort == Protocol.S7COMM.wellKnownPort().orElseThrow() ? Confidence.PORT_ONLY : Confidence.NO;
            case S7COMM_PLUS, OTHER -> Confidence.NO;
        };
    }

    @Override
    public Dissector newDissector() {
        return new S7Dissector(Protocol.S7COMM, limits);
    }
}
