package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.observe.flow.Flow;
import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.IpHeader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reconnaissance from hosts that never did it: discovery and identification requests (Modbus
 * 43/14, CIP ListIdentity, PROFINET DCP Identify, BACnet Who-Is) and scans, counted as TCP
 * connections that carried no request payload, to {@link DetectionLimits#scanPorts} distinct
 * host-and-port targets within {@link DetectionLimits#scanWindow}.
 */
final class Reconnaissance {
    private static final List<Technique> REMOTE_SYSTEM_DISCOVERY = Finding.techniques("T0846");
    private static final List<Technique> REMOTE_SYSTEM_INFORMATION = Finding.techniques("T0888");

    private final DetectionLimits limits;
    private final long windowNanos;
    private final Map<Host, Probes> probes;
    private long evicted;

    private static final class Probes {
        long windowStart;
        final Set<Long> targets = new HashSet<>();
        final Set<Host> hosts = new HashSet<>();
    }

    Reconnaissance(DetectionLimits limits) {
        this.limits = limits;
        this.windowNanos = limits.scanWindow().toNanos();
        this.probes = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Host, Probes> eldest) {
                if (size() > limits.maxHosts()) {
                    evicted++;
                    return true;
                }
                return false;
            }
        };
    }

    long evicted() {
        return evicted;
    }

    /** A discovery request from a host the baseline does not know as a discoverer. */
    /** Keys a discovery alert: the sender and the protocol. */
    private record DiscoveryKey(Host src, Protocol protocol) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof DiscoveryKey k && src.equals(k.src) && protocol == k.protocol;
        }

        @Override
        public int hashCode() {
            int h = src.hashCode();
            h = 31 * h + protocol.hashCode();
            return h;
        }
    }

    void inspect(Seen s, Baseline baseline, String zonePath, AlertLog out) {
        if (s.m.access() != AccessKind.DISCOVERY || baseline.isDiscoverer(s.src)) {
            return;
        }
        DiscoveryKey key = new DiscoveryKey(s.src, s.m.protocol());
        if (out.absorb(Rule.DISCOVERY, key, s.time())) {
            return;
        }
        boolean identification = s.m.protocol() == Protocol.MODBUS;
        String what = identification ? "device identification" : "discovery";
        out.add(Finding.of(
                Rule.DISCOVERY,
                Severity.MEDIUM,
                identification ? REMOTE_SYSTEM_INFORMATION : REMOTE_SYSTEM_DISCOVERY,
                s.m.protocol().displayName() + " " + what + " (" + s.m.functionName() + ") from " + s.src
                        + ", which never sent it before",
                key,
                s,
                zonePath,
                s.describe() + " to " + s.dst));
    }

    /**
     * A TCP flow without request payload is a probe; the probe that completes a scan raises it and
     * every later one counts. A scan inside the learning window raises nothing: its host is
     * returned to be learned as one that scans.
     */
    Optional<Host> onFlowEnd(Flow flow, Baseline baseline, boolean learning, AlertLog out) {
        if (flow.protocol() != IpHeader.TCP || flow.bytes(Direction.REQUEST) > 0) {
            return Optional.empty();
        }
        Host client = new Host.Ip(flow.client());
        if (baseline.isDiscoverer(client)) {
            return Optional.empty();
        }
        Probes p = probes.computeIfAbsent(client, k -> new Probes());
        long t = flow.firstSeenNanos();
        if (t - p.windowStart > windowNanos) {
            p.windowStart = t;
            p.targets.clear();
            p.hosts.clear();
        }
        Host server = new Host.Ip(flow.server());
        if (p.targets.size() < limits.scanPorts()) {
            p.targets.add(((long) server.hashCode() << 16) ^ flow.serverPort());
            p.hosts.add(server);
        }
        if (p.targets.size() < limits.scanPorts()) {
            return Optional.empty();
        }
        if (learning) {
            return Optional.of(client);
        }
        if (out.absorb(Rule.SCAN, client, t)) {
            return Optional.empty();
        }
        String dst = p.hosts.size() == 1 ? server.toString() : p.hosts.size() + " hosts";
        out.add(new Finding(
                Rule.SCAN,
                Severity.HIGH,
                REMOTE_SYSTEM_DISCOVERY,
                "Scan: " + client + " probed " + limits.scanPorts() + " or more ports without sending data (" + dst
                        + ")",
                client,
                client.toString(),
                dst,
                Optional.empty(),
                "",
                List.of(client.assetId(), server.assetId()),
                new EvidenceItem(
                        t,
                        0,
                        0,
                        "TCP connection without payload",
                        OptionalLong.empty(),
                        "probe of " + server + ":" + flow.serverPort() + ", " + flow.packets(Direction.REQUEST)
                                + " packets sent, " + flow.packets(Direction.RESPONSE) + " answered")));
        return Optional.empty();
    }
}
