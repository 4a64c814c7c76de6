package io.isthmus.observe.inventory;

import io.isthmus.model.AccessKind;
import io.isthmus.model.AssetRole;
import io.isthmus.model.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides an asset's role from what it does, first rule that holds wins, and says why:
 *
 * <ol>
 *   <li>a MAC that carries several IP addresses is a router: network infrastructure;
 *   <li>a client that sends program operations (S7 block download/upload, CIP program) is an
 *       engineering workstation;
 *   <li>a server that answers an industrial protocol is a controller: DNP3 outstations and IEC 104
 *       stations are RTUs, OPC UA servers OPC servers, the others PLCs;
 *   <li>a client reading from three or more servers without ever writing is a historian;
 *   <li>any other industrial client (it polls, writes, operates) is an HMI;
 *   <li>an asset with only non-industrial traffic is an IT host.
 * </ol>
 *
 * These are heuristics for passive observation; the overrides file corrects them.
 */
final class RoleRules {
    static final int HISTORIAN_MIN_SERVERS = 3;

    private RoleRules() {}

    record Verdict(AssetRole role, List<String> evidence, LevelConfidence confidence) {}

    static Verdict decide(AssetState a, List<LinkState> asClient, List<LinkState> asServer) {
        List<String> evidence = new ArrayList<>();
        if (a.router) {
            evidence.add("its MAC carries the traffic of several IP addresses: a router or gateway");
            return new Verdict(AssetRole.NETWORK_INFRASTRUCTURE, evidence, LevelConfidence.NONE);
        }
        List<LinkState> otClient =
                asClient.stream().filter(l -> l.service.isIndustrial()).toList();
        List<LinkState> otServer = asServer.stream()
                .filter(l -> l.service.isIndustrial() && l.responses > 0)
                .toList();
        List<LinkState> program = otClient.stream()
                .filter(l -> l.access.contains(AccessKind.PROGRAM))
                .toList();
        if (!program.isEmpty()) {
            for (LinkState l : program) {
                evidence.add(
                        "sends program operations (" + functionsOf(l, AccessKind.PROGRAM) + ") to " + label(l.server)
                                + " over " + l.service.protocol().orElseThrow().displayName());
            }
            return new Verdict(AssetRole.ENGINEERING_WORKSTATION, evidence, LevelConfidence.MEDIUM);
        }
        if (!otServer.isEmpty()) {
            Map<Protocol, Set<Integer>> ports = new TreeMap<>();
            Map<Protocol, Set<String>> clients = new TreeMap<>();
            for (LinkState l : otServer) {
                Protocol p = l.service.protocol().orElseThrow();
                ports.computeIfAbsent(p, k -> new TreeSet<>()).add(l.service.port());
                clients.computeIfAbsent(p, k -> new TreeSet<>()).add(l.client.id.value());
            }
            ports.forEach((p, ps) -> evidence.add("answers " + p.displayName()
                    + (ps.equals(Set.of(0)) ? "" : " on port " + join(ps)) + " to " + count(clients.get(p), "client")));
            identityEvidence(a, evidence);
            Protocol main = ports.keySet().iterator().next();
            AssetRole role = switch (main) {
                case DNP3, IEC104 -> AssetRole.RTU;
                case OPC_UA -> AssetRole.OPC_SERVER;
                case MODBUS, S7COMM, S7COMM_PLUS, ENIP, BACNET, PN_DCP, MQTT -> AssetRole.PLC;
            };
            return new Verdict(role, evidence, LevelConfidence.HIGH);
        }
        if (!otClient.isEmpty()) {
            Set<String> servers =
                    otClient.stream().map(l -> l.server.id.value()).collect(Collectors.toSet());
            boolean writes = otClient.stream().anyMatch(l -> l.access.stream().anyMatch(AccessKind::modifiesDevice));
            String protocols = otClient.stream()
                    .map(l -> l.service.protocol().orElseThrow().displayName())
                    .distinct()
                    .sorted()
                    .collect(Collectors.joining(", "));
            long[] periods = otClient.stream()
                    .mapToLong(LinkState::meanRequestIntervalNanos)
                    .filter(p -> p > 0)
                    .sorted()
                    .toArray();
            String every = periods.length == 0
                    ? ""
                    : " every " + human(Duration.ofNanos(periods[periods.length / 2])) + " (median of mean intervals)";
            evidence.add("polls " + count(servers, "server") + " over " + protocols + every);
            if (writes) {
                Set<String> functions = new java.util.LinkedHashSet<>();
                Set<String> targets = new java.util.LinkedHashSet<>();
                for (LinkState l : otClient) {
                    if (l.access.stream().anyMatch(AccessKind::modifiesDevice)) {
                        functions.addAll(
                                List.of(functionsOf(l, AccessKind.WRITE).split(", ")));
                        targets.add(label(l.server));
                    }
                }
                evidence.add("writes or operates (" + String.join(", ", limit(functions, 4)) + ") on "
                        + String.join(", ", limit(targets, 3)));
                return new Verdict(AssetRole.HMI, evidence, LevelConfidence.MEDIUM);
            }
            if (servers.size() >= HISTORIAN_MIN_SERVERS) {
                evidence.add("only reads, from " + servers.size() + " servers: collects data");
                return new Verdict(AssetRole.HISTORIAN, evidence, LevelConfidence.MEDIUM);
            }
            return new Verdict(AssetRole.HMI, evidence, LevelConfidence.MEDIUM);
        }
        identityEvidence(a, evidence);
        if (!asClient.isEmpty() || !asServer.isEmpty()) {
            Set<String> services = new TreeSet<>();
            asClient.forEach(l -> services.add(l.service.label()));
            asServer.forEach(l -> services.add("serves " + l.service.label()));
            if (a.protocols.isEmpty()) {
                evidence.add("speaks no industrial protocol: " + String.join(", ", limit(services, 8)));
                return new Verdict(AssetRole.IT_HOST, evidence, LevelConfidence.LOW);
            }
        }
        if (evidence.isEmpty()) {
            evidence.add("nothing in its traffic tells its role");
        }
        return new Verdict(AssetRole.UNKNOWN, evidence, LevelConfidence.NONE);
    }

    private static void identityEvidence(AssetState a, List<String> evidence) {
        if (!a.identity.isEmpty()) {
            String sources = String.join(", ", new TreeSet<>(a.identitySources.values()));
            evidence.add("identifies itself over " + sources + ": "
                    + a.identity.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
    }

    /** The link's function names of this kind (WRITE: of every kind that modifies the device). */
    private static String functionsOf(LinkState l, AccessKind kind) {
        Set<String> of = new java.util.LinkedHashSet<>();
        l.functionAccess.forEach((f, k) -> {
            if (k == kind || (kind == AccessKind.WRITE && k.modifiesDevice())) {
                of.add(f);
            }
        });
        String names = String.join(", ", limit(of, 4));
        return names.isEmpty() ? kind.id() : names;
    }

    private static List<String> limit(Set<String> s, int n) {
        List<String> out = s.stream().limit(n).collect(Collectors.toCollection(ArrayList::new));
        if (s.size() > n) {
            out.add("+" + (s.size() - n) + " more");
        }
        return out;
    }

    static String label(AssetState a) {
        return a.ips.stream().findFirst().map(Object::toString).orElse(a.id.value());
    }

    private static String count(Set<String> s, String noun) {
        return s.size() + " " + noun + (s.size() == 1 ? "" : "s");
    }

    private static String join(Set<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** 250 ms, 1.5 s, 2 min. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return d.toMinutes() + " min";
    }
}
