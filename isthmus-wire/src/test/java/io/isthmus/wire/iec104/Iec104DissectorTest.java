package io.isthmus.wire.iec104;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorStreamFeed;
import io.isthmus.wire.MessageSummary;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real APDUs from the shared captures (frame numbers named; see captures/SOURCES.md) through the
 * IEC 60870-5-104 dissector: APCI (clause 5) and ASDU (IEC 60870-5-101 clause 7).
 */
class Iec104DissectorTest {
    // iec104__ITI__090813_diverse.pcap
    static final String TESTFR_ACT = "68 04 43 00 00 00"; // frame 3
    static final String TESTFR_CON = "68 04 83 00 00 00"; // frame 5
    static final String S_FORMAT = "68 04 01 00 9c 00"; // frame 7
    static final String SINGLE_COMMAND_ACT = "68 0e 2c 00 a2 00 | 2d 01 06 00 03 00 | 94 11 00 | 81"; // frame 25
    static final String SINGLE_COMMAND_CON = "68 0e a2 00 2e 00 | 2d 01 07 00 03 00 | 94 11 00 | 81"; // frame 27
    static final String SETPOINT_FLOAT_ACT =
            "68 12 34 00 b0 00 | 32 01 06 00 03 00 | 9c 13 00 | 00 00 40 41 | 80"; // frame 51
    static final String INTERROGATION_ACT = "68 0e 3c 00 bc 00 | 64 01 06 00 03 00 | 00 00 00 | 14"; // frame 73
    static final String SINGLE_POINTS_INROGEN =
            "68 12 be 00 3e 00 | 01 02 14 00 03 00 | 01 00 00 01 | 02 00 00 00"; // frame 77
    static final String FLOATS_PERIODIC =
            "68 1a 9a 00 28 00 | 0d 02 01 00 03 00 | 14 05 00 00 00 f0 41 00 | 15 05 00 00 00 31 44 00"; // frame 1
    // iec104__ITI__TestDissectIec104.pcap frame 110: four APDUs in one TCP segment (S, I, I, I).
    static final String FOUR_APDUS = "68 04 01 00 02 00"
            + "| 68 0e 02 00 02 00 64 01 07 00 0d 91 00 00 00 14"
            + "| 68 16 04 00 02 00 01 89 14 00 0d 91 1a 27 00 d0 80 80 80 c0 80 80 80 80"
            + "| 68 10 06 00 02 00 03 83 14 00 0d 91 2a 4e 00 80 80 80";
    // iec104__ITI__TestDissectIec104.pcap frame 140: S-format, then C_CS_NA_1 actcon.
    static final String CLOCK_SYNC_CON =
            "68 04 01 00 0e 00 | 68 14 16 00 0e 00 67 01 07 04 0d 91 00 00 00 c8 32 39 08 1d 08 08";

    private static List<MessageSummary> dissect(Direction hint, String stream) {
        DissectorStreamFeed feed =
                new DissectorStreamFeed(new Iec104Dissector(Iec104Limits.DEFAULT), hint).feed(hex(stream));
        assertThat(feed.malformed()).isEmpty();
        assertThat(feed.pendingBytes()).isZero();
        return feed.messages();
    }

    private static MessageSummary one(Direction hint, String stream) {
        return dissect(hint, stream).get(0);
    }

    @Test
    void aSingleCommandActivationIsAControlRequestToItsCommonAddress() {
        MessageSummary m = one(Direction.REQUEST, SINGLE_COMMAND_ACT);
        assertThat(m.protocol()).isEqualTo(Protocol.IEC104);
        assertThat(m.direction()).isEqualTo(Direction.REQUEST);
        assertThat(m.function()).isEqualTo(45);
        assertThat(m.functionName()).isEqualTo("C_SC_NA_1 Single command");
        assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(m.unit()).hasValue(3);
        assertThat(m.address()).hasValue(4500);
        assertThat(m.quantity()).hasValue(1);
        assertThat(m.transaction()).isEmpty();
        assertThat(m.attributes())
                .contains(
                        new Attribute("apci", "I"),
                        new Attribute("send_seq", "22"),
                        new Attribute("recv_seq", "81"),
                        new Attribute("cause", "act"));
        assertThat(m.anomalies()).isEmpty();
    }

    @Test
    void theActivationConfirmationIsAResponseWhateverTheHintSays() {
        MessageSummary m = one(Direction.REQUEST, SINGLE_COMMAND_CON);
        assertThat(m.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(m.attributes()).contains(new Attribute("cause", "actcon"));
    }

    @Test
    void aSetPointIsAWrite() {
        MessageSummary m = one(Direction.REQUEST, SETPOINT_FLOAT_ACT);
        assertThat(m.function()).isEqualTo(50);
        assertThat(m.access()).isEqualTo(AccessKind.WRITE);
        assertThat(m.address()).hasValue(5020);
    }

    @Test
    void anInterrogationIsARead() {
        MessageSummary m = one(Direction.REQUEST, INTERROGATION_ACT);
        assertThat(m.function()).isEqualTo(100);
        assertThat(m.access()).isEqualTo(AccessKind.READ);
        assertThat(m.direction()).isEqualTo(Direction.REQUEST);
    }

    @Test
    void monitoringDataIsAReadResponseWithItsObjectCount() {
        MessageSummary m = one(Direction.REQUEST, FLOATS_PERIODIC);
        assertThat(m.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(m.access()).isEqualTo(AccessKind.READ);
        assertThat(m.quantity()).hasValue(2);
        assertThat(m.address()).hasValue(1300);
        assertThat(one(Direction.REQUEST, SINGLE_POINTS_INROGEN).attributes())
                .contains(new Attribute("cause", "inrogen"));
    }

    @Test
    void clockSynchronisationIsAWrite() {
        List<MessageSummary> m = dissect(Direction.RESPONSE, CLOCK_SYNC_CON);
        assertThat(m).extracting(MessageSummary::function).containsExactly(0x101, 103);
        assertThat(m.get(1).access()).isEqualTo(AccessKind.WRITE);
        assertThat(m.get(1).attributes()).contains(new Attribute("originator", "4"));
        assertThat(m.get(1).unit()).hasValue(37133);
    }

    @Test
    void uFormatFramesAreDiagnosticsWithActivationAsRequest() {
        List<MessageSummary> m = dissect(Direction.RESPONSE, TESTFR_ACT + TESTFR_CON);
        assertThat(m).extracting(MessageSummary::function).containsExactly(0x143, 0x183);
        assertThat(m).extracting(MessageSummary::functionName).containsExactly("TESTFR act", "TESTFR con");
        assertThat(m).extracting(MessageSummary::direction).containsExactly(Direction.REQUEST, Direction.RESPONSE);
        assertThat(m).extracting(MessageSummary::access).containsOnly(AccessKind.DIAGNOSTIC);
    }

    @Test
    void sFormatFramesFollowTheHintAndCarryTheReceiveSequence() {
        MessageSummary m = one(Direction.RESPONSE, S_FORMAT);
        assertThat(m.function()).isEqualTo(0x101);
        assertThat(m.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(m.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(m.attributes()).contains(new Attribute("apci", "S"), new Attribute("recv_seq", "78"));
    }

    @Test
    void fourApdusInOneSegmentGiveFourMessages() {
        assertThat(dissect(Direction.RESPONSE, FOUR_APDUS))
                .extracting(MessageSummary::function)
                .containsExactly(0x101, 100, 1, 3);
    }

    @Test
    void aNegativeConfirmationIsReportedAsStatus() {
        MessageSummary m = one(Direction.RESPONSE, "68 0e 00 00 00 00 | 2d 01 47 00 03 00 | 94 11 00 | 81");
        assertThat(m.status()).isEqualTo(Optional.of("negative"));
        MessageSummary unknownAddress =
                one(Direction.RESPONSE, "68 0e 00 00 00 00 | 2d 01 6f 00 03 00 | 94 11 00 | 81");
        assertThat(unknownAddress.status()).isEqualTo(Optional.of("negative,unknown information object address"));
    }

    @Test
    void testBitAndResetProcessAreReported() {
        MessageSummary m = one(Direction.REQUEST, "68 0e 00 00 00 00 | 69 01 86 00 03 00 | 00 00 00 | 01");
        assertThat(m.function()).isEqualTo(105);
        assertThat(m.access()).isEqualTo(AccessKind.CONTROL);
        assertThat(m.attributes()).contains(new Attribute("test", "true"));
    }

    static Stream<Arguments> validStreams() {
        return Stream.of(
                Arguments.of("four APDUs", FOUR_APDUS, 4),
                Arguments.of("command and confirmation", SINGLE_COMMAND_ACT + SINGLE_COMMAND_CON, 2),
                Arguments.of("floats", FLOATS_PERIODIC, 1),
                Arguments.of("clock sync", CLOCK_SYNC_CON, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validStreams")
    void everyChunkSplitOfAValidStreamGivesTheSameMessagesAndNoMalformed(String title, String stream, int count) {
        byte[] bytes = hex(stream);
        List<MessageSummary> whole = dissect(Direction.REQUEST, stream);
        assertThat(whole).hasSize(count);
        for (int split = 1; split < bytes.length; split++) {
            DissectorStreamFeed feed =
                    new DissectorStreamFeed(new Iec104Dissector(Iec104Limits.DEFAULT), Direction.REQUEST);
            feed.feed(Arrays.copyOfRange(bytes, 0, split));
            feed.feed(Arrays.copyOfRange(bytes, split, bytes.length));
            assertThat(feed.malformed()).as("split at %d", split).isEmpty();
            assertThat(feed.messages()).as("split at %d", split).isEqualTo(whole);
        }
        DissectorStreamFeed bytewise = new DissectorStreamFeed(
                        new Iec104Dissector(Iec104Limits.DEFAULT), Direction.REQUEST)
                .feedInChunks(bytes, 1);
        assertThat(bytewise.malformed()).isEmpty();
        assertThat(bytewise.messages()).isEqualTo(whole);
    }
}
