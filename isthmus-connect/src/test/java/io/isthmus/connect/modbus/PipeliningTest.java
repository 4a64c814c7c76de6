package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.RequestBudget;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.SourceKind;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several requests in flight on one Modbus/TCP connection (Messaging on TCP/IP Implementation
 * Guide V1.0b, section 4.2.1): answers are paired with requests by transaction identifier, in any
 * order; an answer that pairs with nothing, or twice, ends the connection; the budget's limit holds.
 */
class PipeliningTest {

    private static SourceConfig source(int port, SourceKind kind, int inFlight) {
        return SourceConfig.create("plc", new HostPort("127.0.0.1", port), b -> {
            b.kind = kind;
            b.requestTimeout = Duration.ofSeconds(2);
            b.budget = new RequestBudget(1000, 50, inFlight);
        });
    }

    private static int transaction(byte[] request) {
        return ((request[0] & 0xFF) << 8) | (request[1] & 0xFF);
    }

    /** A read-holding-registers answer to {@code request} whose one register is its start address. */
    private static byte[] answer(byte[] request) {
        int start = ((request[8] & 0xFF) << 8) | (request[9] & 0xFF);
        return new byte[] {request[0], request[1], 0, 0, 0, 5, request[6], 3, 2, (byte) (start >> 8), (byte) start};
    }

    private static void send(OutputStream out, byte[]... frames) throws IOException {
        for (byte[] f : frames) {
            out.write(f);
        }
        out.flush();
    }

    private static List<ModbusRequest> reads(int... starts) {
        List<ModbusRequest> r = new ArrayList<>();
        for (int s : starts) {
            r.add(new ModbusRequest.ReadHoldingRegisters(s, 1));
        }
        return r;
    }

    private static int register(ModbusResponse r) {
        return ((ModbusResponse.ReadHoldingRegisters) r).registers().toShortArray()[0];
    }

    @Test
    void answersInReverseOrderArePairedWithTheirRequestsByTransactionId() throws Exception {
        List<byte[]> held = new ArrayList<>();
        try (var device = new ScriptedDevice(false, (request, out, socket) -> {
                    held.add(request);
                    if (held.size() == 3) {
                        send(out, answer(held.get(2)), answer(held.get(0)), answer(held.get(1)));
                        held.clear();
                    }
                });
                var c = ModbusConnection.open(source(device.port(), SourceKind.MODBUS_TCP, 3))) {
            for (int round = 0; round < 3; round++) {
                List<ModbusResponse> answers = c.executeAll(reads(10, 20, 30));
                assertThat(answers).extracting(PipeliningTest::register).containsExactly(10, 20, 30);
            }
            assertThat(device.requests.get()).isEqualTo(9);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aSecondAnswerToTheSameRequestIsATransactionMismatchAndClosesTheConnection() throws Exception {
        List<byte[]> held = new ArrayList<>();
        try (var device = new ScriptedDevice(false, (request, out, socket) -> {
                    held.add(request);
                    if (held.size() == 2) {
                        send(out, answer(held.get(0)), answer(held.get(0)));
                    }
                });
                var c = ModbusConnection.open(source(device.port(), SourceKind.MODBUS_TCP, 2))) {
            assertThatThrownBy(() -> c.executeAll(reads(1, 2)))
                    .isInstanceOfSatisfying(
                            ModbusCommException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSACTION_MISMATCH))
                    .hasMessageContaining("a second response to transaction " + transaction(held.get(0)));
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void anAnswerOutsideTheWindowIsATransactionMismatch() throws Exception {
        List<byte[]> held = new ArrayList<>();
        try (var device = new ScriptedDevice(false, (request, out, socket) -> {
                    held.add(request);
                    if (held.size() == 2) {
                        byte[] stray = answer(held.get(1));
                        stray[1] += 1; // the transaction after the last one sent
                        send(out, answer(held.get(0)), stray);
                    }
                });
                var c = ModbusConnection.open(source(device.port(), SourceKind.MODBUS_TCP, 2))) {
            assertThatThrownBy(() -> c.executeAll(reads(1, 2)))
                    .isInstanceOfSatisfying(
                            ModbusCommException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSACTION_MISMATCH))
                    .hasMessageContaining("expected " + transaction(held.get(0)) + ".." + transaction(held.get(1)));
        }
    }

    @Test
    void noMoreRequestsGoOutTogetherThanTheBudgetAllows() throws Exception {
        try (var device = new ScriptedDevice(false, (request, out, socket) -> send(out, answer(request)));
                var c = ModbusConnection.open(source(device.port(), SourceKind.MODBUS_TCP, 2))) {
            assertThat(c.maxInFlight()).isEqualTo(2);
            assertThatThrownBy(() -> c.executeAll(reads(1, 2, 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3 requests at once; this connection allows 1..2");
            assertThat(device.requests.get()).isZero();
        }
    }

    @Test
    void rtuOverTcpKeepsOneRequestInFlightWhateverTheBudgetSays() {
        assertThat(ModbusConnection.maxInFlight(source(1, SourceKind.MODBUS_RTU_OVER_TCP, 8)))
                .isEqualTo(1);
        assertThat(ModbusConnection.maxInFlight(source(1, SourceKind.MODBUS_TCP, 8)))
                .isEqualTo(8);
    }

    @Test
    void aPipelinedSourceReadsEveryBlockOfTheSimulatorWithGoodValues() throws Exception {
        var image = new RegisterImage(0, 0, 0, 2000);
        for (int r = 0; r < 2000; r++) {
            image.setInputRegister(r, (short) (r * 3));
        }
        List<TagConfig> tags = new ArrayList<>();
        for (int r = 0; r < 2000; r += 200) { // ten blocks: more than 125 registers apart, never coalesced
            tags.add(TagConfig.of(
                    TagPath.parse("acme/s/a/l/c/plc/r" + r), "plc", ModbusAddress.parse("input:" + r + ":uint16")));
        }
        try (var server = new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(0)), image)) {
            server.start();
            var out = new Collected();
            var config = SourceConfig.create("plc", new HostPort("127.0.0.1", server.port()), b -> {
                b.pollRate = Duration.ofMillis(50);
                b.requestTimeout = Duration.ofSeconds(2);
                b.budget = new RequestBudget(1000, 50, 4);
            });
            try (var source = ModbusSource.create(config, tags, out, out)) {
                assertThat(source.plan().values().iterator().next()).hasSize(10);
                source.start();
                for (TagConfig t : tags) {
                    int r = Integer.parseInt(t.path().point().substring(1));
                    Sample s = out.awaitSample(t.path().point(), x -> x.path().equals(t.path()));
                    assertThat(s.quality()).isEqualTo(Quality.GOOD);
                    assertThat(s.value()).isEqualTo(Value.of((long) r * 3));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (source.stats().responses() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(source.stats().responses()).as("two full cycles").isGreaterThanOrEqualTo(20);
                assertThat(source.stats().commErrors()).isZero();
                assertThat(source.stats().connects()).isEqualTo(1);
            }
        }
    }
}
