package io.isthmus.wire.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real BACnet/IP datagrams, each one UDP payload taken with {@code tshark -r CAPTURE -Y
 * 'frame.number==N' -T fields -e udp.payload} from the shared captures (captures/SOURCES.md; the
 * bacnet_services capture is in the shared set only, BSD-3-Clause, cisagov/icsnpp-bacnet).
 */
class BacnetDissectorTest {

    private static final String ITI = "bacnet__ITI__bacnet_test.pcap";
    private static final String ERA = "bacnet__cisagov-bacnet__bacnet_error_reject_abort.pcap";
    private static final String SERVICES = "bacnet__cisagov-bacnet__bacnet_services.pcap";

    private final BacnetDissector dissector = new BacnetDissector(BacnetLimits.DEFAULT);

    private MessageSummary one(String hex) {
        byte[] datagram = HexFormat.of().parseHex(hex);
        Dissection d = dissector.next(ByteBuffer.wrap(datagram), Direction.REQUEST);
        assertThat(d).isInstanceOf(Dissection.Messages.class);
        Dissection.Messages m = (Dissection.Messages) d;
        assertThat(m.consumed()).isEqualTo(datagram.length);
        return m.messages().get(0);
    }

    private static Map<String, String> attributes(MessageSummary s) {
        return s.attributes().stream().collect(Collectors.toMap(Attribute::name, Attribute::value, (a, b) -> a));
    }

    /** {@value #ITI} frame 3: readProperty device,4194303 object-identifier, invoke ID 1. */
    @Test
    void readPropertyNamesObjectAndProperty_clause15_5() {
        MessageSummary s = one("810a001101040005010c0c023fffff194b");
        assertThat(s.function()).isEqualTo(12);
        assertThat(s.functionName()).isEqualTo("readProperty");
        assertThat(s.access()).isEqualTo(AccessKind.READ);
        assertThat(s.direction()).isEqualTo(Direction.REQUEST);
        assertThat(s.transaction()).hasValue(1);
        assertThat(s.address()).hasValue(4194303);
        assertThat(s.quantity()).hasValue(1);
        assertThat(attributes(s))
                .containsEntry("object_type", "device")
                .containsEntry("object_instance", "4194303")
                .containsEntry("property", "object-identifier");
        assertThat(s.anomalies()).isEmpty();
    }

    /** {@value #ITI} frame 6: the ComplexACK answering readProperty vendor-identifier. */
    @Test
    void complexAckCarriesTheServiceItAnswers_clause20_1_5() {
        MessageSummary s = one("810a0014010030010c0c023fffff19783e21053f");
        assertThat(s.function()).isEqualTo(0x300 | 12);
        assertThat(s.functionName()).isEqualTo("readProperty ComplexACK");
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(s.access()).isEqualTo(AccessKind.READ);
        assertThat(attributes(s)).containsEntry("property", "vendor-identifier");
    }

    /** A ComplexACK of readProperty device vendor-name (clause 12.11.6): the name is identity. */
    @Test
    void aVendorNameAckCarriesTheNameAsPropertyValue_clause12_11() {
        MessageSummary s = one("810a001c010030010c0c023fffff19793e750800497374686d75733f");
        assertThat(attributes(s)).containsEntry("property", "vendor-name").containsEntry("property_value", "Isthmus");
        assertThat(s.anomalies()).isEmpty();
    }

    /** A ComplexACK of a non-identity property keeps its value undecoded. */
    @Test
    void otherPropertyValuesAreNotReported() {
        MessageSummary s = one("810a0014010030010c0c023fffff19783e21053f");
        assertThat(attributes(s)).doesNotContainKey("property_value");
    }

    /** {@value #SERVICES} frame 3: writeProperty analog-output,101 present-value priority 10. */
    @Test
    void writePropertyReportsThePriority_clause15_9() {
        MessageSummary s = one("810a001f01240003016cff0203020f0c0040006519553e44424800003f490a");
        assertThat(s.function()).isEqualTo(15);
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(attributes(s))
                .containsEntry("object_type", "analog-output")
                .containsEntry("object_instance", "101")
                .containsEntry("property", "present-value")
                .containsEntry("priority", "10")
                .containsEntry("dnet", "3")
                .containsEntry("dadr", "6c")
                .containsEntry("hop_count", "255");
    }

    /** {@value #SERVICES} frame 4: SimpleACK of writeProperty, invoke ID 2, with SNET/SADR. */
    @Test
    void simpleAckInheritsTheWriteAccessKind_clause20_1_4() {
        MessageSummary s = one("810a000d01080003016c20020f");
        assertThat(s.function()).isEqualTo(0x200 | 15);
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(s.transaction()).hasValue(2);
        assertThat(attributes(s)).containsEntry("snet", "3").containsEntry("sadr", "6c");
    }

    /** {@value #SERVICES} frame 275: readPropertyMultiple over 32 analog-inputs. */
    @Test
    void readPropertyMultipleCountsItsObjects_clause15_7() {
        MessageSummary s = one(
                "810a012f01240003016cff0203880e0c000008351e09551f0c000008361e09551f0c000008371e09551f0c000008381e09551f0c000008391e09551f0c0000083a1e09551f0c0000083b1e09551f0c0000083c1e09551f0c0000083d1e09551f0c0000083e1e09551f0c0000083f1e09551f0c000008401e09551f0c000008411e09551f0c000008421e09551f0c000008431e09551f0c000008441e09551f0c000008451e09551f0c000008461e09551f0c000008471e09551f0c000008481e09551f0c000008491e09551f0c0000084a1e09551f0c0000084b1e09551f0c0000084c1e09551f0c0000084d1e09551f0c0000084e1e09551f0c0000084f1e09551f0c000008501e09551f0c000008511e09551f0c000008521e09551f0c000008531e09551f0c000008541e09551f");
        assertThat(s.function()).isEqualTo(14);
        assertThat(s.address()).hasValue(0x835);
        assertThat(s.quantity()).hasValue(32);
        assertThat(s.anomalies()).isEmpty();
    }

    /** {@value #ERA} frame 29: I-Am device,101, max APDU 1024, segmented-both, vendor 57. */
    @Test
    void iAmCarriesTheDeviceIdentity_clause16_10_3() {
        MessageSummary s = one("810a001501001000c4020000652204009100220539");
        assertThat(s.function()).isEqualTo(0x100);
        assertThat(s.functionName()).isEqualTo("i-Am");
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(attributes(s))
                .containsEntry("device_instance", "101")
                .containsEntry("max_apdu", "1024")
                .containsEntry("segmentation", "segmented-both")
                .containsEntry("vendor_id", "1337");
    }

    /** {@value #ERA} frame 37: a global Who-Is through DNET 0xFFFF. */
    @Test
    void whoIsIsDiscovery_clause16_10_1() {
        MessageSummary s = one("810b000c0120ffff00ff1008");
        assertThat(s.function()).isEqualTo(0x108);
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(attributes(s)).containsEntry("dnet", "65535").containsEntry("dadr", "broadcast");
    }

    @Test
    void whoIsWithLimitsAsksForARangeOfInstances_clause16_10_1() {
        // Original-Broadcast-NPDU, NPDU 01 00, Who-Is [0] 100, [1] 199
        MessageSummary s = one("810b000c01001008096419c7");
        assertThat(s.address()).hasValue(100);
        assertThat(s.quantity()).hasValue(100);
    }

    /** {@value #ERA} frame 35: timeSynchronization sets the clock. */
    @Test
    void timeSynchronizationIsAWrite() {
        assertThat(one("810900160120ffff00ff1006a4d90a0101b40a2c2f33").access()).isEqualTo(AccessKind.WRITE);
    }

    /** {@value #SERVICES} frame 398: reinitializeDevice warmstart with password "ethereal". */
    @Test
    void reinitializeDeviceIsControlAndHidesThePassword_clause16_4() {
        MessageSummary s = one("810a001c01240003016cff0203891409001d0900657468657265616c");
        assertThat(s.function()).isEqualTo(20);
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(attributes(s))
                .containsEntry("reinitialize_state", "coldstart")
                .containsEntry("password_present", "true");
        assertThat(s.attributes()).noneMatch(a -> a.value().contains("ethereal"));
    }

    @Test
    void reinitializeForARestoreMovesConfigurationSoItIsProgram_clause19_1() {
        // reinitializeDevice [0] start-restore (4)
        assertThat(one("810a000c0104000501140904").access()).isEqualTo(AccessKind.PROGRAM);
    }

    /** {@value #ERA} frame 17: deviceCommunicationControl disable for 60 minutes, with a password. */
    @Test
    void deviceCommunicationControlIsControl_clause16_1() {
        MessageSummary s = one("810a0019010400050111093c19012d090066696c6973746572");
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(attributes(s))
                .containsEntry("duration_minutes", "60")
                .containsEntry("enable_disable", "disable")
                .containsEntry("password_present", "true");
    }

    /** {@value #ERA} frame 8: atomicWriteFile to file,0 (a shell script). */
    @Test
    void atomicWriteFileIsProgram_clause14_2() {
        MessageSummary s = one(
                "810a01dc0124000d013dff00030107c4028000000e310065fe01c023212f62696e2f73680a2320556e6974207465737473206275696c646572202f2072756e6e657220666f7220746869732070726f6a6563740a0a726d20746573742e6c6f670a746f75636820746573742e6c6f670a0a6d616b65202d662061626f72742e6d616b20636c65616e0a6d616b65202d662061626f72742e6d616b0a2e2f61626f7274203e3e20746573742e6c6f670a6d616b65202d662061626f72742e6d616b20636c65616e0a0a6d616b65202d6620616464726573732e6d616b20636c65616e0a6d616b65202d6620616464726573732e6d616b0a2e2f61646472657373203e3e20746573742e6c6f670a6d616b65202d6620616464726573732e6d616b20636c65616e0a0a6d616b65202d6620636f762e6d616b20636c65616e0a6d616b65202d6620636f762e6d616b0a2e2f636f76203e3e20746573742e6c6f670a6d616b65202d6620636f762e6d616b20636c65616e0a0a6d616b65202d66206463632e6d616b20636c65616e0a6d616b65202d66206463632e6d616b0a2e2f646363203e3e20746573742e6c6f670a6d616b65202d66206463632e6d616b20636c65616e0a0a6d616b65202d662064656d6f2f6f626a6563742f61690f");
        assertThat(s.function()).isEqualTo(7);
        assertThat(s.access()).isEqualTo(AccessKind.PROGRAM);
        assertThat(attributes(s)).containsEntry("object_type", "file").containsEntry("object_instance", "0");
    }

    /** {@value #ERA} frame 43: Error for reinitializeDevice: services / password-failure. */
    @Test
    void anErrorReportsClassAndCode_clause20_1_7() {
        MessageSummary s = one("810a00120120000d013dff5034149105911a");
        assertThat(s.function()).isEqualTo(0x500 | 20);
        assertThat(s.status()).contains("services: password-failure");
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(s.transaction()).hasValue(0x34);
    }

    /** {@value #ERA} frames 44 and 45: Reject unrecognized-service, Abort other from the server. */
    @Test
    void rejectAndAbortReportTheirReasons_clause20_1_8_and_20_1_9() {
        MessageSummary reject = one("810a000e0120000d013dff603a09");
        assertThat(reject.function()).isEqualTo(0x600);
        assertThat(reject.status()).contains("unrecognized-service");
        MessageSummary abort = one("810b00090100710100");
        assertThat(abort.function()).isEqualTo(0x700);
        assertThat(abort.status()).contains("other");
        assertThat(abort.direction()).isEqualTo(Direction.RESPONSE);
    }

    /** bacnet__cisagov-bacnet__bacnet_segmented_data.pcap frame 15: first segment of a ComplexACK. */
    @Test
    void aSegmentedAckIsOneSummaryPerSegment_clause20_1_5() {
        String first = "810a040601043c5e00030c0c020000fe194c3ec400c00000";
        byte[] b = HexFormat.of().parseHex(first);
        b[2] = 0;
        b[3] = (byte) b.length;
        MessageSummary s = one(HexFormat.of().formatHex(b));
        assertThat(s.function()).isEqualTo(0x300 | 12);
        assertThat(attributes(s)).containsEntry("sequence_number", "0").containsEntry("more_follows", "true");
    }

    /** {@value #ITI} frames 22 and 25: a BVLC-Result NAK and Register-Foreign-Device. */
    @Test
    void virtualLinkMessagesWithoutNpduAreSummarisedToo_annexJ2() {
        MessageSummary nak = one("810000060020");
        assertThat(nak.function()).isEqualTo(0x2000);
        assertThat(nak.status()).contains("Read-Broadcast-Distribution-Table NAK");
        MessageSummary register = one("810500060010");
        assertThat(register.function()).isEqualTo(0x2005);
        assertThat(register.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(attributes(register)).containsEntry("time_to_live", "16");
    }

    /** {@value #SERVICES} frames 273 and 274: Who-Is-Router-To-Network and its answer. */
    @Test
    void networkLayerMessagesAreSummarised_clause6_4() {
        MessageSummary who = one("810b0007018000");
        assertThat(who.function()).isEqualTo(0x1000);
        assertThat(who.functionName()).isEqualTo("Who-Is-Router-To-Network");
        assertThat(who.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(one("810b000b01800100020003").direction()).isEqualTo(Direction.RESPONSE);
    }

    @Test
    void aForwardedNpduNamesItsOriginator_annexJ2_5() {
        // Forwarded-NPDU from 192.168.1.10:47808 carrying a Who-Is
        MessageSummary s = one("8104000ec0a8010abac001001008");
        assertThat(s.function()).isEqualTo(0x108);
        assertThat(attributes(s)).containsEntry("originating_address", "192.168.1.10:47808");
    }

    @Test
    void aBvlcLengthShorterThanTheDatagramIsFlaggedButRead_annexJ2() {
        MessageSummary s = one("810b000c0120ffff00ff1008" + "0000");
        assertThat(s.function()).isEqualTo(0x108);
        assertThat(s.anomalies()).extracting(a -> a.code()).containsExactly("bacnet_bvlc_length_mismatch");
    }
    /**
     * One dissector reuses its summary and attribute record: what a datagram sets (status,
     * anomalies, attributes, access) is gone for the next, which summarises as a fresh dissector's.
     */
    @Test
    void nothingOfADatagramCarriesOverToTheNext() {
        String[] datagrams = {
            "810a00120120000d013dff5034149105911a", // Error: status, CONTROL
            "810b000c0120ffff00ff1008" + "0000", // an anomaly
            "810a000e0120000d013dff603a09", // Reject: status
            "810500060010", // BVLC: time_to_live
            "810a001101040005010c0c023fffff194b", // readProperty
            "810b0007018000", // a network layer message
        };
        for (String before : datagrams) {
            for (String after : datagrams) {
                one(before);
                MessageSummary reused = one(after);
                MessageSummary fresh = new BacnetDissectorTest().one(after);
                assertThat(reused).as("%s after %s", after, before).isEqualTo(fresh);
            }
        }
    }
}
