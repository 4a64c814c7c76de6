package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.enip.EnipVectors.Vector;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** EtherNet/IP encapsulation and CIP summaries from real messages, and the stream contract. */
class EnipDissectorTest {

    private static MessageSummary only(Vector v, Direction hint) {
        var d = (Dissection.Messages) new EnipDissectorFactory().newDissector().next(ByteBuffer.wrap(v.bytes()), hint);
        assertThat(d.consumed()).isEqualTo(v.bytes().length);
        assertThat(d.messages()).hasSize(1);
        assertThat(d.messages().getFirst().anomalies()).isEmpty();
        return d.messages().getFirst();
    }

    private static String attribute(MessageSummary s, String name) {
        return s.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> attributes(MessageSummary s, String name) {
        return s.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .toList();
    }

    @Test
    void volume2Section2_4_3ListIdentityRequestIsDiscoveryWithItsCommandAsFunction() {
        var s = only(EnipVectors.LIST_IDENTITY_REQUEST, Direction.REQUEST);
        assertThat(s.protocol()).isEqualTo(Protocol.ENIP);
        assertThat(s.function()).isEqualTo(0x63);
        assertThat(s.functionName()).isEqualTo("ListIdentity");
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(s.transaction()).isEqualTo(OptionalLong.of(0xD1BEDEC100000000L));
        assertThat(attribute(s, "enip_sender_context")).isEqualTo("0x00000000C1DEBED1");
    }

    @Test
    void listIdentityReplyCarriesTheDevicesIdentity() {
        var s = only(EnipVectors.LIST_IDENTITY_REPLY, Direction.RESPONSE);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(s.attributes())
                .contains(
                        new Attribute("vendor_id", "1"),
                        new Attribute("device_type", "12"),
                        new Attribute("product_code", "58"),
                        new Attribute("revision", "4.3"),
                        new Attribute("serial_number", "0x00524D8E"),
                        new Attribute("product_name", "1756-ENBT/A"),
                        new Attribute("device_ip", "10.1.1.164"));
    }

    @Test
    void listServicesReplyNamesTheServices() {
        var s = only(EnipVectors.LIST_SERVICES_REPLY, Direction.RESPONSE);
        assertThat(s.access()).isEqualTo(AccessKind.DISCOVERY);
        assertThat(attribute(s, "enip_service")).isEqualTo("Communications");
    }

    @Test
    void registerSessionReplyCarriesTheSessionHandle() {
        assertThat(only(EnipVectors.REGISTER_SESSION_REQUEST, Direction.REQUEST).access())
                .isEqualTo(AccessKind.DIAGNOSTIC);
        var s = only(EnipVectors.REGISTER_SESSION_REPLY, Direction.RESPONSE);
        assertThat(attribute(s, "enip_session")).isEqualTo("0x12020100");
        assertThat(attribute(s, "enip_protocol_version")).isEqualTo("1");
    }

    @Test
    void aReservedLegacyCommandIsStillCountedByItsCode() {
        var s = only(EnipVectors.LEGACY_COMMAND_1, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(1);
        assertThat(s.functionName()).isEqualTo("Unknown Command 0x0001");
    }

    @Test
    void cipStopInSendUnitDataIsControl() {
        var s = only(EnipVectors.STOP, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(0x70);
        assertThat(s.functionName()).isEqualTo("SendUnitData");
        assertThat(s.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(s.transaction()).isEqualTo(OptionalLong.of(0x0106)); // connected sequence count
        assertThat(attribute(s, "cip_service")).isEqualTo("0x07");
        assertThat(attribute(s, "cip_service_name")).isEqualTo("Stop");
        assertThat(attribute(s, "cip_class")).isEqualTo("0x8E");
        assertThat(attribute(s, "cip_instance")).isEqualTo("1");
        assertThat(attribute(s, "cip_connection_id")).isEqualTo("0xFF954022");
        assertThat(only(EnipVectors.START, Direction.REQUEST).access()).isEqualTo(AccessKind.CONTROL);
    }

    @Test
    void identityResetIsControlAndNonVolatileStorageServicesAreProgram() {
        var reset = only(EnipVectors.RESET, Direction.REQUEST);
        assertThat(reset.functionName()).isEqualTo("SendRRData");
        assertThat(reset.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(attribute(reset, "cip_service_name")).isEqualTo("Reset");
        assertThat(only(EnipVectors.NVS_UPDATE, Direction.REQUEST).access()).isEqualTo(AccessKind.PROGRAM);
    }

    @Test
    void aVendorServiceOnAVendorClassIsDiagnosticAndKeepsItsWholePath() {
        var s = only(EnipVectors.UNLOCK_CPU, Direction.REQUEST);
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(attribute(s, "cip_service_name")).isEqualTo("Service_0x4C");
        assertThat(attribute(s, "cip_path")).isEqualTo("class 0x8E instance 1 class 0x74 instance 1");
    }

    @Test
    void multipleServicePacketIsExpandedIntoItsEmbeddedRequests() {
        var s = only(EnipVectors.MULTIPLE_REQUEST, Direction.REQUEST);
        assertThat(attribute(s, "cip_service_name")).isEqualTo("Multiple_Service_Packet");
        assertThat(attributes(s, "cip_embedded"))
                .hasSize(11)
                .first()
                .isEqualTo("0x03 Get_Attribute_List class 0x01 instance 1");
        assertThat(s.access()).isEqualTo(AccessKind.READ);
    }

    @Test
    void multipleServicePacketReplyIsExpandedIntoItsEmbeddedReplies() {
        var s = only(EnipVectors.MULTIPLE_REPLY, Direction.RESPONSE);
        assertThat(attribute(s, "cip_status")).isEqualTo("0x00 Success");
        assertThat(attributes(s, "cip_embedded")).hasSize(11).allMatch(e -> e.endsWith("reply Success"));
        assertThat(s.status()).isEmpty();
    }

    @Test
    void unconnectedSendIsUnwrappedAndItsEmbeddedRequestDecidesTheAccess() {
        var s = only(EnipVectors.UNCONNECTED_SEND, Direction.REQUEST);
        assertThat(attribute(s, "cip_service_name")).isEqualTo("Unconnected_Send");
        assertThat(attribute(s, "cip_embedded")).isEqualTo("0x01 Get_Attributes_All class 0x01 instance 1");
        assertThat(s.access()).isEqualTo(AccessKind.READ);
    }

    @Test
    void forwardOpenIsConnectionManagement() {
        var s = only(EnipVectors.FORWARD_OPEN, Direction.REQUEST);
        assertThat(attribute(s, "cip_service_name")).isEqualTo("Forward_Open");
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
    }

    @Test
    void symbolicReadModifyWriteTagsAreWrites() {
        var s = only(EnipVectors.SYMBOLIC_WRITES, Direction.REQUEST);
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(attributes(s, "cip_embedded"))
                .first()
                .isEqualTo("0x4E Read_Modify_Write_Tag symbol LMS_DISABLE_2DSCANNER1");
    }

    @Test
    void cipGeneralStatusOfAFailedReplyBecomesTheStatus() {
        var s = only(EnipVectors.SERVICE_NOT_SUPPORTED, Direction.RESPONSE);
        assertThat(s.status()).contains("Service not supported (0x08)");
        var p = only(EnipVectors.PATH_DESTINATION_UNKNOWN, Direction.RESPONSE);
        assertThat(p.status()).contains("Path destination unknown (0x05)");
        assertThat(attribute(p, "cip_status")).isEqualTo("0x05 Path destination unknown");
    }

    @Test
    void setAttributeSingleReplyIsAWriteEvenWithoutAPath() {
        var s = only(EnipVectors.SET_ATTRIBUTE_REPLY, Direction.RESPONSE);
        assertThat(s.access()).isEqualTo(AccessKind.WRITE);
        assertThat(s.transaction()).isEqualTo(OptionalLong.of(0x00E11E7001866DECL));
    }

    @Test
    void volume2Section2_4_3ListIdentityOverUdpIsOneDatagramPerCall() {
        // the same encapsulation as over TCP; a UDP reply is one datagram
        var reply = DissectorFeed.feed(
                new EnipDissectorFactory().newDissector(),
                List.of(EnipVectors.LIST_IDENTITY_REPLY.bytes()),
                Direction.RESPONSE,
                65_535);
        assertThat(reply.messages())
                .singleElement()
                .satisfies(m -> assertThat(m.attributes()).contains(new Attribute("product_name", "1756-ENBT/A")));
        assertThat(reply.pending()).isZero();
    }

    @Test
    void aDatagramShorterThanItsHeaderSaysAsksForMoreWhichTheSessionLayerReportsAsTruncated() {
        byte[] reply = EnipVectors.LIST_IDENTITY_REPLY.bytes();
        var d = new EnipDissectorFactory()
                .newDissector()
                .next(ByteBuffer.wrap(reply, 0, reply.length - 10), Direction.RESPONSE);
        assertThat(d).isEqualTo(new Dissection.NeedMore(10));
    }

    @Test
    void severalMessagesInOneSegmentAreReturnedOneByOne() {
        byte[] bytes = EnipVectors.THREE_IN_ONE_SEGMENT.bytes();
        var outcome = DissectorFeed.feed(
                new EnipDissectorFactory().newDissector(), List.of(bytes), Direction.REQUEST, 65_535);
        assertThat(outcome.messages())
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.function()).isEqualTo(0x70));
        assertThat(outcome.pending()).isZero();
    }

    static List<Vector> valid() {
        return EnipVectors.valid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyPrefixOfAValidMessageNeedsMoreAndTheWholeMessageIsConsumed(Vector v) {
        byte[] bytes = v.bytes();
        for (int n = 0; n < bytes.length; n++) {
            var d = new EnipDissectorFactory().newDissector().next(ByteBuffer.wrap(bytes, 0, n), Direction.REQUEST);
            assertThat(d).as("prefix %d of %d", n, bytes.length).isInstanceOf(Dissection.NeedMore.class);
            assertThat(((Dissection.NeedMore) d).bytes()).isBetween(1, bytes.length - n);
        }
        only(v, Direction.REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void oneOctetSegmentsGiveTheSameSummaryAsTheWholeMessage(Vector v) {
        var whole = DissectorFeed.feed(
                new EnipDissectorFactory().newDissector(), v.bytes(), v.bytes().length, Direction.REQUEST, 65_535);
        var octets =
                DissectorFeed.feed(new EnipDissectorFactory().newDissector(), v.bytes(), 1, Direction.REQUEST, 65_535);
        assertThat(octets.messages()).isEqualTo(whole.messages()).hasSize(1);
    }
}
