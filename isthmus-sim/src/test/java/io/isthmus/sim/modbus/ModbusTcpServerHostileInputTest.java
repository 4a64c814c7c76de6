package io.isthmus.sim.modbus;

import static io.isthmus.sim.modbus.ModbusTcpServerHostileInputTest.Expect.closed;
import static io.isthmus.sim.modbus.ModbusTcpServerHostileInputTest.Expect.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes no well-behaved client sends, over a raw socket. Each gets an exception response or a
 * closed connection, and afterwards an independent client still gets correct answers.
 */
class ModbusTcpServerHostileInputTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(400);

    private RegisterImage image;
    private ModbusTcpServer server;

    /** What the server must do with the input. */
    sealed interface Expect {
        record Reply(byte[] pdu) implements Expect {}

        record Closed() implements Expect {}

        static Expect reply(int... pdu) {
            return new Reply(bytes(pdu));
        }

        static Expect closed() {
            return new Closed();
        }
    }

    @BeforeEach
    void start() throws Exception {
        image = TestImages.patterned();
        server = new ModbusTcpServer(
                ModbusServerConfig.create(
                        b -> b.port(0).idleTimeout(IDLE_TIMEOUT).unitId(1)),
                image);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** An MBAP frame, transaction 0x0102, around {@code pdu}. */
    static byte[] frame(int unit, int... pdu) {
        return MbapCodec.encode(MbapFrame.of(0x0102, unit, bytes(pdu)));
    }

    static Arguments row(String name, byte[] input, Expect expect) {
        return arguments(named(name, input), expect);
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                row("MBAP length 0", bytes(0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01), closed()),
                row("MBAP length 1", bytes(0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01), closed()),
                row("MBAP length 65535", bytes(0x00, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x01, 0x03, 0x00), closed()),
                row(
                        "MBAP protocol id 5",
                        bytes(0x00, 0x01, 0x00, 0x05, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01),
                        closed()),
                row(
                        "HTTP request instead of Modbus",
                        "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                        closed()),
                row("function code 0x41, implemented by nobody", frame(1, 0x41, 0x00, 0x00), reply(0xC1, 0x01)),
                row("function code 0x00", frame(1, 0x00), reply(0x80, 0x01)),
                row("function code 0x90 in a request", frame(1, 0x90, 0x00), reply(0x90, 0x01)),
                row("read holding registers, quantity 0", frame(1, 0x03, 0x00, 0x00, 0x00, 0x00), reply(0x83, 0x03)),
                row("read holding registers, quantity 126", frame(1, 0x03, 0x00, 0x00, 0x00, 0x7E), reply(0x83, 0x03)),
                row("read holding registers past the end", frame(1, 0x03, 0x00, 0x30, 0x00, 0x03), reply(0x83, 0x02)),
                row("read coils past the end", frame(1, 0x01, 0x00, 0x27, 0x00, 0x02), reply(0x81, 0x02)),
                row("write single coil value 0x1234", frame(1, 0x05, 0x00, 0x01, 0x12, 0x34), reply(0x85, 0x03)),
                row(
                        "write multiple registers, byte count disagreeing with quantity",
                        frame(1, 0x10, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x01),
                        reply(0x90, 0x03)),
                row(
                        "write multiple registers, byte count past the frame",
                        frame(1, 0x10, 0x00, 0x00, 0x00, 0x02, 0x04, 0x00, 0x01),
                        reply(0x90, 0x03)),
                row("read coils with a trailing byte", frame(1, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00), reply(0x81, 0x03)),
                row(
                        "mask write register, not implemented",
                        frame(1, 0x16, 0x00, 0x04, 0x00, 0xF2, 0x00, 0x25),
                        reply(0x96, 0x01)),
                row("report server id with a trailing byte, not implemented", frame(1, 0x11, 0x00), reply(0x91, 0x01)),
                row("MEI type 13, not implemented", frame(1, 0x2B, 0x0D, 0x00), reply(0xAB, 0x01)),
                row("MEI type 15, reserved", frame(1, 0x2B, 0x0F, 0x01, 0x00), reply(0xAB, 0x01)),
                row("device identification code 5", frame(1, 0x2B, 0x0E, 0x05, 0x00), reply(0xAB, 0x03)),
                row("device identification of missing object 7", frame(1, 0x2B, 0x0E, 0x04, 0x07), reply(0xAB, 0x02)),
                row(
                        "diagnostics sub-function 1, not implemented",
                        frame(1, 0x08, 0x00, 0x01, 0x00, 0x00),
                        reply(0x88, 0x01)),
                row("diagnostics echo", frame(1, 0x08, 0x00, 0x00, 0xA5, 0x37), reply(0x08, 0x00, 0x00, 0xA5, 0x37)),
                row(
                        "unit 7, which is not behind this server",
                        frame(7, 0x03, 0x00, 0x00, 0x00, 0x01),
                        reply(0x83, 0x0B)),
                row("malformed PDU for unit 7", frame(7, 0x03, 0x00), reply(0x83, 0x0B)),
                row("unit 255", frame(255, 0x03, 0x00, 0x00, 0x00, 0x01), reply(0x03, 0x02, 0x03, 0xE8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    @DisplayName("hostile input gets an exception response or a closed connection, and the server lives on")
    void hostileInputGetsAnAnswerOrAClosedConnection(byte[] input, Expect expect) throws Exception {
        try (var socket = new RawModbusSocket(server.port())) {
            socket.send(input);
            switch (expect) {
                case Expect.Reply reply -> assertThat(socket.readPdu(WAIT)).containsExactly(reply.pdu());
                case Expect.Closed c ->
                    assertThat(socket.closedByServerWithin(WAIT)).isTrue();
            }
        }
        assertServerStillAnswersAnIndependentClient();
    }

    @Test
    @DisplayName("a request cut after 3 bytes, then silence, is closed at the idle timeout")
    void cutRequestIsClosedAtTheIdleTimeout() throws Exception {
        try (var socket = new RawModbusSocket(server.port())) {
            long sent = System.nanoTime();
            socket.send(bytes(0x00, 0x01, 0x00));
            assertThat(socket.closedByServerWithin(WAIT)).isTrue();
            // Scheduling delays can only make this longer, so the lower bound holds under load.
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(20));
        }
        Eventually.await(WAIT, "idle connection counted", () -> server.stats().connectionsIdleClosed() == 1);
        assertServerStillAnswersAnIndependentClient();
    }

    @Test
    @DisplayName("a valid frame sent in 1-byte segments is answered once it is whole")
    void oneByteSegmentsAreReassembled() throws Exception {
        try (var socket = new RawModbusSocket(server.port())) {
            socket.sendInOneByteSegments(frame(1, 0x04, 0x00, 0x02, 0x00, 0x02));
            assertThat(socket.readPdu(WAIT)).containsExactly(0x04, 0x04, 0xFF, 0xFE, 0xFF, 0xFD);
        }
    }

    @Test
    @DisplayName("two requests in one segment get two answers in order")
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (var socket = new RawModbusSocket(server.port())) {
            socket.send(concat(frame(1, 0x03, 0x00, 0x00, 0x00, 0x01), frame(1, 0x03, 0x00, 0x01, 0x00, 0x01)));
            assertThat(socket.readPdu(WAIT)).containsExactly(0x03, 0x02, 0x03, 0xE8);
            assertThat(socket.readPdu(WAIT)).containsExactly(0x03, 0x02, 0x03, 0xE9);
        }
    }

    @Test
    @DisplayName("the response echoes the request's transaction id and unit id (TCP/IP guide 3.1.3)")
    void responseEchoesTransactionAndUnit() throws Exception {
        try (var socket = new RawModbusSocket(server.port())) {
            socket.send(MbapCodec.encode(MbapFrame.of(0xBEEF, 255, bytes(0x01, 0x00, 0x00, 0x00, 0x01))));
            assertThat(socket.readFrame(WAIT))
                    .containsExactly(0xBE, 0xEF, 0x00, 0x00, 0x00, 0x04, 0xFF, 0x01, 0x01, 0x01);
        }
    }

    @Test
    @DisplayName("a broadcast write (unit 0) is performed and not answered")
    void broadcastWriteIsPerformedSilently() throws Exception {
        try (var socket = new RawModbusSocket(server.port())) {
            socket.send(frame(0, 0x06, 0x00, 0x02, 0x12, 0x34));
            assertThat(socket.silentFor(Duration.ofMillis(200))).isTrue();
            assertThat(image.holdingRegister(2)).isEqualTo((short) 0x1234);
            socket.send(frame(0, 0x03, 0x00, 0x00, 0x00, 0x01));
            assertThat(socket.silentFor(Duration.ofMillis(200))).isTrue();
        }
    }

    @Test
    @DisplayName("broken framing is counted as malformed and closes only that connection")
    void brokenFramingIsCounted() throws Exception {
        try (var healthy = new RawModbusSocket(server.port());
                var hostile = new RawModbusSocket(server.port())) {
            hostile.send(bytes(0x00, 0x01, 0x00, 0x07, 0x00, 0x06));
            assertThat(hostile.closedByServerWithin(WAIT)).isTrue();
            healthy.send(frame(1, 0x03, 0x00, 0x00, 0x00, 0x01));
            assertThat(healthy.readPdu(WAIT)).containsExactly(0x03, 0x02, 0x03, 0xE8);
        }
        assertThat(server.stats().malformedFrames()).isEqualTo(1);
    }

    @Test
    @DisplayName("connections beyond the cap are closed at once and counted; a freed slot is usable again")
    void connectionCapIsEnforced() throws Exception {
        try (var capped = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.port(0).maxConnections(2)), TestImages.patterned())) {
            capped.start();
            try (var first = new RawModbusSocket(capped.port());
                    var second = new RawModbusSocket(capped.port())) {
                for (var socket : new RawModbusSocket[] {first, second}) {
                    socket.send(frame(1, 0x03, 0x00, 0x00, 0x00, 0x01));
                    assertThat(socket.readPdu(WAIT)).hasSize(4);
                }
                try (var third = new RawModbusSocket(capped.port())) {
                    assertThat(third.closedByServerWithin(WAIT)).isTrue();
                }
                assertThat(capped.stats().connectionsRejected()).isEqualTo(1);
            }
            Eventually.await(WAIT, "connections closed", () -> capped.stats().connectionsOpen() == 0);
            try (var again = new RawModbusSocket(capped.port())) {
                again.send(frame(1, 0x03, 0x00, 0x00, 0x00, 0x01));
                assertThat(again.readPdu(WAIT)).containsExactly(0x03, 0x02, 0x03, 0xE8);
            }
        }
    }

    private void assertServerStillAnswersAnIndependentClient() throws Exception {
        var master = new ModbusTCPMaster("127.0.0.1", server.port(), 2000, false);
        master.connect();
        try {
            assertThat(master.readMultipleRegisters(1, 0, 3)[2].getValue()).isEqualTo(1002);
        } finally {
            master.disconnect();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
