package io.isthmus.access.firewall;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import io.isthmus.policy.AddressRange;
import io.isthmus.policy.ConduitRule;
import io.isthmus.policy.Policy;
import io.isthmus.policy.PolicyException;
import java.util.List;
import java.util.Set;

/**
 * The firewall tests' plant, on loopback: the PLC at 127.0.0.10 (cell, level 1), an HMI at
 * 127.0.0.1 and 127.0.0.20 (supervisory, level 2) that may read holding registers 0..9 and write
 * registers 0..4 and coil 0 of unit 1, and the office at 127.0.0.66 (level 4).
 */
final class TestPolicies {
    private TestPolicies() {}

    static Policy hmiMayReadAndWriteSetpoints() {
        try {
            return Policy.of(
                    List.of(
                            new Zone(
                                    "cell",
                                    PurdueLevel.LEVEL_1,
                                    List.of(IpNetwork.parse("127.0.0.10/32")),
                                    SecurityLevel.SL2),
                            new Zone(
                                    "supervisory",
                                    PurdueLevel.LEVEL_2,
                                    List.of(IpNetwork.parse("127.0.0.1/32"), IpNetwork.parse("127.0.0.20/32")),
                                    SecurityLevel.SL2),
                            new Zone(
                                    "enterprise",
                                    PurdueLevel.LEVEL_4,
                                    List.of(IpNetwork.parse("127.0.0.64/26")),
                                    SecurityLevel.SL1)),
                    List.of(
                            new ConduitRule(
                                    new Conduit(
                                            "hmi-reads-cell",
                                            "supervisory",
                                            "cell",
                                            Set.of(Protocol.MODBUS),
                                            Set.of(AccessKind.READ),
                                            Conduit.Initiator.FROM),
                                    Set.of(1, 3),
                                    List.of(AddressRange.parse("0..9")),
                                    Set.of(1)),
                            new ConduitRule(
                                    new Conduit(
                                            "hmi-writes-setpoints",
                                            "supervisory",
                                            "cell",
                                            Set.of(Protocol.MODBUS),
                                            Set.of(AccessKind.WRITE),
                                            Conduit.Initiator.FROM),
                                    Set.of(5, 6, 16),
                                    List.of(AddressRange.parse("0..4")),
                                    Set.of(1))));
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
