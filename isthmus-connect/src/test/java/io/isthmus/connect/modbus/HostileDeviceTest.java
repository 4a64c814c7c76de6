package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.SourceKind;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.wire.modbus.rtu.RtuCodec;
import io.isthmus.wire.modbus.rtu.RtuFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Devices that answer wrongly or not at all. In every case the poller must drop the connection with
 * a typed error, mark the tags BAD_COMM, back off and try again: never hang, never crash.
 */
class HostileDeviceTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final TagConfig TAG =
            TagConfig.of(TagPath.parse("acme/s/a/l/c/plc/t"), "plc", ModbusAddress.parse("holding:0:uint16"));

    private static SourceConfig source(int port, SourceKind kind) {
        return SourceConfig.create("plc", new HostPort("127.0.0.1", port), b -> {
            b.kind = kind;
            b.pollRate = Duration.ofMillis(50);
            b.requestTimeout = Duration.ofMillis(300);
            b.backoff = new BackoffConfig(Duration.ofMillis(20), Duration.ofMillis(100), 2, 0.2);
        });
    }

    /** The MBAP header of {@code request} with a new length, then {@code pdu}. */
    private static byte[] mbap(byte[] request, int txDelta, String pdu) {
        byte[] p = HEX.parseHex(pdu);
        int tx = (((request[0] & 0xFF) << 8) | (request[1] & 0xFF)) + txDelta;
        byte[] out = new byte[7 + p.length];
        out[0] = (byte) (tx >> 8);
        out[1] = (byte) tx;
        out[4] = (byte) ((p.length + 1) >> 8);
        out[5] = (byte) (p.length + 1);
        out[6] = request[6];
        System.arraycopy(p, 0, out, 7, p.length);
        return out;
    }

    private static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Runs a source against the script until it has failed twice with {@code kind}. */
    private static void expectFailure(ScriptedDevice.Script script, Kind kind) throws Exception {
        try (var device = new ScriptedDevice(false, script)) {
            var out = new Collected();
            try (var source =
                    ModbusSource.create(source(device.port(), SourceKind.MODBUS_TCP), List.of(TAG), out, out)) {
                source.start();
                out.awaitSample("BAD_COMM", s -> s.quality() == Quality.BAD_COMM);
                var first = (ConnectionState.BackingOff)
                        out.awaitState("backing off", s -> s instanceof ConnectionState.BackingOff);
                assertThat(first.lastError()).startsWith(kind.name());
                out.awaitState(
                        "a second failure: the poller is not stuck",
                        s -> s instanceof ConnectionState.BackingOff b && b.attempt() >= 2);
                assertThat(device.connections.get()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void aResponseWithAnotherTransactionIdIsRefused() throws Exception {
        expectFailure((req, out, s) -> send(out, mbap(req, 1, "03020001")), Kind.TRANSACTION_MISMATCH);
    }

    @Test
    void aShortPduIsMalformed() throws Exception {
        // byte count 4, but only two bytes of register data
        expectFailure((req, out, s) -> send(out, mbap(req, 0, "03040001")), Kind.MALFORMED_FRAME);
    }

    @Test
    void anAbsurdMbapLengthIsRefusedBeforeReadingIt() throws Exception {
        expectFailure(
                (req, out, s) -> {
                    byte[] r = mbap(req, 0, "03020001");
                    r[4] = (byte) 0xFF;
                    r[5] = (byte) 0xFF;
                    send(out, r);
                },
                Kind.MALFORMED_FRAME);
    }

    @Test
    void aWrongRegisterCountIsAnUnexpectedResponse() throws Exception {
        expectFailure((req, out, s) -> send(out, mbap(req, 0, "030400010002")), Kind.UNEXPECTED_RESPONSE);
    }

    @Test
    void aDeviceThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        expectFailure((req, out, s) -> {}, Kind.TIMEOUT);
    }

    @Test
    void aDeviceThatClosesInTheMiddleOfAResponseIsClosedByPeer() throws Exception {
        expectFailure(
                (req, out, s) -> {
                    byte[] r = mbap(req, 0, "03020001");
                    send(out, java.util.Arrays.copyOf(r, 8));
                    s.close();
                },
                Kind.CLOSED_BY_PEER);
    }

    @Test
    void anExceptionResponseIsAnAnswerNotAFailure() throws Exception {
        try (var device = new ScriptedDevice(false, (req, out, s) -> send(out, mbap(req, 0, "8302")))) {
            var out = new Collected();
            try (var source =
                    ModbusSource.create(source(device.port(), SourceKind.MODBUS_TCP), List.of(TAG), out, out)) {
                source.start();
                out.awaitSample("BAD_DEVICE", s -> s.quality() == Quality.BAD_DEVICE);
                while (source.stats().exceptionResponses() < 3) {
                    Thread.sleep(20);
                }
                assertThat(source.state()).isInstanceOf(ConnectionState.Connected.class);
                assertThat(device.connections.get()).isEqualTo(1);
                assertThat(out.samples()).hasSize(1);
            }
        }
    }

    /** An RTU-over-TCP gateway with one holding register holding 0x1234 behind unit 1. */
    private static ScriptedDevice.Script rtuGateway(boolean corruptCrc) {
        return (req, out, s) -> {
            byte[] adu = RtuCodec.encode(new RtuFrame(req[0] & 0xFF, HEX.parseHex("03021234")));
            if (corruptCrc) {
                adu[adu.length - 1] ^= 0x01;
            }
            send(out, adu);
        };
    }

    @Test
    void rtuOverTcpReadsThroughAGateway() throws Exception {
        try (var device = new ScriptedDevice(true, rtuGateway(false))) {
            var out = new Collected();
            try (var source = ModbusSource.create(
                    source(device.port(), SourceKind.MODBUS_RTU_OVER_TCP), List.of(TAG), out, out)) {
                source.start();
                var s = out.awaitSample("GOOD over RTU", x -> x.quality() == Quality.GOOD);
                assertThat(s.value()).isEqualTo(Value.of(0x1234L));
            }
        }
    }

    @Test
    void anRtuCrcFailureIsATypedError() throws Exception {
        try (var device = new ScriptedDevice(true, rtuGateway(true))) {
            var out = new Collected();
            try (var source = ModbusSource.create(
                    source(device.port(), SourceKind.MODBUS_RTU_OVER_TCP), List.of(TAG), out, out)) {
                source.start();
                var b = (ConnectionState.BackingOff)
                        out.awaitState("backing off", s -> s instanceof ConnectionState.BackingOff);
                assertThat(b.lastError()).startsWith("CRC_MISMATCH").contains("computed 0x");
                out.awaitSample("BAD_COMM", s -> s.quality() == Quality.BAD_COMM);
            }
        }
    }

    @Test
    void closingASourceStopsItEvenWhileItWaitsForAnAnswer() throws Exception {
        try (var device = new ScriptedDevice(false, (req, out, s) -> {})) {
            var out = new Collected();
            var source = ModbusSource.create(
                    SourceConfig.create(
                            "plc",
                            new HostPort("127.0.0.1", device.port()),
                            b -> b.requestTimeout = Duration.ofSeconds(60)),
                    List.of(TAG),
                    out,
                    out);
            source.start();
            while (device.requests.get() == 0) {
                Thread.sleep(10);
            }
            source.close();
            assertThat(source.state()).isInstanceOf(ConnectionState.Stopped.class);
        }
    }

    @Test
    void aSinkThatThrowsDoesNotLeaveADeadPollerBehind() throws Exception {
        try (var device = new ScriptedDevice(false, (req, out, s) -> send(out, mbap(req, 0, "03020001")))) {
            var states = new Collected();
            try (var source = ModbusSource.create(
                    source(device.port(), SourceKind.MODBUS_TCP),
                    List.of(TAG),
                    sample -> {
                        throw new IllegalStateException("sink broken");
                    },
                    states)) {
                source.start();
                var b = (ConnectionState.BackingOff) states.awaitState(
                        "backing off after the sink threw", s -> s instanceof ConnectionState.BackingOff);
                assertThat(b.lastError()).contains("poller failed").contains("sink broken");
                states.awaitState("a retry", s -> s instanceof ConnectionState.BackingOff x && x.attempt() >= 2);
            }
        }
    }
}
