package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFeed;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile EtherNet/IP input, fed whole and as 1-octet segments: each case ends in its counted
 * anomaly, nothing throws, the dissector contract holds on every call, and a valid ListIdentity
 * request sent afterwards is still decoded.
 */
class EnipMalformedInputTest {

    private static final int MAX_NEED_MORE = EnipLimits.HEADER_LENGTH + EnipLimits.DEFAULT.maxEncapsulationLength();
    private static final byte[] STOP = EnipVectors.STOP.bytes();

    static Stream<Arguments> cases() {
        return Stream.of(
                malformed(
                        "encapsulation length 65535 with a short frame",
                        hex("70" + "00ffff" + "00".repeat(20)),
                        "enip_length_exceeds_limit"),
                malformed("encapsulation length 65535 in a bare header", hex("7000ffff"), "enip_length_exceeds_limit"),
                malformed("options not zero", hex("63000000" + "00".repeat(16) + "01000000"), "enip_header_invalid"),
                malformed(
                        "status above 0xFF",
                        hex("63000000" + "00000000" + "00010000" + "00".repeat(12)),
                        "enip_header_invalid"),
                malformed("command above 0x00FF", hex("6301"), "enip_header_invalid"),
                malformed("CPF item count 0xFFFF", patch(STOP, 30, 0xFF, 0xFF), "enip_cpf_item_count_exceeds_limit"),
                malformed(
                        "CPF item count 3 with two items", patch(STOP, 30, 3, 0), "enip_cpf_item_count_exceeds_frame"),
                malformed(
                        "CPF item length larger than the frame",
                        patch(STOP, 42, 0xFF, 0x00),
                        "enip_cpf_item_length_exceeds_frame"),
                malformed("EPATH size larger than the frame", patch(STOP, 47, 0x7F), "cip_path_exceeds_frame"),
                malformed("EPATH with a reserved segment", patch(STOP, 48, 0xE0), "cip_path_segment_invalid"),
                malformed(
                        "Multiple Service Packet count 0xFFFF",
                        patch(EnipVectors.MULTIPLE_REQUEST.bytes(), 52, 0xFF, 0xFF),
                        "cip_service_count_exceeds_frame"),
                malformed(
                        "Multiple Service Packet offset outside the message",
                        patch(EnipVectors.MULTIPLE_REQUEST.bytes(), 54, 0xFF, 0x7F),
                        "cip_service_offset_invalid"),
                malformed(
                        "Unconnected Send message size 0xFFFF",
                        patch(EnipVectors.UNCONNECTED_SEND.bytes(), 48, 0xFF, 0xFF),
                        "cip_embedded_length_exceeds_frame"),
                malformed(
                        "identity item shorter than its fields",
                        patch(EnipVectors.LIST_IDENTITY_REPLY.bytes(), 28, 0x10, 0x00),
                        "enip_identity_truncated"),
                malformed(
                        "SendRRData shorter than interface handle and timeout",
                        hex("6f000200" + "00".repeat(20) + "0000"),
                        "enip_data_truncated"),
                malformed(
                        "RegisterSession without its version",
                        hex("65000000" + "00".repeat(20)),
                        "enip_data_truncated"),
                malformed("garbage", hex("ffffffffffffffffffff"), "enip_header_invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputEndsInItsAnomalyAndTheStreamRecovers(String name, byte[] input, String code) {
        byte[] stream = concat(input, EnipVectors.LIST_IDENTITY_REQUEST.bytes());
        List<String> wholeCodes = null;
        for (int chunk : new int[] {stream.length, 1}) {
            var outcome = DissectorFeed.feed(
                    new EnipDissectorFactory().newDissector(), stream, chunk, Direction.REQUEST, MAX_NEED_MORE);
            assertThat(outcome.anomalyCodes())
                    .as("%s in %d-octet segments", name, chunk)
                    .contains(code);
            assertThat(outcome.abandoned()).isFalse();
            if (wholeCodes == null) {
                wholeCodes = outcome.anomalyCodes();
            } else {
                assertThat(outcome.anomalyCodes())
                        .as("the same anomalies however the octets arrive")
                        .isEqualTo(wholeCodes);
            }
            assertThat(outcome.messages()).isNotEmpty();
            assertThat(outcome.messages().getLast().functionName()).as(name).isEqualTo("ListIdentity");
        }
    }

    private static Arguments malformed(String name, byte[] input, String code) {
        return Arguments.of(name, input, code);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] patch(byte[] bytes, int index, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[index + i] = (byte) values[i];
        }
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
