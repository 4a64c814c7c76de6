package io.isthmus.observe.flow;

import static io.isthmus.observe.flow.Conversation.ACK;
import static io.isthmus.observe.flow.Conversation.FIN_ACK;
import static io.isthmus.observe.flow.Conversation.PSH_ACK;
import static io.isthmus.observe.flow.Conversation.RST;
import static io.isthmus.observe.flow.Conversation.SYN;
import static io.isthmus.wire.Direction.REQUEST;
import static io.isthmus.wire.Direction.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TCP stream reassembly per direction (RFC 9293 3.4, 3.10.7.4), as the session layer sees it. */
class TcpReassemblyTest {
    private final Recorder recorder = new Recorder();
    private final FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
    private final Conversation c = new Conversation(table);

    @Test
    void deliversBothDirectionsInOrderAndClosesOnFin() {
        c.handshake()
                .toServer(1, PSH_ACK, "read")
                .toClient(1, PSH_ACK, "value")
                .toServer(5, FIN_ACK, "")
                .toClient(6, FIN_ACK, "");

        assertThat(recorder.stream(REQUEST)).isEqualTo("read[close FIN]");
        assertThat(recorder.stream(RESPONSE)).isEqualTo("value[close FIN]");
        Flow flow = recorder.onlyFlow();
        assertThat(flow.clientBasis()).isEqualTo(ClientBasis.SYN);
        assertThat(flow.client()).hasToString("10.0.0.1");
        assertThat(flow.serverPort()).isEqualTo(502);
        assertThat(flow.closed()).isTrue();
    }

    @Test
    void putsOutOfOrderSegmentsBackInOrder() {
        c.handshake().toServer(7, PSH_ACK, "ccc").toServer(4, PSH_ACK, "bbb").toServer(1, PSH_ACK, "aaa");
        assertThat(recorder.stream(REQUEST)).isEqualTo("aaabbbccc");
        assertThat(table.stats().outOfOrderSegments()).isEqualTo(2);
        assertThat(table.stats().streamBufferBytes()).isZero();
    }

    @Test
    void deliversAnExactRetransmissionOnce() {
        c.handshake()
                .toServer(1, PSH_ACK, "hello")
                .toServer(1, PSH_ACK, "hello")
                .toServer(6, PSH_ACK, "!");
        assertThat(recorder.stream(REQUEST)).isEqualTo("hello!");
        assertThat(table.stats().retransmittedBytes()).isEqualTo(5);
        assertThat(table.stats().overlapConflicts()).isZero();
    }

    @Test
    void trimsAPartialOverlapWithTheSameBytes() {
        c.handshake().toServer(1, PSH_ACK, "abcd").toServer(3, PSH_ACK, "cdef");
        assertThat(recorder.stream(REQUEST)).isEqualTo("abcdef");
        assertThat(table.stats().retransmittedBytes()).isEqualTo(2);
        assertThat(table.stats().overlapConflicts()).isZero();
    }

    @Test
    void keepsTheFirstBytesWhenARetransmissionDiffersFromDeliveredOnes() {
        c.handshake().toServer(1, PSH_ACK, "write 1").toServer(1, PSH_ACK, "write 9");
        assertThat(recorder.stream(REQUEST)).isEqualTo("write 1");
        assertThat(table.stats().overlapConflicts()).isEqualTo(1);
        assertThat(recorder.events).containsExactly("conflict REQUEST at 6");
    }

    @Test
    void keepsTheFirstBytesWhenAnOverlapDiffersFromHeldOnes() {
        c.handshake().toServer(5, PSH_ACK, "EFGH").toServer(3, PSH_ACK, "CDxx").toServer(1, PSH_ACK, "AB");
        assertThat(recorder.stream(REQUEST)).isEqualTo("ABCDEFGH");
        assertThat(table.stats().overlapConflicts()).isEqualTo(1);
    }

    @Test
    void doesNotCallAKeepAliveProbeAConflict() {
        // RFC 9293 3.8.4: keep-alives re-send the last byte (SEG.SEQ = SND.NXT - 1), often as garbage.
        c.handshake().toServer(1, PSH_ACK, "abc").toServer(3, ACK, "\0");
        assertThat(table.stats().overlapConflicts()).isZero();
        assertThat(recorder.stream(REQUEST)).isEqualTo("abc");
    }

    @Test
    void reportsAGapThatNeverFillsBeforeTheFinAtTheEnd() {
        c.handshake().toServer(1, PSH_ACK, "aaa").toServer(7, PSH_ACK, "ccc").toServer(10, FIN_ACK, "");
        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa");

        table.closeAll(CloseReason.END_OF_CAPTURE);

        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa[gap 3]ccc[close END_OF_CAPTURE]");
        assertThat(table.stats().gaps()).isEqualTo(1);
        assertThat(table.stats().gapBytes()).isEqualTo(3);
    }

    @Test
    void givesUpAHoleAsSoonAsTheReceiverAcknowledgesPastIt() {
        // The server's ACK covers bytes 4..6 it received and the capture missed: they will never be resent.
        c.handshake().toServer(1, PSH_ACK, "aaa").toServer(7, PSH_ACK, "ccc");
        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa");

        c.toClient(1, ACK, "");

        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa[gap 3]ccc");
        assertThat(table.stats().streamBufferBytes()).isZero();
    }

    @Test
    void givesUpAHoleTheReceiverAcknowledgedBeforeTheDataBeyondItArrived() {
        c.handshake().toServer(1, PSH_ACK, "aaa");
        c.send(false, 5001, ACK, new byte[0]); // acknowledges "aaa" only
        c.toClient(1, ACK, "").toServer(7, PSH_ACK, "ccc");
        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa");
        c.toClient(1, PSH_ACK, "ok");
        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa[gap 3]ccc");
    }

    @Test
    void givesUpHolesWhenTheOutOfOrderBufferIsFull() {
        int bound = 3 * (10 + FlowLimits.SEGMENT_OVERHEAD);
        FlowTable small = new FlowTable(FlowLimits.DEFAULT.withStreamBuffer(bound, bound), recorder);
        Conversation s = new Conversation(small).handshake().toServer(1, PSH_ACK, "0123456789");
        for (int i = 2; i <= 4; i++) {
            s.toServer(1 + 10 * i, PSH_ACK, "segment-" + i + "!");
        }
        assertThat(recorder.stream(REQUEST)).isEqualTo("0123456789");

        s.toServer(51, PSH_ACK, "segment-5!");

        assertThat(recorder.stream(REQUEST)).isEqualTo("0123456789[gap 10]segment-2!segment-3!segment-4!segment-5!");
        assertThat(small.stats().bufferOverflows()).isEqualTo(1);
        assertThat(small.stats().streamBufferBytes()).isZero();
    }

    @Test
    void startsMidStreamAtTheFirstSegmentSeenAndFindsTheServerByPort() {
        c.toClient(700, PSH_ACK, "reply").toServer(300, PSH_ACK, "next request");
        assertThat(recorder.stream(RESPONSE)).isEqualTo("reply");
        assertThat(recorder.stream(REQUEST)).isEqualTo("next request");
        Flow flow = recorder.onlyFlow();
        assertThat(flow.clientBasis()).isEqualTo(ClientBasis.PORT);
        assertThat(flow.serverPort()).isEqualTo(502);
        assertThat(flow.client()).hasToString("10.0.0.1");
    }

    @Test
    void takesTheSynAckSenderAsServerWhenTheSynWasMissed() {
        c.toClient(0, SYN | ACK, "").toServer(1, ACK, "").toServer(1, PSH_ACK, "x");
        assertThat(recorder.onlyFlow().clientBasis()).isEqualTo(ClientBasis.SYN_ACK);
        assertThat(recorder.stream(REQUEST)).isEqualTo("x");
    }

    @Test
    void reassemblesAWindowOfOneByteSegmentsArrivingBackwards() {
        c.handshake();
        String text = "one byte at a time, last byte first";
        for (int i = text.length() - 1; i >= 0; i--) {
            c.toServer(1 + i, PSH_ACK, text.substring(i, i + 1));
        }
        assertThat(recorder.stream(REQUEST)).isEqualTo(text);
        assertThat(table.stats().outOfOrderSegments()).isEqualTo(text.length() - 1);
    }

    @Test
    void boundsMemoryUnderAFloodOfOneByteSegmentsAheadOfAHole() {
        int bound = 4096;
        FlowTable small = new FlowTable(FlowLimits.DEFAULT.withStreamBuffer(bound, 1 << 20), recorder);
        Conversation s = new Conversation(small).handshake();
        for (int i = 0; i < 10_000; i++) {
            s.toServer(100 + i, PSH_ACK, "x");
            assertThat(small.stats().streamBufferBytes()).isLessThanOrEqualTo(bound);
        }
        assertThat(small.stats().bufferOverflows()).isPositive();
        assertThat(recorder.stream(REQUEST)).startsWith("[gap 99]xxxx");
    }

    @Test
    void closesBothDirectionsOnResetAfterDeliveringWhatWasHeld() {
        c.handshake().toServer(1, PSH_ACK, "a").toServer(3, PSH_ACK, "c").toClient(1, RST, "");
        assertThat(recorder.stream(REQUEST)).isEqualTo("a[gap 1]c[close RESET]");
        assertThat(recorder.stream(RESPONSE)).isEqualTo("[close RESET]");
        assertThat(recorder.onlyFlow().closed()).isTrue();
    }

    @Test
    void countsDataAfterAClose() {
        c.handshake().toServer(1, FIN_ACK, "bye").toServer(5, PSH_ACK, "late");
        assertThat(recorder.stream(REQUEST)).isEqualTo("bye[close FIN]");
        assertThat(table.stats().dataAfterClose()).isEqualTo(1);
    }

    @Test
    void followsSequenceNumbersAcrossTheir32BitWrap() {
        Conversation w = new Conversation(table, 0xFFFF_FFF0, 7).handshake();
        w.toServer(1, PSH_ACK, "0123456789abcdef")
                .toServer(17, PSH_ACK, "-wrapped-")
                .toServer(26, PSH_ACK, "!");
        assertThat(recorder.stream(REQUEST)).isEqualTo("0123456789abcdef-wrapped-!");
    }

    @Test
    void startsANewFlowWhenASynReusesAClosedConnectionsPorts() {
        c.handshake().toServer(1, FIN_ACK, "").toClient(1, FIN_ACK, "");
        new Conversation(table, 90_000, 91_000).handshake().toServer(1, PSH_ACK, "again");

        assertThat(recorder.streams).hasSize(2);
        assertThat(recorder.events).containsExactly("end FIN");
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.stats().flowsCreated()).isEqualTo(2);
    }

    @Test
    void reportsTheBytesASnapLengthCutOffAsAGap() {
        FlowTable t = new FlowTable(FlowLimits.DEFAULT, recorder);
        Flow flow = new Flow(
                new FlowKey(6, 0, 1, 1, 0, 2, 502, 0),
                true,
                ClientBasis.SYN,
                0,
                new StreamContext(FlowLimits.DEFAULT, new FlowCounters(), recorder, new PayloadView()));
        TcpReassembler r = flow.stream(REQUEST);
        byte[] bytes = Conversation.bytes("abcdefgh");
        r.segment(100, SYN, java.nio.ByteBuffer.allocate(0), 0, 0, 0);
        r.segment(101, PSH_ACK, java.nio.ByteBuffer.wrap(bytes), 0, 4, 4);
        r.segment(109, PSH_ACK, java.nio.ByteBuffer.wrap(bytes), 4, 4, 0);
        assertThat(recorder.streams.get(flow).get(REQUEST)).hasToString("abcd[gap 4]efgh");
        assertThat(t.size()).isZero();
    }
}
