package io.isthmus.observe.session;

import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.DissectorFactory.Confidence;
import io.isthmus.wire.bacnet.BacnetDissectorFactory;
import io.isthmus.wire.dnp3.Dnp3DissectorFactory;
import io.isthmus.wire.enip.EnipDissectorFactory;
import io.isthmus.wire.iec104.Iec104DissectorFactory;
import io.isthmus.wire.modbus.ModbusDissectorFactory;
import io.isthmus.wire.opcua.OpcUaDissectorFactory;
import io.isthmus.wire.profinet.DcpDissectorFactory;
import io.isthmus.wire.s7.S7commDissectorFactory;
import io.isthmus.wire.s7.S7commPlusDissectorFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * The protocols the session layer knows, in order of preference, and how a flow is identified.
 * Each protocol package contributes one {@link DissectorFactory}; {@link #defaults()} lists them.
 */
public final class DissectorRegistry {
    private final List<DissectorFactory> factories;

    public DissectorRegistry(List<DissectorFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    /** Every dissector Isthmus ships. New protocols are added here, one line each. */
    public static DissectorRegistry defaults() {
        return new DissectorRegistry(List.of(
                new ModbusDissectorFactory(),
                new S7commDissectorFactory(),
                new S7commPlusDissectorFactory(),
                new EnipDissectorFactory(),
                new Dnp3DissectorFactory(),
                new Iec104DissectorFactory(),
                new OpcUaDissectorFactory(),
                new BacnetDissectorFactory(),
                new DcpDissectorFactory()));
    }

    public List<DissectorFactory> factories() {
        return factories;
    }

    /**
     * The protocol of a flow from one direction's first payload and the flow's server port: a
     * content match beats a port match; among content matches the one whose well-known port is the
     * server port wins, then the first listed; among port matches the first listed. {@code
     * serverPort} is -1 for frames without ports, where only protocols without a port take part.
     */
    public Optional<DissectorFactory> identify(ByteBuffer payload, int serverPort) {
        DissectorFactory content = null;
        DissectorFactory port = null;
        // One view re-aimed per probe instead of a duplicate per factory and payload: each probe
        // starts at the payload's position, limit and big-endian order, and cannot move the payload.
        ByteBuffer probe = payload.duplicate();
        int position = payload.position();
        int limit = payload.limit();
        for (int i = 0; i < factories.size(); i++) {
            DissectorFactory f = factories.get(i);
            boolean portless = f.protocol().wellKnownPort().isEmpty();
            if ((serverPort < 0) != portless) {
                continue;
            }
            probe.order(ByteOrder.BIG_ENDIAN).clear().limit(limit).position(position);
            Confidence c = f.probe(probe, serverPort);
            if (c == Confidence.CONTENT && (content == null || onItsPort(f, serverPort))) {
                content = content != null && onItsPort(content, serverPort) ? content : f;
            } else if (c == Confidence.PORT_ONLY && port == null) {
                port = f;
            }
        }
        return Optional.ofNullable(content != null ? content : port);
    }

    private static boolean onItsPort(DissectorFactory f, int serverPort) {
        return f.protocol().wellKnownPort().orElse(-2) == serverPort;
    }
}
