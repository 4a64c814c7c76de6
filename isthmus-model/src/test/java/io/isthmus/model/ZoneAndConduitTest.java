package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Conduit.Initiator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneAndConduitTest {

    private static Zone cell() {
        return new Zone(
                "cell-3",
                PurdueLevel.LEVEL_1,
                List.of(IpNetwork.parse("10.10.1.0/24"), IpNetwork.parse("2001:db8:1::/48")),
                SecurityLevel.SL2);
    }

    private static Conduit scadaToCell(Initiator initiator) {
        return new Conduit(
                "scada-to-cell3",
                "scada",
                "cell-3",
                Set.of(Protocol.MODBUS),
                Set.of(AccessKind.READ, AccessKind.WRITE),
                initiator);
    }

    @Test
    void containsTheAddressesOfItsNetworks() {
        Zone zone = cell();
        assertThat(zone.contains(IpLiteral.parse("10.10.1.20"))).isTrue();
        assertThat(zone.contains(IpLiteral.parse("2001:db8:1::20"))).isTrue();
        assertThat(zone.contains(IpLiteral.parse("10.10.2.20"))).isFalse();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "cell 3 | zone name 'cell 3' has ' ' (U+0020) at offset 4",
                "-cell | zone name '-cell' has '-' (U+002D) at offset 0",
                "zelle/3 | zone name 'zelle/3' has '/' (U+002F) at offset 5",
                "zöne | zone name 'zöne' has 'ö' (U+00F6) at offset 1",
            })
    void rejectsZoneNamesThatCannotBeIdentifiers(String name, String message) {
        assertThatThrownBy(() -> new Zone(name, PurdueLevel.LEVEL_1, List.of(), SecurityLevel.SL1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void rejectsAnEmptyOrOverlongZoneName() {
        assertThatThrownBy(() -> new Zone("", PurdueLevel.LEVEL_1, List.of(), SecurityLevel.SL1))
                .hasMessage("zone name must not be empty");
        assertThatThrownBy(() -> new Zone("z".repeat(65), PurdueLevel.LEVEL_1, List.of(), SecurityLevel.SL1))
                .hasMessageContaining("is 65 characters long; at most 64 are allowed");
    }

    @Test
    void namesTheZoneWhoseFieldIsMissing() {
        assertThatThrownBy(() -> new Zone("cell-3", null, List.of(), SecurityLevel.SL1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("level of zone cell-3");
    }

    @Test
    void rejectsAConduitFromAZoneToItself() {
        assertThatThrownBy(() -> new Conduit(
                        "loop", "cell-3", "cell-3", Set.of(Protocol.MODBUS), Set.of(AccessKind.READ), Initiator.BOTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conduit loop connects zone cell-3 to itself; a conduit joins two zones");
    }

    @Test
    void rejectsAConduitThatCarriesOrAllowsNothing() {
        assertThatThrownBy(() -> new Conduit("c", "a", "b", Set.of(), Set.of(AccessKind.READ), Initiator.FROM))
                .hasMessage("conduit c carries no protocol; name at least one");
        assertThatThrownBy(() -> new Conduit("c", "a", "b", Set.of(Protocol.MQTT), Set.of(), Initiator.FROM))
                .hasMessage("conduit c allows no access kind; name at least one");
    }

    @Test
    void rejectsABlankZoneReference() {
        assertThatThrownBy(() ->
                        new Conduit("c", "a", " ", Set.of(Protocol.MQTT), Set.of(AccessKind.READ), Initiator.FROM))
                .hasMessageStartingWith("toZone of conduit c ' ' has ' '");
    }

    @ParameterizedTest(name = "{0}: scada opens to cell {1}, cell opens to scada {2}")
    @CsvSource({"FROM, true, false", "TO, false, true", "BOTH, true, true"})
    void letsOnlyTheInitiatingSideOpenConnections(Initiator initiator, boolean scadaOpens, boolean cellOpens) {
        Conduit conduit = scadaToCell(initiator);
        assertThat(conduit.mayOpen("scada", "cell-3")).isEqualTo(scadaOpens);
        assertThat(conduit.mayOpen("cell-3", "scada")).isEqualTo(cellOpens);
        assertThat(conduit.mayOpen("scada", "office")).isFalse();
    }

    @Test
    void allowsOnlyItsProtocolsAndKinds() {
        Conduit conduit = scadaToCell(Initiator.FROM);
        assertThat(conduit.allows(Protocol.MODBUS, AccessKind.WRITE)).isTrue();
        assertThat(conduit.allows(Protocol.MODBUS, AccessKind.PROGRAM)).isFalse();
        assertThat(conduit.allows(Protocol.S7COMM, AccessKind.READ)).isFalse();
        assertThat(conduit.joins("cell-3", "scada")).isTrue();
        assertThat(conduit.joins("cell-3", "office")).isFalse();
    }
}
