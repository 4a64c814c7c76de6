package io.isthmus.policy;

import io.isthmus.model.IpNetwork;
import io.isthmus.model.Zone;
import io.isthmus.policy.PolicyProblem.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what makes a policy unusable or self-contradictory, all at once: duplicate names, zone
 * networks that overlap (an address must have one zone, or decisions depend on order), conduits to
 * zones that do not exist, conduits that break the IDMZ rule (the rule would deny them anyway, so
 * the file says two things), function codes on conduits with several protocols (the codes would
 * mean different things), and address ranges that overlap within one conduit.
 */
final class PolicyValidation {
    private PolicyValidation() {}

    static List<PolicyProblem> check(List<Zone> zones, List<ConduitRule> conduits) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, Zone> byName = new HashMap<>();
        for (Zone z : zones) {
            if (byName.putIfAbsent(z.name(), z) != null) {
                problems.add(new PolicyProblem(Subject.ZONE, z.name(), "the zone name is used twice"));
            }
        }
        overlaps(zones, problems);
        Set<String> conduitNames = new HashSet<>();
        for (ConduitRule r : conduits) {
            if (!conduitNames.add(r.name())) {
                problems.add(new PolicyProblem(Subject.CONDUIT, r.name(), "the conduit name is used twice"));
            }
            conduit(r, byName, problems);
        }
        return problems;
    }

    private static void overlaps(List<Zone> zones, List<PolicyProblem> problems) {
        for (int i = 0; i < zones.size(); i++) {
            for (int j = i; j < zones.size(); j++) {
                Zone a = zones.get(i);
                Zone b = zones.get(j);
                for (int m = 0; m < a.networks().size(); m++) {
                    for (int n = i == j ? m + 1 : 0; n < b.networks().size(); n++) {
                        IpNetwork x = a.networks().get(m);
                        IpNetwork y = b.networks().get(n);
                        if (overlap(x, y)) {
                            problems.add(new PolicyProblem(
                                    Subject.ZONE,
                                    b.name(),
                                    "network " + y + " overlaps " + x + " of zone " + a.name()
                                            + "; every address must belong to one zone"));
                        }
                    }
                }
            }
        }
    }

    static boolean overlap(IpNetwork x, IpNetwork y) {
        return x.isIpv4() == y.isIpv4() && (x.contains(y.address()) || y.contains(x.address()));
    }

    private static void conduit(ConduitRule r, Map<String, Zone> zones, List<PolicyProblem> problems) {
        String name = r.name();
        Zone from = zones.get(r.conduit().fromZone());
        Zone to = zones.get(r.conduit().toZone());
        if (from == null) {
            problems.add(unknownZone(name, "from", r.conduit().fromZone(), zones));
        }
        if (to == null) {
            problems.add(unknownZone(name, "to", r.conduit().toZone(), zones));
        }
        if (from != null && to != null && crossesIdmz(from, to)) {
            problems.add(new PolicyProblem(
                    Subject.CONDUIT,
                    name,
                    "joins " + from.name() + " (" + from.level() + ") directly to " + to.name() + " (" + to.level()
                            + "); the IDMZ rule forbids enterprise levels (4, 5) to talk to control levels (0-2),"
                            + " route it through a zone at level 3 or 3.5"));
        }
        if (!r.functions().isEmpty() && r.conduit().protocols().size() != 1) {
            problems.add(new PolicyProblem(
                    Subject.CONDUIT,
                    name,
                    "lists function codes for " + r.conduit().protocols().size() + " protocols "
                            + r.conduit().protocols() + "; function codes mean different things per protocol,"
                            + " split it into one conduit per protocol"));
        }
        List<AddressRange> ranges = r.addresses();
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                if (ranges.get(i).overlaps(ranges.get(j))) {
                    problems.add(new PolicyProblem(
                            Subject.CONDUIT,
                            name,
                            "address ranges " + ranges.get(i) + " and " + ranges.get(j) + " overlap; merge them"));
                }
            }
        }
    }

    private static PolicyProblem unknownZone(String conduit, String side, String zone, Map<String, Zone> zones) {
        return new PolicyProblem(
                Subject.CONDUIT,
                conduit,
                side + " zone '" + zone + "' is not defined; zones are " + new java.util.TreeSet<>(zones.keySet()));
    }

    static boolean crossesIdmz(Zone a, Zone b) {
        return (a.level().isEnterprise() && b.level().isControl())
                || (b.level().isEnterprise() && a.level().isControl());
    }
}
