package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.DeviceIdObject;
import io.isthmus.wire.modbus.ExceptionCode;
import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.Registers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The scenarios' client against the simulator's server, and against servers that misbehave. */
class ModbusTcpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int UNIT = 1;

    record Seen(InetSocketAddress remote, int unit, ModbusRequest request, Optional<ModbusResponse> response) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private RegisterImage image;
    private ModbusTcpServer server;

    @BeforeEach
    void start() throws IOException {
        image = TestImages.patterned();
        var config = ModbusServerConfig.create(b -> b.port(0).unitId(UNIT).machine("filler-3", "1.4"));
        server = new ModbusTcpServer(
                config,
                image,
                (remote, unit, request, response) -> seen.add(new Seen(remote, unit, request, response)));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModbusTcpClient connect() throws IOException {
        return ModbusTcpClient.connect(server.localAddress(), TIMEOUT);
    }

    @Test
    @DisplayName("§6.1-6.4: the client reads all four tables as the image holds them")
    void readsAllFourTables() throws IOException {
        try (var client = connect()) {
            assertThat(client.readCoils(UNIT, 0, 7)).containsExactly(image.readCoils(0, 7));
            assertThat(client.readDiscreteInputs(UNIT, 3, 9)).containsExactly(image.readDiscreteInputs(3, 9));
            assertThat(client.readHoldingRegisters(UNIT, 10, 5).toShortArray())
                    .containsExactly(image.readHoldingRegisters(10, 5));
            assertThat(client.readInputRegisters(UNIT, 0, 4).toShortArray())
                    .containsExactly(image.readInputRegisters(0, 4));
        }
    }

    @Test
    @DisplayName("§6.5, §6.6, §6.12: writes by the client land in the image")
    void writesLandInTheImage() throws IOException {
        try (var client = connect()) {
            client.writeSingleCoil(UNIT, 1, true);
            client.writeSingleRegister(UNIT, 3, -7);
            client.writeMultipleRegisters(UNIT, 20, Registers.of(11, 22, 65535));
        }
        assertThat(image.coil(1)).isTrue();
        assertThat(image.holdingRegister(3)).isEqualTo((short) -7);
        assertThat(image.readHoldingRegisters(20, 3)).containsExactly((short) 11, (short) 22, (short) -1);
    }

    @Test
    @DisplayName("an outside host bound to 127.0.0.66 writes a coil and the listener sees its address")
    void listenerSeesTheClientsLocalBinding() throws IOException {
        var itHost = InetAddress.getByName("127.0.0.66");
        try (var client = ModbusTcpClient.connect(server.localAddress(), Optional.of(itHost), TIMEOUT)) {
            assertThat(client.localAddress().getAddress()).isEqualTo(itHost);
            client.writeSingleCoil(UNIT, 0, false);
        }
        assertThat(image.coil(0)).isFalse();
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.remote().getAddress()).isEqualTo(itHost);
            assertThat(s.unit()).isEqualTo(UNIT);
            assertThat(s.request()).isEqualTo(new ModbusRequest.WriteSingleCoil(0, 0x0000));
            assertThat(s.response()).contains(new ModbusResponse.WriteSingleCoil(0, 0x0000));
        });
    }

    @Test
    @DisplayName("§7: an exception response becomes a typed exception and the connection stays usable")
    void exceptionResponseIsTypedAndTheConnectionSurvives() throws IOException {
        try (var client = connect()) {
            assertThatThrownBy(() -> client.readHoldingRegisters(UNIT, TestImages.HOLDING, 1))
                    .isInstanceOfSatisfying(ModbusExceptionResponseException.class, e -> {
                        assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
                        assertThat(e.functionCode()).isEqualTo(3);
                    });
            assertThat(client.readHoldingRegisters(UNIT, 0, 1).get(0)).isEqualTo(1000);
        }
    }

    @Test
    @DisplayName("§7: send() returns an exception response as a value")
    void sendReturnsExceptionResponsesAsValues() throws IOException {
        try (var client = connect()) {
            assertThat(client.send(UNIT, new ModbusRequest.ReadFifoQueue(0)))
                    .isEqualTo(new ModbusResponse.ExceptionResponse(0x18, ExceptionCode.ILLEGAL_FUNCTION));
            assertThat(client.send(7, new ModbusRequest.ReadCoils(0, 1)))
                    .isEqualTo(new ModbusResponse.ExceptionResponse(1, ExceptionCode.GATEWAY_TARGET_FAILED_TO_RESPOND));
        }
    }

    @Test
    @DisplayName("§6.21: device identification names vendor, machine and version")
    void deviceIdentificationNamesVendorMachineAndVersion() throws IOException {
        try (var client = connect()) {
            var basic = client.readDeviceIdentification(UNIT, ModbusRequest.ReadDeviceIdentification.BASIC, 0);
            assertThat(basic.objects())
                    .extracting(DeviceIdObject::valueAsString)
                    .containsExactly("Isthmus Virtual Factory", "filler-3", "1.4");
            assertThat(basic.conformityLevel()).isEqualTo(0x81);
            assertThat(basic.moreFollows()).isFalse();

            var one = client.readDeviceIdentification(UNIT, ModbusRequest.ReadDeviceIdentification.SPECIFIC, 1);
            assertThat(one.objects()).containsExactly(DeviceIdObject.ofString(1, "filler-3"));
        }
    }

    @Test
    @DisplayName("transaction ids increase with each request")
    void transactionIdsIncrease() throws Exception {
        try (var fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var client = ModbusTcpClient.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort()), TIMEOUT);
                var peer = fake.accept()) {
            for (int expected = 1; expected <= 3; expected++) {
                var answer = Thread.ofVirtual().start(() -> echoReadRegister(peer));
                assertThat(client.readHoldingRegisters(UNIT, 0, 1).get(0)).isEqualTo(42);
                answer.join();
            }
        }
    }

    private static void echoReadRegister(java.net.Socket peer) {
        try {
            byte[] request = peer.getInputStream().readNBytes(12);
            int transactionId = ((request[0] & 0xFF) << 8) | (request[1] & 0xFF);
            byte[] pdu = {0x03, 0x02, 0x00, 42};
            peer.getOutputStream().write(MbapCodec.encode(MbapFrame.of(transactionId, request[6] & 0xFF, pdu)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("an answer with another transaction id is a client exception and closes the client")
    void mismatchedTransactionIdFails() throws Exception {
        try (var fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var client = ModbusTcpClient.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort()), TIMEOUT);
                var peer = fake.accept()) {
            peer.getOutputStream()
                    .write(MbapCodec.encode(MbapFrame.of(999, UNIT, new byte[] {0x03, 0x02, 0x00, 0x01})));
            assertThatThrownBy(() -> client.readHoldingRegisters(UNIT, 0, 1))
                    .isExactlyInstanceOf(ModbusClientException.class)
                    .hasMessageContaining("transaction 999");
            assertThatThrownBy(() -> client.readHoldingRegisters(UNIT, 0, 1))
                    .isExactlyInstanceOf(ModbusClientException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    @DisplayName("a server that never answers gives a timeout exception after the timeout")
    void silentServerTimesOut() throws Exception {
        try (var fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var client = ModbusTcpClient.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort()),
                        Optional.empty(),
                        Duration.ofMillis(300));
                var peer = fake.accept()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.readCoils(UNIT, 0, 1)).isInstanceOf(ModbusTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
        }
    }

    @Test
    @DisplayName("an answer that is not what was asked for is a client exception")
    void wrongQuantityFails() throws Exception {
        try (var fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var client = ModbusTcpClient.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort()), TIMEOUT);
                var peer = fake.accept()) {
            peer.getOutputStream().write(MbapCodec.encode(MbapFrame.of(1, UNIT, new byte[] {0x03, 0x02, 0x00, 0x01})));
            assertThatThrownBy(() -> client.readHoldingRegisters(UNIT, 0, 2))
                    .isExactlyInstanceOf(ModbusClientException.class)
                    .hasMessageContaining("1 registers for 2");
        }
    }

    @Test
    @DisplayName("connecting to a port nobody listens on fails with an IOException")
    void connectingToAClosedPortFails() throws IOException {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertThatThrownBy(() ->
                        ModbusTcpClient.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT))
                .isInstanceOf(ConnectException.class);
    }
}
