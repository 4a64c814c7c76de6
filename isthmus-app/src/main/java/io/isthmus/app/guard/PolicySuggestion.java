package io.isthmus.app.guard;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.packet.IpAddress;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Drafts a zones-and-conduits policy from an observed baseline for an engineer to review: hosts
 * that answer industrial requests become the {@code controllers} zone (level 1), hosts that only
 * send them the {@code supervisory} zone (level 2), each host as a /32 or /128; one conduit per
 * client zone, server zone and protocol with exactly the access kinds, function codes, address
 * span and units seen. Every guess is written as a comment next to it. Bounded: at most {@link
 * #MAX_HOSTS} hosts are drafted, the rest counted in a comment.
 */
public final class PolicySuggestion implements Consumer<Observation> {
    static final int MAX_HOSTS = 1024;

    private final Map<IpAddress, Role> hosts = new TreeMap<>();
    private final Map<String, Usage> conduits = new LinkedHashMap<>();
    private long requests;
    private long hostsDropped;

    private enum Role {
        CLIENT,
        SERVER
    }

    private static final class Usage {
        final Protocol protocol;
        final Set<AccessKind> access = EnumSet.noneOf(AccessKind.class);
        final Set<Integer> functions = new TreeSet<>();
        final Set<Long> units = new TreeSet<>();
        long minAddress = Long.MAX_VALUE;
        long maxAddress = -1;
        long count;

        Usage(Protocol protocol) {
            this.protocol = protocol;
        }
    }

    @Override
    public void accept(Observation o) {
        var m = o.message();
        if (m.direction() != Direction.REQUEST || o.src().isEmpty() || o.dst().isEmpty()) {
            return;
        }
        requests++;
        IpAddress client = o.src().get();
        IpAddress server = o.dst().get();
        if (!note(server, Role.SERVER) || !note(client, Role.CLIENT)) {
            return;
        }
        Usage u = conduits.computeIfAbsent(m.protocol().id(), k -> new Usage(m.protocol()));
        u.count++;
        u.access.add(m.access());
        u.functions.add(m.function());
        m.unit().ifPresent(u.units::add);
        if (m.address().isPresent()) {
            long first = m.address().getAsLong();
            long last = first + Math.max(1, m.quantity().orElse(1)) - 1;
            u.minAddress = Math.min(u.minAddress, first);
            u.maxAddress = Math.max(u.maxAddress, last);
        }
    }

    /** Servers stay servers: a host that answers anywhere is a controller. */
    private boolean note(IpAddress host, Role role) {
        Role known = hosts.get(host);
        if (known == null) {
            if (hosts.size() >= MAX_HOSTS) {
                hostsDropped++;
                return false;
            }
            hosts.put(host, role);
        } else if (role == Role.SERVER) {
            hosts.put(host, Role.SERVER);
        }
        return true;
    }

    /** The draft as YAML with review comments; {@code source} names the capture. */
    public String yaml(String source) {
        StringBuilder y = new StringBuilder();
        y.append("# Draft zones-and-conduits policy, suggested by 'isthmus policy suggest' from ")
                .append(source)
                .append(".\n# ")
                .append(requests)
                .append(" requests between ")
                .append(hosts.size())
                .append(" hosts were seen. REVIEW EVERY LINE: a baseline shows what happened, not what\n")
                .append(
                        "# should happen. Replace the per-host /32 networks by the real subnets, check the levels, and\n")
                .append("# remove functions you do not want to allow. Then: isthmus policy check FILE\n");
        if (hostsDropped > 0) {
            y.append("# ")
                    .append(hostsDropped)
                    .append(" further hosts were not drafted (limit ")
                    .append(MAX_HOSTS)
                    .append(").\n");
        }
        y.append("zones:\n");
        zone(
                y,
                "controllers",
                "1",
                Role.SERVER,
                "hosts that answered industrial requests (PLCs, RTUs): level 1 is a guess");
        zone(
                y,
                "supervisory",
                "2",
                Role.CLIENT,
                "hosts that only sent requests (HMIs, SCADA, engineering workstations): level 2 is a guess");
        y.append("conduits:\n");
        if (conduits.isEmpty() || !has(Role.CLIENT) || !has(Role.SERVER)) {
            y.append("  []  # no traffic between the two zones was seen\n");
            return y.toString();
        }
        for (Usage u : conduits.values()) {
            conduit(y, u);
        }
        return y.toString();
    }

    private boolean has(Role role) {
        return hosts.containsValue(role);
    }

    private void zone(StringBuilder y, String name, String level, Role role, String comment) {
        if (!has(role)) {
            return;
        }
        y.append("  # ").append(comment).append('\n');
        y.append("  - name: ").append(name).append('\n');
        y.append("    level: \"").append(level).append("\"\n");
        y.append("    security-level: SL2  # the target level is the engineer's decision\n");
        y.append("    networks:\n");
        hosts.forEach((host, r) -> {
            if (r == role) {
                y.append("      - ")
                        .append(host)
                        .append(host.isIpv4() ? "/32" : "/128")
                        .append('\n');
            }
        });
    }

    private static void conduit(StringBuilder y, Usage u) {
        y.append("  # ")
                .append(u.count)
                .append(" ")
                .append(u.protocol.displayName())
                .append(" requests seen\n");
        y.append("  - name: supervisory-to-controllers-")
                .append(u.protocol.id().replace('_', '-'))
                .append('\n');
        y.append("    from: supervisory\n    to: controllers\n    initiator: from\n");
        y.append("    protocols: [").append(u.protocol.id()).append("]\n");
        y.append("    access: [")
                .append(String.join(", ", u.access.stream().map(AccessKind::id).toList()))
                .append("]\n");
        y.append("    functions: ").append(u.functions).append('\n');
        if (!u.units.isEmpty()) {
            y.append("    units: ").append(u.units).append('\n');
        }
        if (u.maxAddress >= 0) {
            y.append("    addresses: [\"")
                    .append(u.minAddress)
                    .append("..")
                    .append(u.maxAddress)
                    .append("\"]  # the span seen; narrow it to what each client needs\n");
        }
    }
}
