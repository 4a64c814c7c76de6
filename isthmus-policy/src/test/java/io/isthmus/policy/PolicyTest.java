package io.isthmus.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.Conduit.Initiator;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import io.isthmus.policy.Decision.Reason;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {
    static final Zone CELL = zone("cell", PurdueLevel.LEVEL_1, "10.1.1.0/24");
    static final Zone SUPERVISORY = zone("supervisory", PurdueLevel.LEVEL_2, "10.1.2.0/24");
    static final Zone SITE = zone("site", PurdueLevel.LEVEL_3, "10.1.3.0/24");
    static final Zone OFFICE = zone("office", PurdueLevel.LEVEL_4, "192.168.0.0/16");

    static final ConduitRule HMI = new ConduitRule(
            new Conduit(
                    "hmi-to-cell",
                    "supervisory",
                    "cell",
                    Set.of(Protocol.MODBUS),
                    Set.of(AccessKind.READ, AccessKind.WRITE),
                    Initiator.FROM),
            Set.of(1, 2, 3, 4, 5, 6, 16),
            List.of(new AddressRange(0, 99)),
            Set.of(1, 2));
    static final ConduitRule HISTORIAN = ConduitRule.of(new Conduit(
            "historian-reads",
            "site",
            "supervisory",
            Set.of(Protocol.OPC_UA),
            Set.of(AccessKind.READ),
            Initiator.FROM));

    static Zone zone(String name, PurdueLevel level, String... networks) {
        return new Zone(
                name, level, List.of(networks).stream().map(IpNetwork::parse).toList(), SecurityLevel.SL2);
    }

    static Policy policy() throws PolicyException {
        return Policy.of(List.of(CELL, SUPERVISORY, SITE, OFFICE), List.of(HMI, HISTORIAN));
    }

    static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3} fc {4} unit {5} addr {6}x{7}: {8}")
    @CsvSource({
        // client, server, protocol, access, function, unit, address, quantity, expected reason
        "10.1.2.5, 10.1.1.7, modbus, read, 3, 1, 0, 10, CONDUIT",
        "10.1.2.5, 10.1.1.7, modbus, write, 6, 2, 99, 1, CONDUIT",
        "10.1.1.7, 10.1.1.8, s7comm, control, 41, -1, -1, 1, INTRA_ZONE",
        "10.1.2.5, 10.1.1.7, modbus, write, 6, 1, 100, 1, ADDRESS_NOT_ALLOWED",
        "10.1.2.5, 10.1.1.7, modbus, read, 3, 1, 95, 10, ADDRESS_NOT_ALLOWED",
        "10.1.2.5, 10.1.1.7, modbus, write, 6, 9, 0, 1, UNIT_NOT_ALLOWED",
        "10.1.2.5, 10.1.1.7, modbus, write, 15, 1, 0, 1, FUNCTION_NOT_ALLOWED",
        "10.1.2.5, 10.1.1.7, modbus, control, 8, 1, -1, 1, ACCESS_NOT_ALLOWED",
        "10.1.2.5, 10.1.1.7, s7comm, read, 4, -1, -1, 1, PROTOCOL_NOT_ALLOWED",
        "10.1.1.7, 10.1.2.5, modbus, read, 3, 1, 0, 1, WRONG_INITIATOR",
        "10.1.3.9, 10.1.1.7, modbus, read, 3, 1, 0, 1, NO_CONDUIT",
        "192.168.4.4, 10.1.1.7, modbus, read, 3, 1, 0, 1, IDMZ",
        "10.1.1.7, 192.168.4.4, modbus, read, 3, 1, 0, 1, IDMZ",
        "172.16.0.1, 10.1.1.7, modbus, read, 3, 1, 0, 1, UNZONED_ADDRESS",
        "10.1.3.9, 10.1.2.5, opcua, read, 631, -1, -1, 1, CONDUIT",
        "10.1.3.9, 10.1.2.5, opcua, write, 673, -1, -1, 1, ACCESS_NOT_ALLOWED",
    })
    void decidesEveryOperationByZonesThenConduitsWithDefaultDeny(
            String client,
            String server,
            String protocol,
            String access,
            int function,
            int unit,
            long address,
            long quantity,
            Reason expected)
            throws Exception {
        Operation op = new Operation(
                ip(client),
                ip(server),
                Protocol.fromId(protocol),
                AccessKind.fromId(access),
                function,
                unit,
                address,
                quantity);
        Decision d = policy().decide(op);
        assertThat(d.reason()).isEqualTo(expected);
        assertThat(d.allowed()).isEqualTo(expected.verdict() == Decision.Verdict.ALLOW);
        assertThat(d.explanation()).isNotBlank();
    }

    @Test
    void aDenialNamesTheConduitAndTheZonePath() throws Exception {
        Decision d = policy().decide(Operation.of(ip("10.1.2.5"), ip("10.1.1.7"), Protocol.MODBUS, AccessKind.WRITE, 6)
                .withUnit(1)
                .withRange(500, 1));
        assertThat(d.rule()).isEqualTo("hmi-to-cell");
        assertThat(d.zonePath()).isEqualTo("supervisory -> cell");
        assertThat(d.explanation()).contains("500..500").contains("[0..99]");
    }

    @Test
    void anAddressInNoZoneHasAQuestionMarkInTheZonePath() throws Exception {
        Decision d = policy().decide(Operation.of(ip("8.8.8.8"), ip("10.1.1.7"), Protocol.MODBUS, AccessKind.READ, 3));
        assertThat(d.zonePath()).isEqualTo("? -> cell");
        assertThat(d.rule()).isEqualTo("default-deny");
    }

    @Test
    void ipv6NetworksWorkLikeIpv4Ones() throws Exception {
        Zone v6 = zone("v6cell", PurdueLevel.LEVEL_1, "2001:db8::/64");
        Policy p = Policy.of(List.of(v6), List.of());
        assertThat(p.zoneOf(ip("2001:db8::7"))).contains(v6);
        assertThat(p.zoneOf(ip("2001:db9::7"))).isEmpty();
    }

    @Test
    void overlappingZoneNetworksAreRefusedNamingBothZones() {
        Zone inner = zone("inner", PurdueLevel.LEVEL_1, "10.1.1.128/25");
        assertThatThrownBy(() -> Policy.of(List.of(CELL, inner), List.of()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("zone inner: network 10.1.1.128/25 overlaps 10.1.1.0/24 of zone cell");
    }

    @Test
    void conduitsToUnknownZonesAreRefusedListingTheKnownOnes() {
        ConduitRule bad = ConduitRule.of(new Conduit(
                "to-nowhere", "cell", "plant", Set.of(Protocol.MODBUS), Set.of(AccessKind.READ), Initiator.FROM));
        assertThatThrownBy(() -> Policy.of(List.of(CELL), List.of(bad)))
                .hasMessageContaining("conduit to-nowhere: to zone 'plant' is not defined; zones are [cell]");
    }

    @Test
    void aConduitAcrossTheIdmzContradictsTheIdmzRule() {
        ConduitRule bad = ConduitRule.of(new Conduit(
                "erp-direct", "office", "cell", Set.of(Protocol.MODBUS), Set.of(AccessKind.READ), Initiator.FROM));
        assertThatThrownBy(() -> Policy.of(List.of(CELL, OFFICE), List.of(bad)))
                .hasMessageContaining("conduit erp-direct: joins office (L4) directly to cell (L1)");
    }

    @Test
    void functionCodesOnAMultiProtocolConduitAndOverlappingRangesAreRefused() {
        ConduitRule bad = new ConduitRule(
                new Conduit(
                        "mixed",
                        "supervisory",
                        "cell",
                        Set.of(Protocol.MODBUS, Protocol.S7COMM),
                        Set.of(AccessKind.READ),
                        Initiator.FROM),
                Set.of(3),
                List.of(new AddressRange(0, 10), new AddressRange(5, 20)),
                Set.of());
        var problems = Policy.problems(List.of(CELL, SUPERVISORY), List.of(bad, bad));
        assertThat(problems)
                .extracting(PolicyProblem::message)
                .anyMatch(m -> m.contains("function codes for 2 protocols"))
                .anyMatch(m -> m.contains("address ranges 0..10 and 5..20 overlap"))
                .anyMatch(m -> m.contains("the conduit name is used twice"));
    }

    @Test
    void duplicateZoneNamesAreRefused() {
        assertThat(Policy.problems(List.of(CELL, zone("cell", PurdueLevel.LEVEL_2, "10.9.0.0/16")), List.of()))
                .extracting(PolicyProblem::toString)
                .contains("zone cell: the zone name is used twice");
    }

    @ParameterizedTest
    @CsvSource({"0..99, 0, 99", "7, 7, 7", "10-20, 10, 20", "' 3 .. 4 ', 3, 4"})
    void addressRangesParseAsPeopleWriteThem(String text, long first, long last) {
        assertThat(AddressRange.parse(text)).isEqualTo(new AddressRange(first, last));
    }

    @ParameterizedTest
    @CsvSource({"abc", "5..1", "-3", "1..", "..4"})
    void malformedAddressRangesSayHowToWriteThem(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
