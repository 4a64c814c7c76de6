package io.isthmus.wire.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile BACnet/IP datagrams: each ends in exactly one expected anomaly (as Malformed when a
 * layer's fixed fields are broken, on the summary when only the service parameters are), and the
 * whole datagram is consumed. BACnet/IP is UDP, so each case is one datagram.
 */
class BacnetMalformedTest {

    private static String bvll(String function, String rest) {
        int length = 4 + rest.length() / 2;
        return "81" + function + String.format("%04x", length) + rest;
    }

    private static String readProperty(String parameters) {
        return bvll("0a", "0104" + "0005010c" + parameters);
    }

    static Stream<Arguments> cases() {
        StringBuilder manyTags = new StringBuilder("0c00000001");
        for (int i = 0; i < 300; i++) {
            manyTags.append("1e09551f");
        }
        return Stream.of(
                Arguments.of("datagram shorter than the BVLC header", "810a00", "bacnet_bvlc_truncated"),
                Arguments.of("BVLC length 2", "810a0002", "bacnet_bvlc_length_invalid"),
                Arguments.of(
                        "BVLC length 65535 in a 12-octet datagram",
                        "810bffff0120ffff00ff1008",
                        "bacnet_bvlc_length_exceeds_datagram"),
                Arguments.of(
                        "BVLC length 8 in a 12-octet datagram",
                        "810b0008" + "0100100800000000",
                        "bacnet_bvlc_length_mismatch"),
                Arguments.of("BVLC type 0x82 (BACnet/IPv6)", "820b000801001008", "bacnet_bvlc_invalid"),
                Arguments.of("undefined BVLC function 0x0d", "810d000801001008", "bacnet_bvlc_invalid"),
                Arguments.of("Forwarded-NPDU cut inside the B/IP address", "81040007c0a801", "bacnet_bvlc_truncated"),
                Arguments.of("NPDU-carrying function without an NPDU", "810a0004", "bacnet_npdu_missing"),
                Arguments.of("NPDU version 2", bvll("0b", "02001008"), "bacnet_npdu_invalid"),
                Arguments.of("DADR longer than the datagram", bvll("0a", "0120000106aabb"), "bacnet_npdu_truncated"),
                Arguments.of("DLEN 200 over the MAC limit", bvll("0a", "01200001c8aabb"), "bacnet_npdu_over_limit"),
                Arguments.of("SLEN 0", bvll("0a", "0108000100ff1008"), "bacnet_npdu_invalid"),
                Arguments.of("SADR beyond the datagram", bvll("0a", "0108000106aa"), "bacnet_npdu_truncated"),
                Arguments.of("hop count missing", bvll("0a", "0120ffff00"), "bacnet_npdu_truncated"),
                Arguments.of("reserved APDU type 9", bvll("0a", "010090"), "bacnet_apdu_invalid"),
                Arguments.of("confirmed request cut after two octets", bvll("0a", "01040005"), "bacnet_apdu_truncated"),
                Arguments.of(
                        "segmented request without its sequence number",
                        bvll("0a", "0104080501"),
                        "bacnet_apdu_truncated"),
                Arguments.of(
                        "object identifier tag claiming 4 octets with 2 left",
                        readProperty("0c0200"),
                        "bacnet_tag_truncated"),
                Arguments.of("extended tag length of 4 GB", readProperty("0dffffffffff0001"), "bacnet_tag_truncated"),
                Arguments.of("extended tag length 254 with one octet", readProperty("0dfe00"), "bacnet_tag_truncated"),
                Arguments.of("object identifier of 3 octets", readProperty("0b020000194b"), "bacnet_tag_invalid"),
                Arguments.of(
                        "writeProperty value never closed",
                        bvll("0a", "0104" + "0005010f" + "0c004000651955" + "3e" + "4442480000"),
                        "bacnet_tag_invalid"),
                Arguments.of(
                        "more tags than the limit",
                        bvll("0a", "0104" + "0005010e" + manyTags),
                        "bacnet_tag_over_limit"),
                Arguments.of(
                        "readProperty without its property",
                        readProperty("0c023fffff"),
                        "bacnet_service_parameters_unexpected"),
                Arguments.of(
                        "Error without class and code",
                        bvll("0a", "0100" + "500114"),
                        "bacnet_service_parameters_unexpected"),
                Arguments.of(
                        "I-Am with the fields out of order",
                        bvll("0b", "0100" + "1000" + "220400c4020000659100220539"),
                        "bacnet_service_parameters_unexpected"),
                Arguments.of(
                        "Who-Is with only a low limit",
                        bvll("0b", "0100" + "1008" + "0964"),
                        "bacnet_service_parameters_unexpected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneAnomalyAndConsumesTheDatagram(String name, String hex, String code) {
        byte[] datagram = HexFormat.of().parseHex(hex);
        Dissection d = new BacnetDissector(BacnetLimits.DEFAULT).next(ByteBuffer.wrap(datagram), Direction.REQUEST);
        List<String> codes = new ArrayList<>();
        switch (d) {
            case Dissection.Malformed m -> {
                assertThat(m.skip()).isEqualTo(datagram.length);
                assertThat(m.offset()).isBetween(0, datagram.length);
                codes.add(m.anomaly().code());
            }
            case Dissection.Messages m -> {
                assertThat(m.consumed()).isEqualTo(datagram.length);
                m.messages()
                        .forEach(s -> s.anomalies().stream().map(Anomaly::code).forEach(codes::add));
            }
            case Dissection.NeedMore n -> throw new AssertionError("a datagram never needs more: " + n);
        }
        assertThat(codes).contains(code).hasSizeLessThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "810a001101040005010c0c023fffff194b",
                "810a001501001000c4020000652204009100220539",
                "810a001f01240003016cff0203020f0c0040006519553e44424800003f490a",
                "8104000ec0a8010abac001001008",
                "810b000b01800100020003"
            })
    void everyTruncationOfAValidDatagramIsMalformedOrFlaggedNeverAnException(String hex) {
        byte[] datagram = HexFormat.of().parseHex(hex);
        for (int cut = 0; cut < datagram.length; cut++) {
            Dissection d = new BacnetDissector(BacnetLimits.DEFAULT)
                    .next(ByteBuffer.wrap(datagram, 0, cut).slice(), Direction.REQUEST);
            boolean flagged = d instanceof Dissection.Malformed
                    || d instanceof Dissection.Messages m
                            && !m.messages().get(0).anomalies().isEmpty();
            assertThat(flagged).as("cut at %d: %s", cut, d).isTrue();
        }
    }
}
