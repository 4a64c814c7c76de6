package io.isthmus.observe.flow;

import static io.isthmus.observe.flow.Conversation.ACK;
import static io.isthmus.observe.flow.Conversation.FIN_ACK;
import static io.isthmus.observe.flow.Conversation.PSH_ACK;
import static io.isthmus.observe.flow.Conversation.RST;
import static io.isthmus.observe.flow.Conversation.SYN;
import static io.isthmus.wire.Direction.REQUEST;
import static io.isthmus.wire.Direction.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-of-flow seam: a TCP connection is reported ended as soon as the wire says so (FIN from
 * both sides with every byte delivered, or a RST, RFC 9293 3.6 and 3.10.7), its buffers released,
 * and late packets do not start a second flow.
 */
class FlowEndTest {
    private final Recorder recorder = new Recorder();
    private final FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
    private final Conversation c = new Conversation(table);

    @Test
    void endsAConnectionWhenBothSidesHaveSentTheirFin() {
        c.handshake().toServer(1, PSH_ACK, "read").toClient(1, PSH_ACK, "value").toServer(5, FIN_ACK, "");
        assertThat(recorder.events).isEmpty();

        c.toClient(6, FIN_ACK, "");

        assertThat(recorder.events).containsExactly("end FIN");
        assertThat(recorder.onlyFlow().ended()).isTrue();
        assertThat(table.stats().flowsClosed()).isEqualTo(1);
    }

    @Test
    void absorbsTheLastAckWithoutASecondFlowOrASecondEnd() {
        c.handshake().toServer(1, FIN_ACK, "").toClient(1, FIN_ACK, "").toServer(2, ACK, "");

        table.closeAll(CloseReason.END_OF_CAPTURE);

        assertThat(recorder.events).containsExactly("end FIN");
        assertThat(table.stats().flowsCreated()).isEqualTo(1);
        assertThat(recorder.onlyFlow().packets(REQUEST)).isEqualTo(4);
    }

    @Test
    void callsASynAnsweredByAResetRefused() {
        c.toServer(0, SYN, "").send(false, 0, RST | ACK, new byte[0]);

        assertThat(recorder.events).containsExactly("end REFUSED");
        assertThat(table.stats().flowsRefused()).isEqualTo(1);
        assertThat(table.stats().flowsClosed()).isEqualTo(1);
    }

    @Test
    void callsAResetAfterTheHandshakeAReset() {
        c.handshake().toServer(1, PSH_ACK, "x").toClient(1, RST, "");
        assertThat(recorder.events).containsExactly("end RESET");
        assertThat(table.stats().flowsRefused()).isZero();
    }

    @Test
    void givesUpAHoleBeforeAFinTheReceiverAcknowledged() {
        // "bbb" never reached the capture; the server's ACK of the FIN says it will never be resent.
        c.handshake().toServer(1, PSH_ACK, "aaa").toServer(7, FIN_ACK, "ccc").toClient(1, FIN_ACK, "");
        assertThat(recorder.events).containsExactly("end FIN");
        assertThat(recorder.stream(REQUEST)).isEqualTo("aaa[gap 3]ccc[close FIN]");
        assertThat(recorder.stream(RESPONSE)).isEqualTo("[close FIN]");
        assertThat(table.stats().streamBufferBytes()).isZero();
    }

    @Test
    void keepsAFlowOpenWhileOnlyOneSideHasSentItsFin() {
        c.handshake().toServer(1, FIN_ACK, "bye").toClient(1, PSH_ACK, "still talking");
        assertThat(recorder.events).isEmpty();
        assertThat(recorder.stream(RESPONSE)).isEqualTo("still talking");
    }

    @Test
    void startsANewFlowWhenASynReusesTheTuple() {
        c.handshake().toClient(1, RST, "");
        new Conversation(table, 90_000, 91_000).handshake().toServer(1, PSH_ACK, "again");
        assertThat(recorder.events).containsExactly("end RESET");
        assertThat(table.stats().flowsCreated()).isEqualTo(2);
        table.closeAll(CloseReason.END_OF_CAPTURE);
        assertThat(recorder.events).containsExactly("end RESET", "end END_OF_CAPTURE");
    }

    /** Hostile or odd endings: each ends in bounded state and a counted, single end report. */
    static Stream<Arguments> hostileEndings() {
        return Stream.of(
                Arguments.of(
                        "a RST storm on one connection ends it once",
                        (Consumer<Conversation>) x -> {
                            x.handshake();
                            for (int i = 0; i < 1000; i++) {
                                x.toClient(1 + i * 1000, RST, "");
                            }
                        },
                        List.of("end RESET"),
                        1L),
                Arguments.of(
                        "a RST storm over a thousand ports ends a thousand flows, none held",
                        (Consumer<Conversation>) x -> {
                            for (int i = 0; i < 1000; i++) {
                                x.clientPort(20_000 + i).toServer(0, RST, "");
                            }
                        },
                        java.util.Collections.nCopies(1000, "end RESET"),
                        1000L),
                Arguments.of(
                        "FINs from both sides without a SYN (capture started mid-connection) end the flow",
                        (Consumer<Conversation>)
                                x -> x.toServer(100, FIN_ACK, "").toClient(200, FIN_ACK, ""),
                        List.of("end FIN"),
                        1L),
                Arguments.of(
                        "a FIN without a SYN from one side only ends nothing",
                        (Consumer<Conversation>) x -> x.toServer(100, FIN_ACK, "x"),
                        List.of(),
                        1L),
                Arguments.of(
                        "data after both FINs is counted, not delivered, and starts no flow",
                        (Consumer<Conversation>) x -> x.handshake()
                                .toServer(1, FIN_ACK, "")
                                .toClient(1, FIN_ACK, "")
                                .toServer(2, PSH_ACK, "late write")
                                .toClient(2, PSH_ACK, "late reply"),
                        List.of("end FIN"),
                        1L),
                Arguments.of(
                        "a RST with data ends the flow and delivers nothing after it",
                        (Consumer<Conversation>) x ->
                                x.handshake().toServer(1, PSH_ACK | RST, "last").toServer(5, PSH_ACK, "more"),
                        List.of("end RESET"),
                        1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEndings")
    void endsHostileConnectionsOnceWithBoundedState(
            String name, Consumer<Conversation> traffic, List<String> ends, long flows) {
        traffic.accept(c);

        assertThat(recorder.events).containsExactlyElementsOf(ends);
        assertThat(table.stats().flowsCreated()).isEqualTo(flows);
        assertThat(table.stats().streamBufferBytes()).isZero();
        assertThat(table.size()).isLessThanOrEqualTo((int) flows);
    }

    /**
     * A direction that never sent gets its reassembler only when it first sends (most flows of a
     * capture are one request nobody answers); until then the flow keeps what it would have heard.
     * Here the server is silent until after the client's RST: its close is reported once, at the
     * RST, and its late data counts as data after close, as for a direction that had sent.
     */
    @Test
    void closesADirectionThatNeverSentOnceAndRefusesItsLateData() {
        c.toServer(1, PSH_ACK, "read").toServer(5, RST, "").toClient(1, PSH_ACK, "late");
        table.closeAll(CloseReason.IDLE_TIMEOUT);

        assertThat(recorder.stream(REQUEST)).isEqualTo("read[close RESET]");
        assertThat(recorder.stream(RESPONSE)).isEqualTo("[close RESET]");
        assertThat(recorder.events).containsExactly("end RESET");
        assertThat(table.stats().dataAfterClose()).isEqualTo(1);
    }

    /** The same silent server while the flow lives: its close comes when the flow ends, once. */
    @Test
    void closesASilentDirectionWithTheFlow() {
        c.toServer(1, PSH_ACK, "read");
        table.closeAll(CloseReason.IDLE_TIMEOUT);
        table.closeAll(CloseReason.IDLE_TIMEOUT);

        assertThat(recorder.stream(REQUEST)).isEqualTo("read[close IDLE_TIMEOUT]");
        assertThat(recorder.stream(RESPONSE)).isEqualTo("[close IDLE_TIMEOUT]");
        assertThat(recorder.events).containsExactly("end IDLE_TIMEOUT");
    }

    @Test
    void countsDataAfterBothFinsAsDataAfterClose() {
        c.handshake().toServer(1, FIN_ACK, "").toClient(1, FIN_ACK, "").toServer(2, PSH_ACK, "late write");
        assertThat(table.stats().dataAfterClose()).isEqualTo(1);
        assertThat(recorder.stream(REQUEST)).isEqualTo("[close FIN]");
    }

    @Test
    void boundsTheTableUnderARstStormLargerThanIt() {
        FlowTable small = new FlowTable(FlowLimits.DEFAULT.withMaxFlows(64), recorder);
        Conversation s = new Conversation(small);
        for (int i = 0; i < 5000; i++) {
            s.clientPort(10_000 + i).toServer(0, SYN, "").send(false, 0, RST | ACK, new byte[0]);
        }
        assertThat(small.size()).isLessThanOrEqualTo(64);
        assertThat(small.stats().flowsRefused()).isEqualTo(5000);
        assertThat(recorder.events).hasSize(5000).containsOnly("end REFUSED");
    }
}
