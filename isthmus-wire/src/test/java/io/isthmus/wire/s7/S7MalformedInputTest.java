package io.isthmus.wire.s7;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.MessageSummary;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile ISO-on-TCP input, fed whole and as 1-octet segments: each case ends in its counted
 * anomaly, nothing throws, the dissector contract holds on every call (checked by {@link
 * DissectorFeed}), and a valid Setup Communication job sent afterwards is still decoded, so the
 * stream recovers.
 */
class S7MalformedInputTest {

    private static final int MAX_NEED_MORE = S7Limits.DEFAULT.maxTpktLength();

    static Stream<Arguments> cases() {
        return Stream.of(
                malformed("TPKT length 0", hex("03000000"), "tpkt_length_too_short"),
                malformed("TPKT length 1", hex("03000001"), "tpkt_length_too_short"),
                malformed("TPKT length 2", hex("03000002"), "tpkt_length_too_short"),
                malformed("TPKT length 3", hex("03000003"), "tpkt_length_too_short"),
                malformed("TPKT length 4", hex("03000004"), "tpkt_length_too_short"),
                malformed("TPKT length 5", hex("0300000502"), "tpkt_length_too_short"),
                malformed("TPKT length 6", hex("0300000602f0"), "tpkt_length_too_short"),
                malformed("TPKT length 8197 above the limit", hex("0300200502f080"), "tpkt_length_exceeds_limit"),
                malformed("TPKT length 65535 above the limit", hex("0300ffff02f080"), "tpkt_length_exceeds_limit"),
                malformed("TPKT version 2", hex("0200001902f080"), "tpkt_version_invalid"),
                malformed("garbage before the first TPKT", hex("deadbeef00"), "tpkt_version_invalid"),
                malformed(
                        "Read Var item count 0xFF with one item",
                        patch(S7Vectors.READ_VAR_JOB.bytes(), 18, 0xFF),
                        "s7_item_count_exceeds_limit"),
                malformed(
                        "Read Var item count 16 with five items",
                        patch(S7Vectors.READ_VAR_JOB.bytes(), 18, 16),
                        "s7_item_count_exceeds_frame"),
                malformed(
                        "Read Var item without the 0x12 specification",
                        patch(S7Vectors.READ_VAR_JOB.bytes(), 19, 0x13),
                        "s7_item_spec_invalid"),
                malformed(
                        "parameter length 0xFFFF beyond the frame",
                        patch(patch(S7Vectors.READ_VAR_JOB.bytes(), 13, 0xFF), 14, 0xFF),
                        "s7_length_exceeds_frame"),
                malformed(
                        "data length 0xFFFF beyond the frame",
                        patch(patch(S7Vectors.WRITE_VAR_JOB.bytes(), 15, 0xFF), 16, 0xFF),
                        "s7_length_exceeds_frame"),
                malformed(
                        "Read Var ack claiming more items than its data",
                        patch(S7Vectors.READ_VAR_ACK.bytes(), 20, 9),
                        "s7_item_count_exceeds_frame"),
                malformed(
                        "SZL answer claiming 0xFFFF records",
                        patch(patch(S7Vectors.SZL_0011_RESPONSE.bytes(), 39, 0xFF), 40, 0xFF),
                        "s7_szl_records_invalid"),
                malformed("COTP fragments that never end", unterminated(70, 8), "cotp_fragments_unterminated"),
                malformed("COTP fragments larger than the limit", unterminated(12, 8000), "cotp_reassembly_too_large"),
                malformed("COTP length indicator 255", hex("03000008fff08000"), "cotp_length_indicator_invalid"),
                malformed(
                        "COTP length indicator beyond the TPKT",
                        hex("0300000710f080"),
                        "cotp_length_indicator_invalid"),
                malformed(
                        "CR whose TSAP runs past the header",
                        hex("0300000e09e00000000100c110aa"),
                        "cotp_parameter_truncated"),
                malformed(
                        "MMS in a COTP data TPDU",
                        hex("0300001302f080010001006181a53081a2020103"),
                        "cotp_payload_not_s7"),
                malformed("S7 header cut short", hex("0300000a02f080320100"), "s7_header_truncated"),
                malformed("ROSCTR 5", hex("0300001002f080320500000100000000"), "s7_rosctr_unknown"),
                malformed("job without parameter", hex("0300001102f08032010000010000000000"), "s7_parameter_missing"),
                malformed(
                        "userdata data units that never end",
                        repeat(S7Vectors.SZL_001C_FIRST_UNIT.bytes(), 66),
                        "s7_userdata_fragments_unterminated"),
                malformed(
                        "S7comm-plus frames without a trailer that never end",
                        plusUnterminated(260),
                        "s7p_fragments_unterminated"),
                malformed(
                        "S7comm-plus frame without room for its function",
                        hex("0300000d02f08072020002310000"),
                        "s7p_header_truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputEndsInItsAnomalyAndTheStreamRecovers(String name, byte[] input, String code) {
        byte[] stream = concat(input, S7Vectors.SETUP_JOB.bytes());
        List<String> wholeCodes = null;
        for (int chunk : new int[] {stream.length, 1}) {
            var outcome = DissectorFeed.feed(
                    new S7commDissectorFactory().newDissector(), stream, chunk, Direction.REQUEST, MAX_NEED_MORE);
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
            List<MessageSummary> messages = outcome.messages();
            assertThat(messages).isNotEmpty();
            assertThat(messages.getLast().functionName()).as(name).isEqualTo("Setup Communication");
        }
    }

    private static Arguments malformed(String name, byte[] input, String code) {
        return Arguments.of(name, input, code);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] patch(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] repeat(byte[] frame, int times) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** {@code count} DT TPDUs of {@code size} octets without EOT, then one with EOT. */
    private static byte[] unterminated(int count, int size) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i <= count; i++) {
            int length = 7 + size;
            out.writeBytes(new byte[] {
                3, 0, (byte) (length >> 8), (byte) length, 2, (byte) 0xF0, (byte) (i == count ? 0x80 : 0)
            });
            out.writeBytes(new byte[size]);
        }
        return out.toByteArray();
    }

    /** S7comm-plus frames of 8 data octets and no trailer: a message that never ends. */
    private static byte[] plusUnterminated(int count) {
        return repeat(hex("0300001302f080" + "72020008" + "3100000542000000"), count);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
