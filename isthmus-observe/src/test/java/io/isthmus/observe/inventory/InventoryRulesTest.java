package io.isthmus.observe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Role rules, router detection and Modbus 43/14 identity on hand-made observations. */
class InventoryRulesTest {
    private static final long ROUTER_MAC = 0x00_1b_1b_00_00_01L;

    private final Inventory inv = new Inventory(InventoryLimits.DEFAULT, Captures.oui(), InventoryOverrides.NONE);

    private static IpAddress ip(int last) {
        return IpAddress.ofIpv4(0x0A00_0000 + last);
    }

    private static Observation obs(long ms, int src, long srcMac, int dst, int sport, int dport, MessageSummary m) {
        return new Observation(
                Optional.empty(),
                ms * 1_000_000L,
                Optional.of(ip(src)),
                Optional.of(ip(dst)),
                sport,
                dport,
                srcMac,
                -1,
                -1,
                m);
    }

    private static MessageSummary modbus(Direction d, int fc, String name, AccessKind k) {
        return MessageSummary.of(Protocol.MODBUS, d, fc, name, k).withUnit(1);
    }

    @Test
    void aModbusDeviceIdentificationAnswerGivesVendorModelAndFirmware() {
        MessageSummary answer = modbus(Direction.RESPONSE, 43, "Read Device Identification", AccessKind.DIAGNOSTIC)
                .withAttribute("mei_type", "14")
                .withAttribute("vendor_name", "Isthmus")
                .withAttribute("product_code", "ISTH-PLC")
                .withAttribute("revision", "1.2.0")
                .withAttribute("model_name", "Conveyor PLC");
        inv.observe(obs(
                0,
                1,
                -1,
                2,
                40000,
                502,
                modbus(Direction.REQUEST, 43, "Read Device Identification", AccessKind.DIAGNOSTIC)));
        inv.observe(obs(1, 2, -1, 1, 502, 40000, answer));
        InventoryAsset plc =
                inv.snapshot().asset(AssetId.of(ip(2).toInetAddress())).orElseThrow();
        assertThat(plc.asset().identity().vendor()).contains("Isthmus");
        assertThat(plc.asset().identity().model()).contains("Conveyor PLC");
        assertThat(plc.asset().identity().firmware()).contains("1.2.0");
        assertThat(plc.identityEvidence()).contains("vendor Isthmus from Modbus 43/14");
        assertThat(plc.identityAttributes()).containsEntry("product_code", "ISTH-PLC");
        assertThat(plc.asset().role()).isEqualTo(AssetRole.PLC);
    }

    @Test
    void anHmiPollingEvery250msSaysSoInItsEvidence() {
        for (int i = 0; i < 40; i++) {
            for (int plc = 2; plc <= 4; plc++) {
                inv.observe(obs(
                        i * 250L,
                        1,
                        -1,
                        plc,
                        40000,
                        502,
                        modbus(Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ)));
                inv.observe(obs(
                        i * 250L + 1,
                        plc,
                        -1,
                        1,
                        502,
                        40000,
                        modbus(Direction.RESPONSE, 3, "Read Holding Registers", AccessKind.READ)));
            }
        }
        inv.observe(
                obs(10_001, 1, -1, 2, 40000, 502, modbus(Direction.REQUEST, 5, "Write Single Coil", AccessKind.WRITE)));
        InventoryAsset hmi =
                inv.snapshot().asset(AssetId.of(ip(1).toInetAddress())).orElseThrow();
        assertThat(hmi.asset().role()).isEqualTo(AssetRole.HMI);
        assertThat(hmi.roleEvidence())
                .contains("polls 3 servers over Modbus/TCP every 250 ms (median of mean intervals)");
        assertThat(hmi.roleEvidence()).contains("writes or operates (Write Single Coil) on 10.0.0.2");
        assertThat(hmi.asset().purdueLevel()).contains(PurdueLevel.LEVEL_2);
        assertThat(hmi.peerCount()).isEqualTo(3);
    }

    @Test
    void aReadOnlyClientOfThreeServersIsAHistorian() {
        for (int plc = 2; plc <= 4; plc++) {
            inv.observe(obs(
                    plc,
                    1,
                    -1,
                    plc,
                    40000,
                    502,
                    modbus(Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ)));
        }
        InventoryAsset h =
                inv.snapshot().asset(AssetId.of(ip(1).toInetAddress())).orElseThrow();
        assertThat(h.asset().role()).isEqualTo(AssetRole.HISTORIAN);
        assertThat(h.asset().purdueLevel()).contains(PurdueLevel.LEVEL_3);
    }

    @Test
    void aMacCarryingFourAddressesIsARouterAndLeavesTheHostsBehindIt() {
        for (int host = 10; host < 14; host++) {
            inv.observe(obs(
                    host,
                    host,
                    ROUTER_MAC,
                    2,
                    40000,
                    502,
                    modbus(Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ)));
        }
        InventorySnapshot s = inv.snapshot();
        InventoryAsset router = s.asset(AssetId.of(new MacAddress(ROUTER_MAC))).orElseThrow();
        assertThat(router.asset().role()).isEqualTo(AssetRole.NETWORK_INFRASTRUCTURE);
        assertThat(router.ouiVendor()).contains("Siemens AG");
        for (int host = 10; host < 14; host++) {
            assertThat(s.asset(AssetId.of(ip(host).toInetAddress()))
                            .orElseThrow()
                            .asset()
                            .macs())
                    .isEmpty();
        }
    }

    @Test
    void broadcastAndMulticastDestinationsAreNoAssets() {
        MessageSummary whoIs =
                MessageSummary.of(Protocol.BACNET, Direction.REQUEST, 264, "who-Is", AccessKind.DISCOVERY);
        inv.observe(new Observation(
                Optional.empty(),
                0,
                Optional.of(ip(1)),
                Optional.of(IpAddress.ofIpv4(0x0A00_00FF)),
                47808,
                47808,
                0x0000_0000_0011L,
                0xFFFF_FFFF_FFFFL,
                -1,
                whoIs));
        inv.observe(new Observation(
                Optional.empty(),
                0,
                Optional.of(ip(1)),
                Optional.of(IpAddress.ofIpv4(0xEF00_0001)),
                47808,
                47808,
                -1,
                -1,
                -1,
                whoIs));
        assertThat(inv.snapshot().assets()).extracting(a -> a.id().value()).containsExactly("ip:10.0.0.1");
        assertThat(inv.snapshot().links()).isEmpty();
    }

    @Test
    void aHostWithOnlyItTrafficIsAnItHostAtLevel4WithLowConfidence() {
        inv.flow(new FlowSummary(null, 6, ip(1), ip(9), 50000, 443, -1, -1, Optional.empty(), 0, 10, 3, 3, 500, 900));
        InventorySnapshot s = inv.snapshot();
        InventoryAsset host = s.asset(AssetId.of(ip(1).toInetAddress())).orElseThrow();
        assertThat(host.asset().role()).isEqualTo(AssetRole.IT_HOST);
        assertThat(host.roleEvidence()).containsExactly("speaks no industrial protocol: tcp/443");
        assertThat(host.asset().purdueLevel()).contains(PurdueLevel.LEVEL_4);
        assertThat(host.levelConfidence()).isEqualTo(LevelConfidence.LOW);
        assertThat(s.links()).singleElement().satisfies(l -> {
            assertThat(l.bytes()).isEqualTo(1_400);
            assertThat(l.service().label()).isEqualTo("tcp/443");
        });
    }
}
