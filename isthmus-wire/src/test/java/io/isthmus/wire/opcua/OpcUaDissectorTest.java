package io.isthmus.wire.opcua;

import static io.isthmus.wire.opcua.OpcUaVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpcUaDissectorTest {

    private final OpcUaDissector dissector = new OpcUaDissector(OpcUaLimits.DEFAULT);

    private MessageSummary one(String hex, Direction hint) {
        return one(bytes(hex), hint);
    }

    private MessageSummary one(byte[] chunk, Direction hint) {
        Dissection d = dissector.next(ByteBuffer.wrap(chunk), hint);
        assertThat(d).isInstanceOf(Dissection.Messages.class);
        Dissection.Messages m = (Dissection.Messages) d;
        assertThat(m.consumed()).isEqualTo(chunk.length);
        assertThat(m.messages()).hasSize(1);
        return m.messages().get(0);
    }

    private static String attribute(MessageSummary s, String name) {
        return s.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .findFirst()
                .orElse("<absent>");
    }

    @Test
    void helloCarriesTheBufferSizesAndTheEndpointUrl_part6_7_1_2_3() {
        MessageSummary s = one(OpcUaVectors.HELLO, Direction.RESPONSE);
        assertThat(s.function()).isZero();
        assertThat(s.functionName()).isEqualTo("Hello");
        assertThat(s.direction()).as("HEL is always the client's").isEqualTo(Direction.REQUEST);
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(attribute(s, "endpoint_url")).isEqualTo("opc.tcp://vm-xp-steven:12001/UA/StackTestServer");
        assertThat(attribute(s, "receive_buffer_size")).isEqualTo("65535");
        assertThat(attribute(s, "max_message_size")).isEqualTo("4000");
        assertThat(attribute(s, "max_chunk_count")).isEqualTo("0");
        assertThat(s.anomalies()).isEmpty();
    }

    @Test
    void acknowledgeIsTheServersAnswer_part6_7_1_2_4() {
        MessageSummary s = one(OpcUaVectors.ACKNOWLEDGE, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(1);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(attribute(s, "send_buffer_size")).isEqualTo("65535");
    }

    @Test
    void errorReportsItsStatusCodeByName_part6_7_1_2_5() {
        MessageSummary s = one(OpcUaVectors.ERROR, Direction.RESPONSE);
        assertThat(s.function()).isEqualTo(2);
        assertThat(s.status()).contains("BadInternalError (0x80020000)");
    }

    @Test
    void openSecureChannelRequestNamesThePolicyTheModeAndTheHandle_part6_6_7_2_3() {
        MessageSummary s = one(OpcUaVectors.OPEN_REQUEST, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(446);
        assertThat(s.functionName()).isEqualTo("OpenSecureChannelRequest");
        assertThat(s.access()).isEqualTo(AccessKind.DIAGNOSTIC);
        assertThat(s.transaction()).hasValue(1);
        assertThat(attribute(s, "security_policy")).isEqualTo("http://opcfoundation.org/UA/SecurityPolicy#None");
        assertThat(attribute(s, "security_mode")).isEqualTo("NONE");
        assertThat(attribute(s, "request_type")).isEqualTo("Issue");
    }

    @Test
    void openSecureChannelResponseCarriesTheNewChannelId_part6_6_7_2_3() {
        MessageSummary s = one(OpcUaVectors.OPEN_RESPONSE, Direction.RESPONSE);
        assertThat(s.function()).isEqualTo(449);
        assertThat(s.direction()).isEqualTo(Direction.RESPONSE);
        assertThat(attribute(s, "secure_channel_id")).isEqualTo(String.valueOf(0x195f));
        assertThat(s.status()).isEmpty();
    }

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of(
                        OpcUaVectors.GET_ENDPOINTS,
                        428,
                        "GetEndpointsRequest",
                        AccessKind.DISCOVERY,
                        Direction.REQUEST,
                        1),
                Arguments.of(OpcUaVectors.CALL, 712, "CallRequest", AccessKind.CONTROL, Direction.REQUEST, 1),
                Arguments.of(OpcUaVectors.READ_REQUEST, 631, "ReadRequest", AccessKind.READ, Direction.REQUEST, 22),
                Arguments.of(OpcUaVectors.READ_RESPONSE, 634, "ReadResponse", AccessKind.READ, Direction.RESPONSE, 22),
                Arguments.of(OpcUaVectors.WRITE_REQUEST, 673, "WriteRequest", AccessKind.WRITE, Direction.REQUEST, 23),
                Arguments.of(
                        OpcUaVectors.SERVICE_FAULT,
                        397,
                        "ServiceFault",
                        AccessKind.DIAGNOSTIC,
                        Direction.RESPONSE,
                        12));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("services")
    void aReadableMessageIsNamedByItsTypeIdAndPairedByItsRequestHandle_part6_6_7_2_1(
            String hex, int function, String name, AccessKind access, Direction direction, long handle) {
        MessageSummary s = one(hex, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(function);
        assertThat(s.functionName()).isEqualTo(name);
        assertThat(s.access()).isEqualTo(access);
        assertThat(s.direction()).isEqualTo(direction);
        assertThat(s.transaction()).hasValue(handle);
    }

    @Test
    void serviceFaultReportsItsServiceResult_part4_7_35() {
        assertThat(one(OpcUaVectors.SERVICE_FAULT, Direction.RESPONSE).status())
                .contains("BadNoSubscription (0x80790000)");
    }

    @Test
    void severalMessagesInOneBufferComeOneAtATime() {
        byte[] both = OpcUaFrames.concat(bytes(OpcUaVectors.HELLO), bytes(OpcUaVectors.GET_ENDPOINTS));
        Dissection first = dissector.next(ByteBuffer.wrap(both), Direction.REQUEST);
        assertThat(((Dissection.Messages) first).consumed()).isEqualTo(bytes(OpcUaVectors.HELLO).length);
    }

    @Test
    void onlyTheFirstChunkOfAMultiChunkMessageIsReported_part6_6_7_2_2() {
        byte[] first = OpcUaFrames.symmetric("MSG", 'C', 7, 40, OpcUaFrames.request(673, 9));
        byte[] middle = OpcUaFrames.symmetric("MSG", 'C', 7, 40, new byte[100]);
        byte[] last = OpcUaFrames.symmetric("MSG", 'F', 7, 40, new byte[10]);
        dissector.next(ByteBuffer.wrap(bytes(OpcUaVectors.OPEN_REQUEST)), Direction.REQUEST);
        MessageSummary s = one(first, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(673);
        assertThat(attribute(s, "chunked")).isEqualTo("true");
        assertThat(dissector.next(ByteBuffer.wrap(middle), Direction.REQUEST))
                .isEqualTo(new Dissection.Messages(List.of(), middle.length));
        assertThat(dissector.next(ByteBuffer.wrap(last), Direction.REQUEST))
                .isEqualTo(new Dissection.Messages(List.of(), last.length));
        assertThat(one(OpcUaFrames.symmetric("MSG", 'F', 7, 41, OpcUaFrames.request(631, 10)), Direction.REQUEST)
                        .function())
                .as("the next RequestId starts a new message")
                .isEqualTo(631);
    }

    @Test
    void anAbortChunkEndsTheMessageWithItsError_part6_6_7_3() {
        dissector.next(ByteBuffer.wrap(bytes(OpcUaVectors.OPEN_RESPONSE)), Direction.RESPONSE);
        one(OpcUaFrames.symmetric("MSG", 'C', 7, 40, OpcUaFrames.response(634, 9, 0)), Direction.RESPONSE);
        MessageSummary abort = one(
                OpcUaFrames.symmetric("MSG", 'A', 7, 40, OpcUaFrames.abortBody(0x80B90000L, "too big")),
                Direction.RESPONSE);
        assertThat(abort.function()).isEqualTo(4);
        assertThat(abort.status()).contains("BadResponseTooLarge (0x80B90000)");
        assertThat(attribute(abort, "aborted_message")).isEqualTo("ReadResponse");
        assertThat(attribute(abort, "reason")).isEqualTo("too big");
    }

    @Test
    void chunksBeyondTheLimitAreOneAnomaly_part6_7_1_2_3_maxChunkCount() {
        OpcUaDissector small = new OpcUaDissector(new OpcUaLimits(8192, 4096, 255, 65536, 4096, 3, 16));
        small.next(
                ByteBuffer.wrap(OpcUaFrames.symmetric("MSG", 'C', 7, 40, OpcUaFrames.request(631, 1))),
                Direction.REQUEST);
        byte[] more = OpcUaFrames.symmetric("MSG", 'C', 7, 40, new byte[4]);
        List<Dissection> results = Stream.generate(() -> small.next(ByteBuffer.wrap(more), Direction.REQUEST))
                .limit(5)
                .toList();
        assertThat(results)
                .filteredOn(Dissection.Malformed.class::isInstance)
                .singleElement()
                .satisfies(d -> assertThat(((Dissection.Malformed) d).anomaly().code())
                        .isEqualTo("opcua_chunk_count_exceeded"));
    }

    @Test
    void aSignAndEncryptChannelShowsNoServiceButItsHeaders_part6_6_7_2_4() {
        byte[] open = OpcUaFrames.open(
                "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", OpcUaFrames.openRequestBody(3));
        MessageSummary opened = one(open, Direction.REQUEST);
        assertThat(opened.function())
                .as("an OPN carries only OpenSecureChannel")
                .isEqualTo(446);
        assertThat(attribute(opened, "body_readable")).isEqualTo("false");
        byte[] cipher = new byte[64];
        new java.util.Random(1).nextBytes(cipher);
        MessageSummary s = one(OpcUaFrames.symmetric("MSG", 'F', 9, 2, cipher), Direction.REQUEST);
        assertThat(s.function()).isEqualTo(5);
        assertThat(s.functionName()).isEqualTo("Encrypted message");
        assertThat(attribute(s, "body_readable")).isEqualTo("false");
        assertThat(attribute(s, "secure_channel_id")).isEqualTo("9");
    }

    @Test
    void aSignedOnlyBodyIsReadWhenItsTypeIdIsAKnownService_part6_6_7_2_4() {
        byte[] open = OpcUaFrames.open("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256", new byte[40]);
        one(open, Direction.RESPONSE);
        MessageSummary s = one(
                OpcUaFrames.symmetric("MSG", 'F', 9, 2, OpcUaFrames.response(676, 3, 0x803B0000L)), Direction.RESPONSE);
        assertThat(s.function()).isEqualTo(676);
        assertThat(s.status()).contains("BadNotWritable (0x803B0000)");
    }

    @Test
    void aConnectionSeenFromTheMiddleIsReadWhenTheBodiesAreInTheClear() {
        MessageSummary s = one(OpcUaVectors.WRITE_REQUEST, Direction.REQUEST);
        assertThat(s.function()).isEqualTo(673);
    }

    @Test
    void anUnknownTypeIdIsReportedWithTheTypeId() {
        dissector.next(ByteBuffer.wrap(bytes(OpcUaVectors.OPEN_REQUEST)), Direction.REQUEST);
        MessageSummary s =
                one(OpcUaFrames.symmetric("MSG", 'F', 7, 3, OpcUaFrames.request(9999, 1)), Direction.REQUEST);
        assertThat(s.function()).isEqualTo(6);
        assertThat(attribute(s, "type_id")).isEqualTo("i=9999");
    }

    @Test
    void aHelloSplitOverTwoChunksIsFlagged_part6_7_1_2_2() {
        byte[] hello = bytes(OpcUaVectors.HELLO);
        hello[3] = 'C';
        assertThat(one(hello, Direction.REQUEST).anomalies())
                .extracting(a -> a.code())
                .containsExactly("opcua_transport_message_chunked");
    }

    static Stream<String> allVectors() {
        return Stream.of(
                OpcUaVectors.HELLO,
                OpcUaVectors.ACKNOWLEDGE,
                OpcUaVectors.ERROR,
                OpcUaVectors.OPEN_REQUEST,
                OpcUaVectors.OPEN_RESPONSE,
                OpcUaVectors.GET_ENDPOINTS,
                OpcUaVectors.CALL,
                OpcUaVectors.READ_REQUEST,
                OpcUaVectors.READ_RESPONSE,
                OpcUaVectors.WRITE_REQUEST,
                OpcUaVectors.SERVICE_FAULT);
    }

    @ParameterizedTest
    @MethodSource("allVectors")
    void everyPrefixOfAValidChunkAsksForExactlyTheMissingBytes(String hex) {
        byte[] chunk = bytes(hex);
        for (int cut = 0; cut < chunk.length; cut++) {
            OpcUaDissector fresh = new OpcUaDissector(OpcUaLimits.DEFAULT);
            Dissection d = fresh.next(ByteBuffer.wrap(chunk, 0, cut).slice(), Direction.REQUEST);
            int expected = cut < 8 ? 8 - cut : chunk.length - cut;
            assertThat(d).as("prefix of %d bytes", cut).isEqualTo(new Dissection.NeedMore(expected));
        }
    }

    @ParameterizedTest
    @MethodSource("allVectors")
    void everySplitOfAValidChunkGivesTheSameSummary(String hex) {
        byte[] chunk = bytes(hex);
        MessageSummary whole = new OpcUaDissector(OpcUaLimits.DEFAULT).next(ByteBuffer.wrap(chunk), Direction.REQUEST)
                        instanceof Dissection.Messages m
                ? m.messages().get(0)
                : null;
        for (int segment = 1; segment < chunk.length; segment++) {
            var fed = io.isthmus.wire.ByteStreamFeeder.feed(
                    new OpcUaDissector(OpcUaLimits.DEFAULT), chunk, segment, Direction.REQUEST, chunk.length);
            assertThat(fed.messages()).as("segments of %d bytes", segment).containsExactly(whole);
            assertThat(fed.malformed()).isEmpty();
        }
    }
}
