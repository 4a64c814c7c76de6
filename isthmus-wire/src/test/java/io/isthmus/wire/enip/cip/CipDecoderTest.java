package io.isthmus.wire.enip.cip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Anomaly;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CIP Volume 1 section 2-4 messages, Multiple Service Packet and Unconnected Send. */
class CipDecoderTest {

    private final CipDecoder decoder = new CipDecoder(16, 3, 16);

    private CipDecode decode(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        return decoder.decode(bytes, 0, bytes.length);
    }

    private CipDecode.Decoded decoded(String hex) {
        return (CipDecode.Decoded) decode(hex);
    }

    private static List<String> codes(CipDecode.Decoded d) {
        return d.anomalies().stream().map(Anomaly::code).toList();
    }

    @Test
    void aRequestIsServicePathSizeInWordsAndPath() {
        // cip_stop_plc.pcap: Stop to class 0x8E instance 1
        var r = (CipMessage.Request) decoded("0702208e2401").message();
        assertThat(r.service()).isEqualTo(0x07);
        assertThat(r.path().text()).isEqualTo("class 0x8E instance 1");
        assertThat(CipAccess.of(r)).isEqualTo(AccessKind.CONTROL);
    }

    @Test
    void aReplyWithoutAdditionalStatusOrEmbeddedMessagesIsOneSharedValuePerServiceAndStatus() {
        var success = (CipMessage.Response) decoded("cb00 00 00 0102").message();
        var again = (CipMessage.Response) decoded("cb00 00 00").message();
        var failed = (CipMessage.Response) decoded("cb00 05 00").message();

        assertThat(again).isSameAs(success).isEqualTo(new CipMessage.Response(0x4B, 0, List.of(), List.of()));
        assertThat(failed).isNotSameAs(success).isEqualTo(new CipMessage.Response(0x4B, 5, List.of(), List.of()));
        assertThat(decoded("cb00 00 01 3412").message()).isNotSameAs(success);
    }

    @Test
    void aReplySetsTheResponseBitAndCarriesGeneralAndAdditionalStatus() {
        var r = (CipMessage.Response) decoded("8e00 1f 01 3412").message();
        assertThat(r.service()).isEqualTo(0x0E);
        assertThat(r.status()).isEqualTo(CipGeneralStatus.VENDOR_SPECIFIC);
        assertThat(r.extendedStatus()).containsExactly(0x1234);
    }

    @Test
    void multipleServicePacketOffsetsCountFromTheServiceCount() {
        var d = decoded("0a02 20022401" + "0200 0600 0c00" + "0e02 20012401" + "1002 20012401");
        assertThat(d.message().embedded()).extracting(CipMessage::service).containsExactly(0x0E, 0x10);
        assertThat(CipAccess.of(d.message())).isEqualTo(AccessKind.WRITE);
        assertThat(d.anomalies()).isEmpty();
    }

    @Test
    void unconnectedSendToTheConnectionManagerIsUnwrapped() {
        // EIP-RebootorRestart.pcap frame 8: Get_Attributes_All to the Identity object, via port 1 slot 0
        var d = decoded("52022006240107f9 0600 010220012401 0100 0100");
        assertThat(d.message().embedded()).singleElement().satisfies(m -> {
            assertThat(m.service()).isEqualTo(0x01);
            assertThat(((CipMessage.Request) m).path().classId()).hasValue(1);
        });
    }

    @Test
    void service0x52ToAnotherClassIsNotAnUnconnectedSend() {
        assertThat(decoded("5202206b2401 0000").message().embedded()).isEmpty();
    }

    @Test
    void aPathSizeLargerThanTheMessageIsAnAnomalyAndThePathIsCutToWhatIsThere() {
        var d = decoded("0eff 20012401");
        assertThat(codes(d)).contains("cip_path_exceeds_frame");
        assertThat(((CipMessage.Request) d.message()).path().classId()).hasValue(1);
    }

    @Test
    void aServiceCountLargerThanTheMessageIsAnAnomaly() {
        var d = decoded("0a02 20022401 ffff 0600");
        assertThat(codes(d)).contains("cip_service_count_exceeds_frame");
    }

    @Test
    void offsetsThatPointBackwardsOrOutsideAreAnAnomaly() {
        assertThat(codes(decoded("0a02 20022401 0200 0600 0200 0e02 20012401"))).contains("cip_service_offset_invalid");
        assertThat(codes(decoded("0a02 20022401 0100 ff00"))).contains("cip_service_offset_invalid");
    }

    @Test
    void nestingDeeperThanTheLimitIsCutOff() {
        // four Multiple Service Packets inside each other, each with one service right after its offset table
        String inner = "0e02 20012401";
        for (int i = 0; i < 4; i++) {
            inner = "0a02 20022401 0100 0400 " + inner;
        }
        var d = decoded(inner);
        assertThat(codes(d)).contains("cip_nesting_too_deep");
    }

    @Test
    void oneBudgetBoundsAllEmbeddedMessagesOfATree() {
        StringBuilder packet = new StringBuilder("0a02 20022401 1400");
        for (int i = 0; i < 20; i++) {
            packet.append(String.format("%02x00", 2 + 2 * 20 + 6 * i));
        }
        for (int i = 0; i < 20; i++) {
            packet.append("0e02 20012401");
        }
        var d = decoded(packet.toString());
        assertThat(d.message().embedded()).hasSize(16);
        assertThat(codes(d)).contains("cip_service_count_exceeds_limit");
    }

    /** Every count up to past the fixed-arity lists: the services in wire order, the list immutable. */
    @Test
    void aMultipleServicePacketOfZeroToFourteenServicesKeepsThemAllInOrder() {
        CipDecoder wide = new CipDecoder(16, 3, 64);
        for (int n = 0; n <= 14; n++) {
            StringBuilder packet = new StringBuilder("0a02 20022401").append(String.format("%02x00", n));
            for (int i = 0; i < n; i++) {
                packet.append(String.format("%02x00", 2 + 2 * n + 6 * i));
            }
            List<Integer> services = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int service = 0x30 + i; // distinct plain requests (not 0x0A or 0x52), in order
                services.add(service);
                packet.append(String.format("%02x02 20012401", service));
            }
            byte[] bytes = HexFormat.of().parseHex(packet.toString().replace(" ", ""));
            var d = (CipDecode.Decoded) wide.decode(bytes, 0, bytes.length);
            List<CipMessage> embedded = d.message().embedded();
            assertThat(embedded)
                    .as("%d services", n)
                    .extracting(CipMessage::service)
                    .isEqualTo(services);
            assertThat(d.anomalies()).as("%d services", n).isEmpty();
            assertThat(List.copyOf(embedded)).as("already immutable").isSameAs(embedded);
        }
    }

    @Test
    void unconnectedSendWhoseMessageSizeExceedsTheDataIsAnAnomaly() {
        var d = decoded("52022006240107f9 ff00 0e0220012401");
        assertThat(codes(d)).contains("cip_embedded_length_exceeds_frame");
        assertThat(d.message().embedded())
                .singleElement()
                .extracting(CipMessage::service)
                .isEqualTo(0x0E);
    }

    @Test
    void fewerThanTwoOctetsAreNoMessage() {
        assertThat(decode("0e")).isInstanceOf(CipDecode.Invalid.class);
        assertThat(decode("8e00")).isInstanceOf(CipDecode.Invalid.class);
    }

    @Test
    void aRequestWithoutEmbeddedMessagesOnAPathOfUpTo64OctetsIsOneSharedValuePerServiceAndPath() {
        var first = (CipMessage.Request) decoded("0e02 20012401").message();
        var again = (CipMessage.Request) decoded("0e02 20012401").message();
        var otherService = (CipMessage.Request) decoded("1002 20012401").message();
        var symbolic = (CipMessage.Request)
                decoded("4c06 9109 53746174696f6e3132 00 0100").message();

        assertThat(again).isSameAs(first);
        assertThat(otherService).isNotSameAs(first).isEqualTo(new CipMessage.Request(0x10, first.path(), List.of()));
        // a path of 9 to 64 octets (a tag name) is kept by its octets too
        assertThat(decoded("4c06 9109 53746174696f6e3132 00 0100").message()).isSameAs(symbolic);
        // a longer one is decoded afresh each time: its requests are equal, not shared
        String longTag = "4c24 9146" + "41".repeat(70) + " 0100";
        var longSymbolic = decoded(longTag).message();
        assertThat(decoded(longTag).message()).isNotSameAs(longSymbolic).isEqualTo(longSymbolic);
        assertThat(((CipMessage.Request) longSymbolic).path().symbol()).hasValue("A".repeat(70));
        // its embedded plain requests are shared (a path keeps the request of its last service)
        String twice = "0a02 20022401" + "0200 0600 0c00" + "0e02 20012401" + "0e02 20012401";
        var packet = decoded(twice).message();
        assertThat(packet.embedded().get(1)).isSameAs(packet.embedded().getFirst());
        assertThat(packet.embedded().getFirst()).isEqualTo(first);
        // another decoder builds an equal Multiple Service Packet of its own
        byte[] octets = HexFormat.of().parseHex(twice.replace(" ", ""));
        CipDecode fresh = new CipDecoder(16, 3, 16).decode(octets, 0, octets.length);
        assertThat(((CipDecode.Decoded) fresh).message()).isNotSameAs(packet).isEqualTo(packet);
    }

    @Test
    void aDecoderHandsOutTheMessageItBuiltForAMultipleServicePacketOfTheSameContentAgain() {
        String requests = "0a02 20022401" + "0200 0600 0c00" + "0e02 20012401" + "0e02 20012401";
        String replies = "8a00 0000" + "0200 0600 0a00" + "8e00 0000" + "8e00 0000";
        String otherReplies = "8a00 0000" + "0200 0600 0a00" + "8e00 0000" + "8e00 0500";
        String otherRequests = "0a02 20022401" + "0200 0600 0c00" + "0e02 20012401" + "0e02 20012402";
        var request = decoded(requests).message();
        var reply = decoded(replies).message();
        var otherReply = decoded(otherReplies).message();
        var otherRequest = decoded(otherRequests).message();

        // the same content again: the same object (with others in between it may have been
        // replaced in the table, whose slots are by identity hash: then an equal one)
        assertThat(decoded(otherRequests).message()).isSameAs(otherRequest);
        assertThat(decoded(requests).message()).isEqualTo(request);
        assertThat(decoded(replies).message()).isEqualTo(reply);
        var replyAgain = decoded(replies).message();
        assertThat(decoded(replies).message()).isSameAs(replyAgain);
        // another embedded message makes another message, equal to what it is
        assertThat(otherReply).isNotEqualTo(reply);
        assertThat(((CipMessage.Response) otherReply.embedded().get(1)).generalStatus())
                .isEqualTo(0x05);
        assertThat(otherRequest).isNotEqualTo(request);
        assertThat(((CipMessage.Request) otherRequest.embedded().get(1)).path().instanceId())
                .hasValue(2);
        // a reply with additional status is not handed out again: it is built each time
        String withStatus = "8a00 1e01 2200" + "0200 0600 0a00" + "8e00 0000" + "8e00 0000";
        var extended = decoded(withStatus).message();
        assertThat(decoded(withStatus).message()).isNotSameAs(extended).isEqualTo(extended);
        // a Multiple Service Packet in an Unconnected Send: both levels handed out again
        String nested = "5202 20062401" + "0a00 1800" + requests.replace(" ", "") + "0100 0100";
        var outer = decoded(nested).message();
        var again = decoded(nested).message();
        assertThat(again).isSameAs(outer);
        assertThat(outer.embedded().getFirst()).isEqualTo(request);
    }

    /** Messages of every shape the decoder knows, the damaged ones included. */
    private static List<String> variedMessages() {
        List<String> hex = new ArrayList<>(List.of(
                "0702208e2401",
                "cb00 00 00 0102",
                "8e00 1f 01 3412",
                "0a02 20022401 0200 0600 0c00 0e02 20012401 1002 20012401",
                "52022006240107f9 0600 010220012401 0100 0100",
                "5202206b2401 0000",
                "0eff 20012401",
                "0a02 20022401 ffff 0600",
                "0a02 20022401 0200 0600 0200 0e02 20012401",
                "0a02 20022401 0100 ff00",
                "52022006240107f9 ff00 0e0220012401",
                "4c06 9109 53746174696f6e3132 00 0100",
                "8a00 00 00 0200 0600 0a00 8e00 0000 9000 1e00",
                "0e"));
        String nested = "0e02 20012401";
        for (int i = 0; i < 4; i++) {
            nested = "0a02 20022401 0100 0400 " + nested;
            hex.add(nested);
        }
        StringBuilder packet = new StringBuilder("0a02 20022401 1400");
        for (int i = 0; i < 20; i++) {
            packet.append(String.format("%02x00", 2 + 2 * 20 + 6 * i));
        }
        for (int i = 0; i < 20; i++) {
            packet.append("0e02 20012401");
        }
        hex.add(packet.toString());
        return hex;
    }

    @Test
    void aDecoderUsedForMessageAfterMessageCarriesNothingFromOneToTheNext() {
        // the decoder keeps its working state between calls: every message, in any order and at any
        // offset, must decode exactly as it does on a decoder that never saw another message
        List<String> messages = variedMessages();
        Random random = new Random(20261127);
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < messages.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        for (int i : order) {
            byte[] bytes = HexFormat.of().parseHex(messages.get(i).replace(" ", ""));
            int offset = random.nextInt(5);
            byte[] placed = new byte[offset + bytes.length + random.nextInt(5)];
            random.nextBytes(placed);
            System.arraycopy(bytes, 0, placed, offset, bytes.length);

            CipDecode reused = decoder.decode(placed, offset, bytes.length);
            CipDecode fresh = new CipDecoder(16, 3, 16).decode(bytes, 0, bytes.length);

            if (fresh instanceof CipDecode.Invalid f) {
                assertThat(reused).isEqualTo(new CipDecode.Invalid(f.error(), f.offset() + offset, f.value()));
            } else {
                assertThat(reused).as(messages.get(i)).isEqualTo(fresh);
            }
        }
    }

    @Test
    void theDecodeIntoACallersListGivesTheMessageAndAnomaliesOfTheDecodeResult() {
        // the dissector's path: no result object, the anomalies appended to the caller's list after
        // what it holds already; null exactly where the result is Invalid
        Random random = new Random(44_818);
        CipDecoder reused = new CipDecoder(16, 3, 16);
        int withAnomalies = 0;
        int invalid = 0;
        for (String hex : variedMessages()) {
            byte[] whole = HexFormat.of().parseHex(hex.replace(" ", ""));
            for (int length = 0; length <= whole.length; length++) {
                CipDecode expected = new CipDecoder(16, 3, 16).decode(whole, 0, length);
                Anomaly before = CipError.TRUNCATED.anomaly("already there");
                List<Anomaly> sink = new ArrayList<>(List.of(before));
                int offset = random.nextInt(5);
                byte[] placed = new byte[offset + length + random.nextInt(5)];
                random.nextBytes(placed);
                System.arraycopy(whole, 0, placed, offset, length);

                CipMessage m = reused.decode(placed, offset, length, sink);

                switch (expected) {
                    case CipDecode.Decoded d -> {
                        assertThat(m).as("%s cut to %d", hex, length).isEqualTo(d.message());
                        List<Anomaly> all = new ArrayList<>(List.of(before));
                        all.addAll(d.anomalies());
                        assertThat(sink).as("%s cut to %d", hex, length).isEqualTo(all);
                        withAnomalies += d.anomalies().isEmpty() ? 0 : 1;
                    }
                    case CipDecode.Invalid i -> {
                        assertThat(m).as("%s cut to %d", hex, length).isNull();
                        assertThat(sink).containsExactly(before);
                        invalid++;
                    }
                }
            }
        }
        assertThat(withAnomalies).as("cases with anomalies").isGreaterThan(10);
        assertThat(invalid).as("cases too short to decode").isGreaterThan(10);
    }
}
