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
    /** What {@link #ports} holds for a protocol without a port: equal to no server port, not even -1. */
    private static final int NO_PORT = Integer.MIN_VALUE;

    private final List<DissectorFactory> factories;

    /** The factories by position, with each one's well-known port ({@link #NO_PORT} without) and result. */
    private final DissectorFactory[] byIndex;

    private final int[] ports;
    private final List<Optional<DissectorFactory>> results;

    public DissectorRegistry(List<DissectorFactory> factories) {
        this.factories = List.copyOf(factories);
        this.byIndex = this.factories.toArray(DissectorFactory[]::new);
        this.ports = new int[byIndex.length];
        for (int i = 0; i < byIndex.length; i++) {
            ports[i] = byIndex[i].protocol().wellKnownPort().orElse(NO_PORT);
        }
        this.results = this.factories.stream().map(Optional::of).toList();
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
     *
     * <p>The usual flow is a protocol on its own port, so the factories of the server port are
     * probed first, in list order: the first of them whose content matches is what the rule above
     * picks, and the others are not probed. Only when none matches are all factories probed in
     * order (probes are pure: they neither move the payload nor keep state).
     */
    public Optional<DissectorFactory> identify(ByteBuffer payload, int serverPort) {
        // The payload itself, re-aimed before each probe and restored after the last, instead of a
        // duplicate per payload (one allocation per flow's first packets): each probe starts at the
        // payload's position, limit and big-endian order, and the payload is left as it came.
        int position = payload.position();
        int limit = payload.limit();
        ByteOrder order = payload.order();
        try {
            return identify(payload, position, limit, serverPort);
        } finally {
            payload.order(order).limit(limit).position(position);
        }
    }

    private Optional<DissectorFactory> identify(ByteBuffer probe, int position, int limit, int serverPort) {
        if (serverPort >= 0) {
            for (int i = 0; i < byIndex.length; i++) {
                if (ports[i] == serverPort && probe(i, probe, position, limit, serverPort) == Confidence.CONTENT) {
                    return results.get(i);
                }
            }
        }
        int content = -1;
        int port = -1;
        for (int i = 0; i < byIndex.length; i++) {
            if ((serverPort < 0) != (ports[i] == NO_PORT)) {
                continue;
            }
            Confidence c = probe(i, probe, position, limit, serverPort);
            if (c == Confidence.CONTENT && (content < 0 || ports[i] == serverPort)) {
                content = content >= 0 && ports[content] == serverPort ? content : i;
            } else if (c == Confidence.PORT_ONLY && port < 0) {
                port = i;
            }
        }
        int found = content >= 0 ? content : port;
        return found >= 0 ? results.get(found) : Optional.empty();
    }

    private Confidence probe(int i, ByteBuffer probe, int position, int limit, int serverPort) {
        probe.order(ByteOrder.BIG_ENDIAN).limit(limit).position(position);
        return byIndex[i].probe(probe, serverPort);
    }
}
