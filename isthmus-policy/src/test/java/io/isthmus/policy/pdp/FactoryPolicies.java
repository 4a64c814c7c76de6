package io.isthmus.policy.pdp;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.Conduit.Initiator;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import io.isthmus.policy.AccessRules;
import io.isthmus.policy.AddressRange;
import io.isthmus.policy.ConduitRule;
import io.isthmus.policy.Permission;
import io.isthmus.policy.Policy;
import io.isthmus.policy.PolicyException;
import io.isthmus.policy.ResourcePattern;
import io.isthmus.policy.Role;
import io.isthmus.policy.TimeWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policies the three decision points are compared on, in our own model: the shipped factory
 * zones and conduits (config/zones.yaml, built here because YAML is read in the app module) and an
 * access-rule example of the kind the gateway needs. The jCasbin and Cedar files beside this
 * class's resources say the same thing in those languages.
 */
final class FactoryPolicies {
    static final String FILLER = "acme/springfield/packaging/line1/filler/plc";

    /** Accounts and their roles (the same as the {@code g} lines and Cedar entities). */
    static final Map<String, Set<String>> USERS = Map.of(
            "alice", Set.of("viewer"),
            "bob", Set.of("operator"),
            "carol", Set.of("approver"),
            "dave", Set.of("planner"),
            "erin", Set.of("viewer", "planner"),
            "frank", Set.of("operator", "planner"),
            "mallory", Set.of());

    private FactoryPolicies() {}

    static Policy zones() {
        try {
            return Policy.of(
                    List.of(
                            zone("cell", "1", "127.0.0.1/32"),
                            zone("supervisory", "2", "127.0.0.16/28"),
                            zone("site", "3", "127.0.0.32/28"),
                            zone("idmz", "3.5", "127.0.0.48/28"),
                            zone("enterprise", "4", "127.0.0.64/26")),
                    List.of(
                            new ConduitRule(
                                    new Conduit(
                                            "hmi-to-cell",
                                            "supervisory",
                                            "cell",
                                            Set.of(Protocol.MODBUS),
                                            Set.of(AccessKind.READ, AccessKind.WRITE),
                                            Initiator.FROM),
                                    Set.of(1, 2, 3, 4, 5, 6, 15, 16),
                                    List.of(new AddressRange(0, 99)),
                                    Set.of(1)),
                            ConduitRule.of(new Conduit(
                                    "historian-reads-cell-data",
                                    "site",
                                    "supervisory",
                                    Set.of(Protocol.OPC_UA),
                                    Set.of(AccessKind.READ),
                                    Initiator.FROM)),
                            ConduitRule.of(new Conduit(
                                    "idmz-replica",
                                    "idmz",
                                    "site",
                                    Set.of(Protocol.OPC_UA, Protocol.MQTT),
                                    Set.of(AccessKind.READ),
                                    Initiator.FROM)),
                            ConduitRule.of(new Conduit(
                                    "enterprise-to-idmz",
                                    "enterprise",
                                    "idmz",
                                    Set.of(Protocol.OPC_UA, Protocol.MQTT),
                                    Set.of(AccessKind.READ),
                                    Initiator.FROM))));
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }

    static AccessRules access(Policy zones) {
        ResourcePattern cell = new ResourcePattern(Optional.of("cell"), Optional.empty(), Optional.empty());
        ResourcePattern site = new ResourcePattern(Optional.of("site"), Optional.empty(), Optional.empty());
        ResourcePattern filler = new ResourcePattern(Optional.empty(), Optional.empty(), Optional.of(FILLER));
        Permission readCell = new Permission(cell, Set.of(AccessKind.READ), false, Optional.empty(), List.of(), false);
        TimeWindow weekdays = new TimeWindow(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(6, 0),
                LocalTime.of(22, 0),
                ZoneOffset.UTC);
        try {
            return AccessRules.of(
                    List.of(
                            new Role("viewer", List.of(readCell)),
                            new Role(
                                    "operator",
                                    List.of(
                                            readCell,
                                            new Permission(
                                                    filler,
                                                    Set.of(AccessKind.WRITE, AccessKind.CONTROL),
                                                    false,
                                                    Optional.of(weekdays),
                                                    List.of(IpNetwork.parse("127.0.0.16/28")),
                                                    false))),
                            new Role(
                                    "approver",
                                    List.of(new Permission(cell, Set.of(), true, Optional.empty(), List.of(), false))),
                            new Role(
                                    "planner",
                                    List.of(new Permission(
                                            site,
                                            Set.of(AccessKind.READ, AccessKind.WRITE),
                                            false,
                                            Optional.empty(),
                                            List.of(),
                                            true)))),
                    Set.of("cell"),
                    zones);
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Zone zone(String name, String level, String network) {
        return new Zone(name, PurdueLevel.parse(level), List.of(IpNetwork.parse(network)), SecurityLevel.SL2);
    }

    /** A policy file of this package's test resources, as text. */
    static String resource(String name) {
        try (InputStream in = FactoryPolicies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name + " beside " + FactoryPolicies.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
