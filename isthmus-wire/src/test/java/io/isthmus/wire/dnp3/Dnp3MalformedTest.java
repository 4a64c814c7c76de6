package io.isthmus.wire.dnp3;

import static io.isthmus.wire.CaptureStreams.hex;
import static io.isthmus.wire.dnp3.Dnp3Frames.concat;
import static io.isthmus.wire.dnp3.Dnp3Frames.fromMaster;
import static io.isthmus.wire.dnp3.Dnp3Frames.fromOutstation;
import static io.isthmus.wire.dnp3.Dnp3Frames.request;
import static io.isthmus.wire.dnp3.Dnp3Frames.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorStreamFeed;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken DNP3 streams (the malformed table): each ends in counted anomalies,
 * the same whether delivered at once or as 1-byte TCP segments, and the good frame after the
 * damage is still decoded.
 */
class Dnp3MalformedTest {
    private static final byte[] WARM_RESTART = hex(Dnp3DissectorTest.WARM_RESTART);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "more than 63 transport segments without FIN",
                        sixtyFourSegments(),
                        List.of("dnp3_transport_too_many_segments"),
                        0),
                Arguments.of(
                        "a 4-octet start-stop range claiming 2^32 points",
                        request(hex("c0 01 | 1e 00 02 | 00 00 00 00 | ff ff ff ff")),
                        List.of("dnp3_object_range_too_large"),
                        1),
                Arguments.of(
                        "a 4-octet count of 2^32-1 CROBs in an operate",
                        request(hex("c0 04 | 0c 01 39 | ff ff ff ff | 00 00 03 01")),
                        List.of("dnp3_object_range_too_large"),
                        1),
                Arguments.of(
                        "a length octet below 5 (DNP3-Malformed.pcap frame 1 header)",
                        concat(hex("05 64 02 c4 0a 00 01 00 97 fe"), WARM_RESTART),
                        List.of("dnp3_link_length_invalid"),
                        1),
                Arguments.of(
                        "a header CRC error",
                        concat(corrupt(WARM_RESTART, 9), WARM_RESTART),
                        List.of("dnp3_link_header_crc"),
                        1),
                Arguments.of(
                        "a user-data CRC error",
                        concat(corrupt(WARM_RESTART, 11), WARM_RESTART),
                        List.of("dnp3_link_data_crc"),
                        1),
                Arguments.of(
                        "a fragment that never gets FIN before the next FIR",
                        concat(
                                fromMaster(segment(true, false, 0, hex("c0 01 3c 02 06"))),
                                request(hex("c1 01 3c 01 06"))),
                        List.of("dnp3_transport_fragment_unfinished"),
                        1),
                Arguments.of(
                        "a middle segment without a first",
                        fromOutstation(segment(false, true, 7, hex("00 00"))),
                        List.of("dnp3_transport_no_first_segment"),
                        0),
                Arguments.of(
                        "a skipped transport sequence number",
                        concat(
                                fromOutstation(segment(true, false, 0, hex("c0 81 00 00"))),
                                fromOutstation(segment(false, true, 2, hex("00")))),
                        List.of("dnp3_transport_out_of_sequence"),
                        0),
                Arguments.of(
                        "a fragment larger than 2048 octets",
                        oversizedFragment(),
                        List.of("dnp3_transport_fragment_too_large"),
                        0),
                Arguments.of(
                        "garbage with a false start before a frame",
                        concat(hex("00 11 05 64 ff ff 05 22 33 44 55 66 77 88 99"), WARM_RESTART),
                        List.of("dnp3_link_start_missing"),
                        1),
                Arguments.of(
                        "an undefined application function",
                        request(hex("c0 50 01 02 03")),
                        List.of("dnp3_app_function_unknown"),
                        1),
                Arguments.of(
                        "user data on a Request Link Status frame",
                        Dnp3Frames.frame(0xC9, 10, 1, hex("c0 c0 0d")),
                        List.of("dnp3_link_unexpected_user_data"),
                        0),
                Arguments.of(
                        "an application fragment of one octet",
                        request(hex("c0")),
                        List.of("dnp3_app_fragment_too_short"),
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInCountedAnomaliesWholeAndInOneByteSegments(
            String title, byte[] stream, List<String> anomalies, int messages) {
        for (int chunk : new int[] {stream.length, 1}) {
            Dnp3Dissector dissector = new Dnp3Dissector(Dnp3Limits.DEFAULT);
            DissectorStreamFeed feed =
                    new DissectorStreamFeed(dissector, Direction.REQUEST).feedInChunks(stream, chunk);
            assertThat(feed.anomalyCodes()).as("chunk %d", chunk).containsExactlyInAnyOrderElementsOf(anomalies);
            assertThat(feed.messages()).as("chunk %d", chunk).hasSize(messages);
            assertThat(feed.pendingBytes()).as("chunk %d", chunk).isZero();
            assertThat(feed.abandoned()).isFalse();
            assertThat(dissector.unfinished()).hasSizeLessThanOrEqualTo(Dnp3Limits.DEFAULT.maxReassemblies());
        }
    }

    private static byte[] sixtyFourSegments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fromOutstation(segment(true, false, 0, hex("c0 81 00 00"))));
        for (int sequence = 1; sequence <= 63; sequence++) {
            out.writeBytes(fromOutstation(segment(false, false, sequence, hex("00"))));
        }
        return out.toByteArray();
    }

    private static byte[] oversizedFragment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[249];
        for (int sequence = 0; sequence < 9; sequence++) {
            out.writeBytes(fromOutstation(segment(sequence == 0, false, sequence, chunk)));
        }
        return out.toByteArray();
    }

    private static byte[] corrupt(byte[] frame, int index) {
        byte[] copy = frame.clone();
        copy[index] ^= 0x5A;
        return copy;
    }
}
