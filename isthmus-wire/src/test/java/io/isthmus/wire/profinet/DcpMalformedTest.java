package io.isthmus.wire.profinet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
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
 * Hostile DCP frames: each ends in exactly the expected anomaly, the frame is consumed whole, and
 * a frame whose blocks break still names its service (a broken Set is still a write).
 */
class DcpMalformedTest {

    private static String frame(String serviceAndType, int dataLength, String blocks) {
        return "fefd" + serviceAndType + "01020304" + "0000" + String.format("%04x", dataLength) + blocks;
    }

    static Stream<Arguments> cases() {
        String manyBlocks = "020200020001".repeat(70);
        return Stream.of(
                Arguments.of("one octet", "fe", "pn_dcp_truncated"),
                Arguments.of("header cut after the Xid", "fefe050001000001", "pn_dcp_truncated"),
                Arguments.of(
                        "DCPDataLength beyond the frame",
                        frame("0400", 200, "0102000e0001c0a8000affffff00c0a80001"),
                        "pn_dcp_data_length_exceeds_frame"),
                Arguments.of("DCPDataLength 65535", frame("0400", 0xFFFF, ""), "pn_dcp_data_length_exceeds_frame"),
                Arguments.of(
                        "block length beyond the data",
                        frame("0400", 16, "0102" + "00ff" + "0001c0a8000affffff00c0a8"),
                        "pn_dcp_block_length_exceeds_data"),
                Arguments.of(
                        "block length 65535",
                        frame("0400", 10, "020200020001" + "0202ffff"),
                        "pn_dcp_block_length_exceeds_data"),
                Arguments.of(
                        "DCPDataLength cutting a block header",
                        frame("0400", 2, "0102000e0001c0a8000affffff00c0a80001"),
                        "pn_dcp_block_truncated"),
                Arguments.of(
                        "Set block without room for its qualifier",
                        frame("0400", 5, "0202000100"),
                        "pn_dcp_block_too_short"),
                Arguments.of(
                        "more blocks than the limit",
                        frame("0400", manyBlocks.length() / 2, manyBlocks),
                        "pn_dcp_block_count_exceeded"),
                Arguments.of("reserved ServiceID 9", frame("0900", 0, ""), "pn_dcp_service_reserved"),
                Arguments.of(
                        "Identify in a Get/Set frame", frame("0500", 4, "ffff0000"), "pn_dcp_service_frame_mismatch"),
                Arguments.of("undefined ServiceType 7", frame("0407", 0, ""), "pn_dcp_service_type_unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInTheExpectedAnomalyAndConsumesTheFrame(String name, String hex, String code) {
        byte[] frame = HexFormat.of().parseHex(hex);
        Dissection d = new DcpDissector(DcpLimits.DEFAULT).next(ByteBuffer.wrap(frame), Direction.REQUEST);
        List<String> codes = new ArrayList<>();
        switch (d) {
            case Dissection.Malformed m -> {
                assertThat(m.skip()).isEqualTo(frame.length);
                codes.add(m.anomaly().code());
            }
            case Dissection.Messages m -> {
                assertThat(m.consumed()).isEqualTo(frame.length);
                m.messages()
                        .forEach(s -> s.anomalies().stream().map(Anomaly::code).forEach(codes::add));
            }
            case Dissection.NeedMore n -> throw new AssertionError("a frame never needs more: " + n);
        }
        assertThat(codes).containsExactly(code);
    }

    @org.junit.jupiter.api.Test
    void aSetWithABrokenBlockIsStillAWrite() {
        byte[] frame = HexFormat.of().parseHex(frame("0400", 16, "0102" + "00ff" + "0001c0a8000affffff00c0a8"));
        var d = (Dissection.Messages)
                new DcpDissector(DcpLimits.DEFAULT).next(ByteBuffer.wrap(frame), Direction.REQUEST);
        assertThat(d.messages().get(0).access()).isEqualTo(AccessKind.WRITE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "feff0501010000010000005e0205001c00000101010202010202020302040205033d0501050205030504ffff020100050000494e43000202000b0000583230382d424f524400020300060000002a0a0102040004000001000102000e0001c0a80006ffffff00c0a80001",
                "fefd04000100000100000014020200090001256e256e256e2000050200020000"
            })
    void everyTruncationOfAValidFrameIsFlaggedNeverAnException(String hex) {
        byte[] frame = HexFormat.of().parseHex(hex);
        for (int cut = 0; cut < frame.length; cut++) {
            Dissection d = new DcpDissector(DcpLimits.DEFAULT)
                    .next(ByteBuffer.wrap(frame, 0, cut).slice(), Direction.REQUEST);
            boolean flagged = d instanceof Dissection.Malformed
                    || d instanceof Dissection.Messages m
                            && !m.messages().get(0).anomalies().isEmpty();
            assertThat(flagged).as("cut at %d: %s", cut, d).isTrue();
        }
    }
}
