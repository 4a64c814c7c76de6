package io.isthmus.observe.flow;

import static io.isthmus.observe.flow.Conversation.ACK;
import static io.isthmus.observe.flow.Conversation.PSH_ACK;
import static io.isthmus.observe.flow.Conversation.RST;
import static io.isthmus.observe.flow.Conversation.SYN;
import static io.isthmus.wire.Direction.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A RST ends a flow only where the receiving host would accept it (RFC 9293 3.10.7, RFC 5961 3.2):
 * exactly at the next expected sequence number, or in SYN-SENT acknowledging the SYN; in the window
 * but not exact it is challenged, outside it ignored, both counted, and the flow goes on. The
 * conversation is client ISN 1000, server ISN 5000, window 8192; sequence numbers are relative.
 */
class ResetCheckTest {
    private final Recorder recorder = new Recorder();
    private final FlowTable table = new FlowTable(FlowLimits.DEFAULT, recorder);
    private final Conversation c = new Conversation(table);

    static Stream<Arguments> resets() {
        return Stream.of(
                Arguments.of(
                        "a RST at the receiver's next sequence number ends the connection",
                        (Consumer<Conversation>)
                                x -> x.handshake().toServer(1, PSH_ACK, "read").toClient(1, RST, ""),
                        List.of("end RESET"),
                        0L,
                        0L),
                Arguments.of(
                        "a client's RST right after its own data is at its SND.NXT and ends the connection",
                        (Consumer<Conversation>) x ->
                                x.handshake().toServer(1, PSH_ACK, "abcdef").toServer(7, RST, ""),
                        List.of("end RESET"),
                        0L,
                        0L),
                Arguments.of(
                        "a spoofed RST far outside the window is ignored",
                        (Consumer<Conversation>) x -> x.handshake().toClient(1_000_000, RST, ""),
                        List.of(),
                        1L,
                        0L),
                Arguments.of(
                        "a RST inside the window but not exact is challenged, not obeyed",
                        (Consumer<Conversation>) x -> x.handshake().toClient(100, RST, ""),
                        List.of(),
                        0L,
                        1L),
                Arguments.of(
                        "a stale RST behind what the receiver acknowledged (after a retransmission) is ignored",
                        (Consumer<Conversation>) x -> x.handshake()
                                .toClient(1, PSH_ACK, "value12345")
                                .toClient(1, PSH_ACK, "value12345")
                                .toServer(1, ACK, "")
                                .toClient(1, RST, ""),
                        List.of(),
                        1L,
                        0L),
                Arguments.of(
                        "a RST acknowledging the client's SYN refuses the connection",
                        (Consumer<Conversation>) x -> x.toServer(0, SYN, "").send(false, 0, RST | ACK, new byte[0]),
                        List.of("end REFUSED"),
                        0L,
                        0L),
                Arguments.of(
                        "in SYN-SENT a RST whose ACK is not ISN + 1 is ignored, the real refusal still counts",
                        (Consumer<Conversation>) x -> x.toServer(0, SYN, "")
                                .send(false, 0, 1000 + 77, RST | ACK, new byte[0])
                                .send(false, 0, 1000 + 1, RST | ACK, new byte[0]),
                        List.of("end REFUSED"),
                        1L,
                        0L),
                Arguments.of(
                        "in SYN-SENT a RST without ACK is ignored",
                        (Consumer<Conversation>) x -> x.toServer(0, SYN, "").send(false, 0, 1001, RST, new byte[0]),
                        List.of(),
                        1L,
                        0L),
                Arguments.of(
                        "a storm of guessed RSTs is ignored until one hits the sequence number",
                        (Consumer<Conversation>) x -> {
                            x.handshake();
                            for (int i = 1; i <= 1000; i++) {
                                x.toClient(1 + i * 100_000, RST, "");
                            }
                            x.toClient(1, RST, "");
                        },
                        List.of("end RESET"),
                        1000L,
                        0L),
                Arguments.of(
                        "mid-stream: a RST as a flow's first packet has no reference and ends it",
                        (Consumer<Conversation>) x -> x.toServer(0, RST, ""),
                        List.of("end RESET"),
                        0L,
                        0L),
                Arguments.of(
                        "mid-stream: a RST is judged by the other side's ACK when its sender was never seen",
                        (Consumer<Conversation>) x -> x.toClient(500, PSH_ACK, "data")
                                .toServer(50_000, RST, "")
                                .toServer(0, RST, ""),
                        List.of("end RESET"),
                        1L,
                        0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resets")
    void judgesEachResetAgainstTheReceiversWindow(
            String name, Consumer<Conversation> traffic, List<String> ends, long ignored, long challenged) {
        traffic.accept(c);

        assertThat(recorder.events).containsExactlyElementsOf(ends);
        assertThat(table.stats().rstIgnored()).isEqualTo(ignored);
        assertThat(table.stats().rstChallenged()).isEqualTo(challenged);
        assertThat(table.stats().flowsClosed()).isEqualTo(ends.size());
        assertThat(table.stats().flowsCreated()).isEqualTo(1);
    }

    @Test
    void keepsDeliveringTheStreamAfterAnIgnoredRst() {
        c.handshake()
                .toServer(1, PSH_ACK, "read")
                .toServer(999_999, RST, "spoofed")
                .toServer(5, PSH_ACK, "more");

        assertThat(recorder.events).isEmpty();
        assertThat(recorder.stream(REQUEST)).isEqualTo("readmore");
        assertThat(recorder.onlyFlow().ended()).isFalse();
    }

    @Test
    void usesNeitherTheAckNorTheDataOfAnIgnoredRst() {
        // The spoofed RST carries an ACK far ahead; were it used, the hole before "late" would be given up.
        c.handshake()
                .toServer(1, PSH_ACK, "ab")
                .send(false, 50_000, 1000 + 100, RST | ACK, Conversation.bytes("junk"))
                .toServer(5, PSH_ACK, "late")
                .toServer(3, PSH_ACK, "cd");

        assertThat(recorder.stream(REQUEST)).isEqualTo("abcdlate");
        assertThat(table.stats().rstIgnored()).isEqualTo(1);
        assertThat(table.stats().gaps()).isZero();
    }
}
