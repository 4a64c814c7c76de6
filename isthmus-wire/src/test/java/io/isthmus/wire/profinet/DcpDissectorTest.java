package io.isthmus.wire.profinet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real DCP frames: the Ethernet payload after EtherType 0x8892 (VLAN tags removed), extracted
 * with {@code frames/extract.py} from the captures named (captures/SOURCES.md).
 */
class DcpDissectorTest {

    private static final String CHANGE_IP = "profinet__ITI__ChangeIPUsingDCP.pcap";
    private static final String BUG = "profinet__ITI__profinet-wireshark-bug.pcap";
    private static final String RT = "profinet__ITI__PROFINET-RT.pcap";

    private final DcpDissector dissector = new DcpDissector(DcpLimits.DEFAULT);

    private MessageSummary one(String hex) {
        byte[] frame = HexFormat.of().parseHex(hex);
        Dissection d = dissector.next(ByteBuffer.wrap(frame), Direction.REQUEST);
        assertThat(d).isInstanceOf(Dissection.Messages.class);
        assertThat(((Dissection.Messages) d).consumed()).isEqualTo(frame.length);
        return ((Dissection.Messages) d).messages().get(0);
    }

    private static Map<String, String> attributes(MessageSummary s) {
        return s.attributes().stream()
                .collect(Collectors.toMap(Attribute::name, Attribute::value, (a, b) -> a + "|" + b));
    }

    /** {@value #CHANGE_IP} frame 1: Identify All, Xid 0x01000001, with Ethernet padding. */
    @Test
    void identifyAllIsDiscovery() {
        MessageSummary s = one("fefe05000100000100010004ffff00000000000000000000000000000000000000000000000000000000");
        assertThat(s.function()).isEqualTo(5);
        assertThat(s.functionName()).isEqualTo("Identify");
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(s.direction()).isEqualTo(Direction.REQUEST);
        assertThat(s.transaction()).hasValue(0x01000001L);
        assertThat(attributes(s)).containsEntry("identify_filter", "all").containsEntry("response_delay", "1");
        assertThat(s.anomalies()).isEmpty();
    }

    /** {@value #CHANGE_IP} frame 2: Identify response of X208-BORD, a Siemens (0x002a) IO device. */
    @Test
    void identifyResponseCarriesTheDeviceIdentity() {
        MessageSummary s = one(
                "feff0501010000010000005e0205001c00000101010202010202020302040205033d0501050205030504ffff020100050000494e43000202000b0000583230382d424f524400020300060000002a0a0102040004000001000102000e0001c0a80006ffffff00c0a80001");
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(attributes(s))
                .containsEntry("station_name", "X208-BORD")
                .containsEntry("type_of_station", "INC")
                .containsEntry("vendor_id", "0x002a")
                .containsEntry("device_id", "0x0a01")
                .containsEntry("device_role", "IO-Device")
                .containsEntry("device_options", "13")
                .containsEntry("ip", "192.168.0.6")
                .containsEntry("netmask", "255.255.255.0")
                .containsEntry("gateway", "192.168.0.1")
                .containsEntry("ip_block_info", "IP set");
        assertThat(s.anomalies()).isEmpty();
    }

    /** {@value #CHANGE_IP} frame 3: Set IP 192.168.0.10 permanently. */
    @Test
    void settingTheIpSuiteIsAWrite() {
        MessageSummary s = one("fefd040001000001000000120102000e0001c0a8000affffff00c0a80001000000000000000000000000");
        assertThat(s.function()).isEqualTo(4);
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(attributes(s)).containsEntry("ip", "192.168.0.10").containsEntry("qualifier", "permanent");
    }

    /** {@value #CHANGE_IP} frame 4: the Set response acknowledging the IP parameter. */
    @Test
    void theSetResponseTakesTheKindOfWhatItAcknowledges() {
        MessageSummary s =
                one("fefd0401010000010000000805040003010200000000000000000000000000000000000000000000000000000000");
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(attributes(s)).containsEntry("acknowledged", "1/2 ok");
        assertThat(s.status()).isEmpty();
    }

    /** {@value #BUG} frame 3: Set NameOfStation "%n%n%n " (a format-string probe) and End Transaction. */
    @Test
    void settingTheStationNameIsAWriteAndTheNameIsReported() {
        MessageSummary s = one("fefd04000100000100000014020200090001256e256e256e2000050200020000");
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(attributes(s)).containsEntry("station_name", "%n%n%n ").containsEntry("control", "end transaction");
    }

    /** {@value #RT} frame 1: Identify by NameOfStation "switch3". */
    @Test
    void anIdentifyFilterIsNotTheDevicesName() {
        MessageSummary s = one("fefe05000300bf9a0001000c02020007737769746368330069656d656e732c2053494d41544900000000");
        assertThat(attributes(s))
                .containsEntry("identify_filter_station_name", "switch3")
                .doesNotContainKey("station_name");
    }

    @Test
    void resetToFactoryIsControl() {
        // Set: Control / Reset to Factory (5/6) with qualifier 0x0002
        assertThat(one("fefd040001020304000000080506000200020000").access()).isEqualTo(AccessKind.CONTROL);
        // Set: Control / Reset Factory Settings (5/5)
        assertThat(one("fefd040001020304000000080505000200000000").access()).isEqualTo(AccessKind.CONTROL);
    }

    @Test
    void flashingTheLedIsDiagnostic() {
        // Set: Control / Signal (5/3), qualifier 0, value 0x0100 flash once
        MessageSummary s = one("fefd04000102030400000008050300040000" + "0100");
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(attributes(s)).containsEntry("control", "signal").containsEntry("signal_value", "0x0100");
    }

    @Test
    void getIsARead() {
        // Get request for NameOfStation (2/2) and IP parameter (1/2)
        MessageSummary s = one("fefd0300000000070000000402020102");
        assertThat(s.function()).isEqualTo(3);
        assertThat(s.access()).isEqualTo(AccessKind.READ);
        assertThat(s.attributes()).extracting(Attribute::value).containsExactly("2/2", "1/2");
    }

    @Test
    void aFailedBlockIsTheResponseStatus() {
        // Set response: 2/2 refused with "SET not possible by local reasons" (5)
        MessageSummary s = one("fefd040101020304000000070504000302020500");
        assertThat(s.status()).contains("2/2: SET not possible by local reasons");
    }

    @Test
    void helloIsDiscovery() {
        // Hello with NameOfStation "io1" (BlockInfo 0)
        MessageSummary s = one("fefc0600000000050000000a02020005000069" + "6f3100");
        assertThat(s.function()).isEqualTo(6);
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(attributes(s)).containsEntry("station_name", "io1");
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void cyclicRealTimeFramesAreNotDcpAndAreConsumedSilently() {
        byte[] cyclic = HexFormat.of().parseHex("8001" + "00".repeat(40));
        assertThat(dissector.next(ByteBuffer.wrap(cyclic), Direction.REQUEST))
                .isEqualTo(new Dissection.Messages(List.of(), cyclic.length));
    }
}
