package io.isthmus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetTest {
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final MacAddress MAC = MacAddress.parse("00:1b:1b:aa:bb:cc");
    private static final InetAddress IP = IpLiteral.parse("10.10.1.20");
    private static final AssetId ID = AssetId.of(MAC);

    @Test
    void derivesIdsFromTheAddressFirstSeen() {
        assertThat(AssetId.of(MAC).value()).isEqualTo("mac:00:1b:1b:aa:bb:cc");
        assertThat(AssetId.of(IP).value()).isEqualTo("ip:10.10.1.20");
        assertThat(AssetId.of(IpLiteral.parse("2001:db8::7"))).hasToString("ip:2001:db8::7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsABlankAssetId(String value) {
        assertThatThrownBy(() -> new AssetId(value)).hasMessage("asset id must not be blank");
    }

    @Test
    void rejectsAnAssetIdWithASpaceNamingItsOffset() {
        assertThatThrownBy(() -> new AssetId("plc 1"))
                .hasMessage("asset id 'plc 1' contains U+0020 at offset 3; ids have no spaces or control characters");
        assertThatThrownBy(() -> new AssetId("x".repeat(129))).hasMessageContaining("at most 128");
    }

    @Test
    void startsWithNothingKnownButTheTimeItWasSeen() {
        Asset asset = Asset.firstSeen(ID, T0);
        assertThat(asset.firstSeen()).isEqualTo(T0);
        assertThat(asset.lastSeen()).isEqualTo(T0);
        assertThat(asset.role()).isEqualTo(AssetRole.UNKNOWN);
        assertThat(asset.identity().isUnknown()).isTrue();
        assertThat(asset.purdueLevel()).isEmpty();
        assertThat(asset.zone()).isEmpty();
        assertThat(asset.macs()).isEmpty();
    }

    @Test
    void learnsAddressesIdentityAndPlaceOneCopyAtATime() {
        Asset asset = Asset.firstSeen(ID, T0)
                .withMac(MAC)
                .withIp(IP)
                .withProtocol(Protocol.MODBUS)
                .withProtocol(Protocol.MODBUS)
                .withRole(AssetRole.PLC)
                .withPurdueLevel(PurdueLevel.LEVEL_1)
                .withZone("cell-3")
                .withIdentity(Asset.Identity.of("Schneider Electric", "M340", "3.20", "SN0042"));
        assertThat(asset.macs()).containsExactly(MAC);
        assertThat(asset.ips()).containsExactly(IP);
        assertThat(asset.protocols()).containsExactly(Protocol.MODBUS);
        assertThat(asset.role()).isEqualTo(AssetRole.PLC);
        assertThat(asset.purdueLevel()).hasValue(PurdueLevel.LEVEL_1);
        assertThat(asset.zone()).hasValue("cell-3");
        assertThat(asset.identity().vendor()).hasValue("Schneider Electric");
        assertThat(asset.identity().firmware()).hasValue("3.20");
    }

    @Test
    void movesLastSeenForwardOnlyAndFirstSeenBackOnly() {
        Asset asset = Asset.firstSeen(ID, T0);
        Asset later = asset.seenAt(T0.plusSeconds(60));
        assertThat(later.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(later.seenAt(T0.plusSeconds(30)).lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(later.seenAt(T0.minusSeconds(5)).firstSeen()).isEqualTo(T0.minusSeconds(5));
    }

    @Test
    void rejectsALastSeenBeforeTheFirstSeen() {
        assertThatThrownBy(() -> new Asset(
                        ID,
                        Set.of(),
                        Set.of(),
                        Asset.Identity.UNKNOWN,
                        AssetRole.PLC,
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        T0,
                        T0.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset mac:00:1b:1b:aa:bb:cc: lastSeen 2025-03-01T07:59:59.999Z is before firstSeen"
                        + " 2025-03-01T08:00:00Z");
    }

    @Test
    void copiesItsSetsSoTheCallerCannotChangeThem() {
        Set<Protocol> protocols = new HashSet<>(Set.of(Protocol.S7COMM));
        Asset asset = new Asset(
                ID,
                Set.of(MAC),
                Set.of(IP),
                Asset.Identity.UNKNOWN,
                AssetRole.PLC,
                Optional.empty(),
                Optional.empty(),
                protocols,
                T0,
                T0);
        protocols.add(Protocol.MODBUS);
        assertThat(asset.protocols()).containsExactly(Protocol.S7COMM);
        assertThatThrownBy(() -> asset.protocols().add(Protocol.DNP3))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesTheSetThatHoldsANull() {
        Set<InetAddress> ips = new HashSet<>();
        ips.add(null);
        assertThatThrownBy(() -> new Asset(
                        ID,
                        Set.of(),
                        ips,
                        Asset.Identity.UNKNOWN,
                        AssetRole.PLC,
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        T0,
                        T0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ips must not contain null (element 0)");
    }

    @Test
    void rejectsAZoneNameThatNoZoneCouldHave() {
        assertThatThrownBy(() -> Asset.firstSeen(ID, T0).withZone("cell 3"))
                .hasMessageStartingWith("zone of asset mac:00:1b:1b:aa:bb:cc 'cell 3' has ' ' (U+0020) at offset 4");
    }

    @Test
    void rejectsABlankIdentityPart() {
        assertThatThrownBy(() -> Asset.Identity.of("Siemens", " ", "V4.5", "S C-X4U"))
                .hasMessage("model must not be blank");
    }
}
