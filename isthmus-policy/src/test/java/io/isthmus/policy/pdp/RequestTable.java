package io.isthmus.policy.pdp;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.TagPath;
import io.isthmus.policy.AccessResource;
import io.isthmus.policy.Operation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generated request tables: every combination of a few values per field, chosen at the edges of
 * each rule (an address in each zone and one in none; functions inside and outside the conduit's
 * list; address ranges inside, straddling and past 0..99; times inside and outside the window).
 */
final class RequestTable {
    private RequestTable() {}

    static final String[] HOSTS = {"127.0.0.1", "127.0.0.20", "127.0.0.33", "127.0.0.50", "127.0.0.66", "127.0.0.200"};

    static List<Operation> operations() {
        Protocol[] protocols = {Protocol.MODBUS, Protocol.OPC_UA, Protocol.MQTT};
        AccessKind[] kinds = {AccessKind.READ, AccessKind.WRITE, AccessKind.CONTROL};
        int[] functions = {3, 8};
        int[] units = {-1, 1, 2};
        long[][] ranges = {{-1, 1}, {0, 10}, {95, 5}, {95, 10}, {100, 1}};
        List<Operation> out = new ArrayList<>();
        for (String c : HOSTS) {
            for (String s : HOSTS) {
                for (Protocol p : protocols) {
                    for (AccessKind k : kinds) {
                        for (int f : functions) {
                            for (int u : units) {
                                for (long[] r : ranges) {
                                    out.add(new Operation(ip(c), ip(s), p, k, f, u, r[0], r[1]));
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    static final List<AccessResource> RESOURCES = List.of(
            resource("cell", "filler", FactoryPolicies.FILLER + "/setpoint"),
            resource("cell", "filler", FactoryPolicies.FILLER + "/run"),
            resource("cell", "capper", "acme/springfield/packaging/line1/capper/plc/speed"),
            resource("cell", "filler", "acme/springfield/packaging/line1/filler/plcx/speed"),
            resource("site", "mes", "acme/springfield/packaging/line1/mes/server/orders"),
            resource("", "rogue", "acme/springfield/packaging/line1/rogue/x/y"));

    static List<AccessQuery> accessQueries() {
        AccessKind[] actions = {AccessKind.READ, AccessKind.WRITE, AccessKind.CONTROL, AccessKind.PROGRAM};
        String[] sources = {"127.0.0.20", "127.0.0.66"};
        Instant[] times = {
            Instant.parse("2026-11-26T10:00:00Z"), // Thursday, in the window
            Instant.parse("2026-11-26T05:59:59Z"), // Thursday, just before it
            Instant.parse("2026-11-26T22:00:00Z"), // Thursday, its (exclusive) end
            Instant.parse("2026-11-28T10:00:00Z"), // Saturday
        };
        List<AccessQuery> out = new ArrayList<>();
        for (String user : FactoryPolicies.USERS.keySet().stream().sorted().toList()) {
            for (AccessKind a : actions) {
                for (AccessResource r : RESOURCES) {
                    for (String s : sources) {
                        for (Instant t : times) {
                            out.add(new AccessQuery(user, a, r, ip(s), t));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static AccessResource resource(String zone, String asset, String tag) {
        return new AccessResource(zone.isEmpty() ? Optional.empty() : Optional.of(zone), asset, TagPath.parse(tag));
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
