package io.isthmus.observe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Inventory from real captures: identity from each protocol that carries one, roles with evidence. */
class InventoryFromCapturesTest {

    private static InventoryAsset asset(InventorySnapshot s, String ip) {
        return s.asset(AssetId.of(IpLiteral.parse(ip)))
                .orElseThrow(() -> new AssertionError(ip + " not in " + s.assets()));
    }

    @Test
    void anS7PlcIsIdentifiedFromItsSzlAnswerWithModelFirmwareAndOuiVendor() throws IOException {
        InventorySnapshot s = Captures.inventory("s7comm__ITI__snap7_s300_everything.pcapng");
        InventoryAsset plc = asset(s, "134.217.61.211");
        assertThat(plc.asset().role()).isEqualTo(AssetRole.PLC);
        assertThat(plc.asset().identity().vendor()).contains("Siemens");
        assertThat(plc.asset().identity().model()).contains("6ES7 315-2EH14-0AB0");
        assertThat(plc.asset().identity().firmware()).contains("V3.2.7");
        assertThat(plc.ouiVendor()).contains("Siemens AG");
        assertThat(plc.asset().macs()).contains(MacAddress.parse("00:0e:8c:d0:f9:cb"));
        assertThat(plc.roleEvidence()).anyMatch(e -> e.startsWith("answers S7comm on port 102 to 1 client"));
        assertThat(plc.identityEvidence()).contains("firmware V3.2.7 from S7 SZL");
        assertThat(plc.asset().purdueLevel()).contains(PurdueLevel.LEVEL_1);
        assertThat(plc.levelConfidence()).isEqualTo(LevelConfidence.HIGH);
        assertThat(plc.asset().protocols()).contains(Protocol.S7COMM);
        assertThat(plc.peers()).containsExactly(AssetId.of(IpLiteral.parse("134.217.61.131")));
    }

    @Test
    void aCipDeviceIsIdentifiedFromItsListIdentityReply() throws IOException {
        InventoryAsset enbt = asset(Captures.inventory("enip__ITI__enip_test.pcap"), "10.1.1.164");
        assertThat(enbt.asset().identity().vendor()).contains("Rockwell Automation/Allen-Bradley");
        assertThat(enbt.asset().identity().model()).contains("1756-ENBT/A");
        assertThat(enbt.asset().identity().firmware()).contains("4.3");
        assertThat(enbt.asset().identity().serial()).contains("0x00524D8E");
        assertThat(enbt.identityEvidence()).contains("model 1756-ENBT/A from CIP ListIdentity");
        assertThat(enbt.asset().role()).isEqualTo(AssetRole.PLC);
    }

    @Test
    void aBacnetDeviceIsIdentifiedFromItsIAm() throws IOException {
        InventoryAsset dev =
                asset(Captures.inventory("bacnet__cisagov-bacnet__bacnet_segmented_data.pcap"), "10.0.0.2");
        assertThat(dev.asset().identity().vendor()).contains("BACnet vendor 154");
        assertThat(dev.name()).contains("device 254");
        assertThat(dev.identityEvidence()).contains("name device 254 from BACnet I-Am");
    }

    @Test
    void aBacnetDeviceNamesItsVendorInAReadPropertyAck() throws IOException {
        InventoryAsset dev = asset(Captures.inventory("bacnet__ITI__bacnet_test.pcap"), "10.1.1.165");
        assertThat(dev.asset().identity().vendor()).isPresent();
        assertThat(dev.identityEvidence())
                .anyMatch(e -> e.startsWith("vendor ") && e.endsWith("from BACnet ReadProperty"));
    }

    @Test
    void aProfinetDeviceIsIdentifiedFromItsDcpIdentifyResponseByMac() throws IOException {
        InventorySnapshot s = Captures.inventory("profinet__ITI__ChangeIPUsingDCP.pcap");
        InventoryAsset dev =
                s.asset(AssetId.of(MacAddress.parse("08:00:06:93:cf:32"))).orElseThrow();
        assertThat(dev.name()).contains("X208-BORD");
        assertThat(dev.asset().identity().vendor()).contains("PROFINET vendor 0x002a");
        assertThat(dev.ouiVendor()).contains("SIEMENS AG");
        assertThat(dev.asset().protocols()).containsExactly(Protocol.PN_DCP);
    }

    @Test
    void anS7BlockDownloaderIsAnEngineeringWorkstation() throws IOException {
        InventorySnapshot s = Captures.inventory("s7comm__ITI__s7comm_downloading_block_db1.pcap");
        InventoryAsset ews = asset(s, "192.168.1.10");
        assertThat(ews.asset().role()).isEqualTo(AssetRole.ENGINEERING_WORKSTATION);
        assertThat(ews.roleEvidence())
                .anyMatch(e -> e.contains("Request Download") && e.contains("to 192.168.1.40 over S7comm"));
        assertThat(ews.asset().purdueLevel()).contains(PurdueLevel.LEVEL_2);
        assertThat(ews.levelConfidence()).isEqualTo(LevelConfidence.MEDIUM);
        InventoryAsset plc = asset(s, "192.168.1.40");
        assertThat(plc.asset().role()).isEqualTo(AssetRole.PLC);
        AssetLink link = s.links().stream()
                .filter(l -> l.client().equals(ews.id()) && l.service().isIndustrial())
                .findFirst()
                .orElseThrow();
        assertThat(link.access()).contains(AccessKind.PROGRAM);
        assertThat(link.bytes()).isPositive();
        assertThat(link.flows()).isPositive();
    }

    @Test
    void aModbusMasterPollingTwoSlavesIsAnHmiAndTheSlavesArePlcs() throws IOException {
        InventorySnapshot s = Captures.inventory("modbus__ITI__modbus_test_data_part1.pcap");
        InventoryAsset master = asset(s, "10.0.0.57");
        assertThat(master.asset().role()).isIn(AssetRole.HMI, AssetRole.HISTORIAN);
        assertThat(master.roleEvidence()).anyMatch(e -> e.startsWith("polls 2 servers over Modbus/TCP"));
        InventoryAsset slave = asset(s, "10.0.0.8");
        assertThat(slave.asset().role()).isEqualTo(AssetRole.PLC);
        assertThat(slave.roleEvidence()).anyMatch(e -> e.startsWith("answers Modbus/TCP on port 502"));
    }

    @Test
    void overridesSetLevelZoneNameAndRole() throws IOException {
        var override = new AssetOverride(
                java.util.Optional.of(io.isthmus.model.IpNetwork.parse("192.168.1.10/32")),
                java.util.Optional.empty(),
                java.util.Optional.of(PurdueLevel.LEVEL_3),
                java.util.Optional.of("engineering"),
                java.util.Optional.of("EWS-1"),
                java.util.Optional.empty());
        InventorySnapshot s = Captures.inventory(
                "s7comm__ITI__s7comm_downloading_block_db1.pcap", new InventoryOverrides(java.util.List.of(override)));
        InventoryAsset ews = asset(s, "192.168.1.10");
        assertThat(ews.asset().purdueLevel()).contains(PurdueLevel.LEVEL_3);
        assertThat(ews.levelConfidence()).isEqualTo(LevelConfidence.CONFIGURED);
        assertThat(ews.asset().zone()).contains("engineering");
        assertThat(ews.name()).contains("EWS-1");
        assertThat(ews.asset().role()).isEqualTo(AssetRole.ENGINEERING_WORKSTATION);
    }
}
