package io.isthmus.wire.dnp3;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorStreamFeed;
import io.isthmus.wire.MessageSummary;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real frames from the shared captures (named with their frame numbers; see captures/SOURCES.md)
 * through the whole DNP3 stack: link (IEEE 1815-2012 clause 9), transport (clause 8) and
 * application (clause 4).
 */
class Dnp3DissectorTest {
    // dnp3__ITI__cold_restart_and_response.pcap frames 4 and 6
    static final String COLD_RESTART = "05 64 08 c4 0a 00 01 00 fc 42 | c0 c0 0d 9c 86";
    static final String COLD_RESTART_RESPONSE = "05 64 0a 44 01 00 0a 00 6e 25 | c0 c0 81 00 01 c2 de";
    // dnp3__ITI__warm_restart_and_response.pcap frame 4
    static final String WARM_RESTART = "05 64 08 c4 0a 00 01 00 fc 42 | c0 c0 0e 7e dc";
    // dnp3__ITI__select_operate_and_responses.pcap frames 4, 6, 7
    static final String SELECT = "05 64 1a c4 0a 00 01 00 8a 1c"
            + "| c0 c0 03 0c 01 28 01 00 00 00 03 01 64 00 00 00 fd 6b | 64 00 00 00 00 | 00 5b";
    static final String SELECT_RESPONSE = "05 64 1c 44 01 00 0a 00 76 36"
            + "| c6 c0 81 00 00 0c 01 28 01 00 00 00 03 01 64 00 c3 96 | 00 00 64 00 00 00 00 00 5b";
    static final String OPERATE = "05 64 1a c4 0a 00 01 00 8a 1c"
            + "| c1 c1 04 0c 01 28 01 00 00 00 03 01 64 00 00 00 b9 f0 | 64 00 00 00 00 | 00 5b";
    // dnp3__ITI__direct_operate_no_ack_crob.pcap frame 1
    static final String DIRECT_OPERATE_NR = "05 64 1a c4 04 00 03 00 c2 e6"
            + "| d0 ce 06 0c 01 28 01 00 01 00 03 01 64 00 00 00 e0 96 | 64 00 00 00 00 | 00 5b";
    // dnp3__ITI__file_delete.pcap frame 1
    static final String DELETE_FILE = "05 64 38 c4 04 00 03 00 f7 31"
            + "| f0 c1 1b 46 03 5b 01 2a 00 1a 00 10 00 00 00 00 30 04"
            + "| 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff ff"
            + "| 00 12 00 2e 2f 68 65 6c 6c 6f 77 6f 72 6c 64 2e a4 2d | 74 78 74 5e da";
    // dnp3__ITI__unsolcited_response_and_confirm.pcap frames 4 and 5
    static final String UNSOLICITED = "05 64 0a 44 01 00 0a 00 6e 25 | c0 f0 82 00 00 44 66";
    static final String UNSOLICITED_CONFIRM = "05 64 08 c4 0a 00 01 00 fc 42 | c0 d0 00 1b 49";
    // dnp3__ITI__write_iin_and_response.pcap frame 4
    static final String WRITE_IIN = "05 64 0e c4 0a 00 01 00 25 29 | c0 c0 02 50 01 00 07 07 00 2c 49";
    // dnp3__ITI__dnp3_read_p20001.pcap frame 4: class 1230 read on port 20001
    static final String READ_CLASSES =
            "05 64 14 c4 02 00 03 00 45 03" + "| c7 c8 01 3c 02 06 3c 03 06 3c 04 06 3c 01 06 42 ac";
    // dnp3__ITI__dnp3_file_read.pcap frames 9, 11, 13, 15: one response in four transport segments
    static final String FILE_READ_SEGMENTS = "/io/isthmus/wire/dnp3/file_read_response_segments.hex";
    // dnp3__chowdery__mal_unsol.pcap frame 1: three link frames in one TCP segment
    static final String THREE_RESPONSES = "05 64 1a 44 00 00 01 00 78 40"
            + "| fe c5 81 00 00 01 02 00 00 02 01 01 81 14 02 00 e2 c4 | 01 01 00 00 00 11 1e"
            + "| 05 64 1a 44 00 00 01 00 78 40"
            + "| ff c5 81 00 00 01 02 00 00 02 01 01 81 14 02 00 6e 89 | 01 01 00 00 00 11 1e"
            + "| 05 64 22 44 00 00 01 00 e7 53"
            + "| c0 e5 81 00 00 02 01 17 02 01 81 01 01 01 02 00 2b 98 | 00 02 01 01 81 14 02 00 01 01 00 00 00 57 40";

    private static List<MessageSummary> dissect(String... frames) {
        DissectorStreamFeed feed = new DissectorStreamFeed(new Dnp3Dissector(Dnp3Limits.DEFAULT), Direction.REQUEST);
        for (String f : frames) {
            feed.feed(hex(f));
        }
        assertThat(feed.malformed()).isEmpty();
        return feed.messages();
    }

    private static MessageSummary one(String frame) {
        return dissect(frame).get(0);
    }

    @Test
    void aColdRestartFromTheMasterIsAControlRequestToItsDestination() {
        MessageSummary m = one(COLD_RESTART);
        assertThat(m.protocol()).isEqualTo(Protocol.DNP3);
        assertThat(m.direction()).isEqualTo(Direction.REQUEST);
        assertThat(m.function()).isEqualTo(13);
        assertThat(m.functionName()).isEqualTo("Cold Restart");
        assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(m.unit()).isEqualTo(OptionalLong.of(10));
        assertThat(m.transaction()).isEqualTo(OptionalLong.of(0));
        assertThat(m.attributes()).contains(new Attribute("source", "1"));
        assertThat(m.anomalies()).isEmpty();
    }

    @Test
    void theResponseToAColdRestartReportsItsProblemIinBitsAsStatus() {
        MessageSummary m = one(COLD_RESTART_RESPONSE);
        assertThat(m.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(m.function()).isEqualTo(129);
        assertThat(m.status()).isEqualTo(Optional.of("NO_FUNC_CODE_SUPPORT"));
        assertThat(m.attributes()).contains(new Attribute("iin", "NO_FUNC_CODE_SUPPORT"));
    }

    @Test
    void aResponseSeenByTheSameDissectorIsClassifiedByTheRequestItAnswers() {
        List<MessageSummary> m = dissect(COLD_RESTART, COLD_RESTART_RESPONSE);
        assertThat(m).extracting(MessageSummary::access).containsExactly(AccessKind.CONTROL, AccessKind.CONTROL);
    }

    @Test
    void aResponseAloneEchoingControlObjectsIsClassifiedAsControl() {
        MessageSummary m = one(SELECT_RESPONSE);
        assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(m.direction()).isEqualTo(Direction.RESPONSE);
    }

    @Test
    void aWarmRestartIsControl() {
        assertThat(one(WARM_RESTART)).satisfies(m -> {
            assertThat(m.function()).isEqualTo(14);
            assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        });
    }

    @Test
    void selectAndOperateOfACrobAreControlWithTheirPointIndex() {
        List<MessageSummary> m = dissect(SELECT, OPERATE);
        assertThat(m).extracting(MessageSummary::function).containsExactly(3, 4);
        assertThat(m).extracting(MessageSummary::access).containsOnly(AccessKind.CONTROL);
        assertThat(m).extracting(MessageSummary::transaction).containsExactly(OptionalLong.of(0), OptionalLong.of(1));
        assertThat(m.get(0).address()).hasValue(0);
        assertThat(m.get(0).quantity()).hasValue(1);
        assertThat(m.get(0).attributes()).contains(new Attribute("objects", "g12v1 q0x28 n=1 @0"));
    }

    @Test
    void aDirectOperateWithoutAckIsControl() {
        MessageSummary m = one(DIRECT_OPERATE_NR);
        assertThat(m.function()).isEqualTo(6);
        assertThat(m.functionName()).isEqualTo("Direct Operate No Ack");
        assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(m.unit()).hasValue(4);
        assertThat(m.address()).hasValue(1);
    }

    @Test
    void deletingAFileIsProgramAccess() {
        MessageSummary m = one(DELETE_FILE);
        assertThat(m.function()).isEqualTo(27);
        assertThat(m.access()).isEqualTo(AccessKind.PROGRAM);
        assertThat(m.anomalies()).isEmpty();
    }

    @Test
    void anUnsolicitedResponseAndItsConfirmTravelInOppositeDirections() {
        List<MessageSummary> m = dissect(UNSOLICITED, UNSOLICITED_CONFIRM);
        assertThat(m).extracting(MessageSummary::function).containsExactly(130, 0);
        assertThat(m).extracting(MessageSummary::direction).containsExactly(Direction.RESPONSE, Direction.REQUEST);
        assertThat(m).allSatisfy(s -> assertThat(s.attributes()).contains(new Attribute("unsolicited", "true")));
    }

    @Test
    void writingTheIinRestartBitIsAWrite() {
        MessageSummary m = one(WRITE_IIN);
        assertThat(m.function()).isEqualTo(2);
        assertThat(m.access()).isEqualTo(AccessKind.WRITE);
        assertThat(m.address()).hasValue(7);
    }

    @Test
    void aReadOfAllClassesIsARead() {
        MessageSummary m = one(READ_CLASSES);
        assertThat(m.function()).isEqualTo(1);
        assertThat(m.access()).isEqualTo(AccessKind.READ);
        assertThat(m.address()).isEmpty();
    }

    @Test
    void aResponseInFourTransportSegmentsIsOneMessageOnTheLastSegment() {
        List<String> frames = FileReadSegments.frames();
        DissectorStreamFeed feed = new DissectorStreamFeed(new Dnp3Dissector(Dnp3Limits.DEFAULT), Direction.RESPONSE);
        for (int i = 0; i < frames.size(); i++) {
            feed.feed(hex(frames.get(i)));
            assertThat(feed.messages()).hasSize(i == frames.size() - 1 ? 1 : 0);
        }
        MessageSummary m = feed.messages().get(0);
        assertThat(m.function()).isEqualTo(129);
        assertThat(m.access()).isEqualTo(AccessKind.PROGRAM);
        assertThat(m.anomalies()).isEmpty();
    }

    @Test
    void threeLinkFramesInOneSegmentGiveThreeMessages() {
        assertThat(dissect(THREE_RESPONSES))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.anomalies()).isEmpty());
    }

    @Test
    void linkOnlyFramesAreConsumedWithoutMessages() {
        // dnp3__ITI__DNP3-RequestLink.pcap frame 4: Request Link Status, no user data.
        DissectorStreamFeed feed = new DissectorStreamFeed(new Dnp3Dissector(Dnp3Limits.DEFAULT), Direction.REQUEST);
        feed.feed(hex("05 64 05 c9 03 00 04 00 bd 71"));
        assertThat(feed.messages()).isEmpty();
        assertThat(feed.malformed()).isEmpty();
        assertThat(feed.pendingBytes()).isZero();
    }

    static Stream<Arguments> validStreams() {
        return Stream.of(
                Arguments.of("cold restart", COLD_RESTART + COLD_RESTART_RESPONSE, 2),
                Arguments.of("select", SELECT, 1),
                Arguments.of("delete file", DELETE_FILE, 1),
                Arguments.of("three frames", THREE_RESPONSES, 3),
                Arguments.of("file read segments", String.join("", FileReadSegments.frames()), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validStreams")
    void everyChunkSplitOfAValidStreamGivesTheSameMessagesAndNoMalformed(String title, String stream, int count) {
        byte[] bytes = hex(stream);
        List<MessageSummary> whole = dissect(stream);
        assertThat(whole).hasSize(count);
        for (int split = 1; split < bytes.length; split++) {
            DissectorStreamFeed feed =
                    new DissectorStreamFeed(new Dnp3Dissector(Dnp3Limits.DEFAULT), Direction.REQUEST);
            feed.feed(java.util.Arrays.copyOfRange(bytes, 0, split));
            feed.feed(java.util.Arrays.copyOfRange(bytes, split, bytes.length));
            assertThat(feed.malformed()).as("split at %d", split).isEmpty();
            assertThat(feed.messages()).as("split at %d", split).isEqualTo(whole);
        }
        DissectorStreamFeed bytewise = new DissectorStreamFeed(new Dnp3Dissector(Dnp3Limits.DEFAULT), Direction.REQUEST)
                .feedInChunks(bytes, 1);
        assertThat(bytewise.malformed()).isEmpty();
        assertThat(bytewise.messages()).isEqualTo(whole);
    }

    @Test
    void aFragmentStillAssemblingIsReportedWhenAsked() {
        Dnp3Dissector dissector = new Dnp3Dissector(Dnp3Limits.DEFAULT);
        DissectorStreamFeed feed = new DissectorStreamFeed(dissector, Direction.RESPONSE);
        feed.feed(hex(FileReadSegments.frames().get(0)));
        assertThat(dissector.unfinished())
                .singleElement()
                .satisfies(a -> assertThat(a.code()).isEqualTo("dnp3_transport_fragment_unfinished"));
    }
}
