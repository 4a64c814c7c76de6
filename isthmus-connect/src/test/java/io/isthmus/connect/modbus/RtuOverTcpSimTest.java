package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.RequestBudget;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.SourceKind;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.RtuOverTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The poller speaking Modbus RTU over TCP (address, PDU, CRC-16 in a TCP stream, as through a
 * serial-to-Ethernet gateway) to the simulator's RTU-over-TCP server on 127.0.0.1.
 */
@Timeout(60)
class RtuOverTcpSimTest {
    private static SourceConfig source(int port, Consumer<SourceConfig.Builder> more) {
        return SourceConfig.create("rtu", new HostPort("127.0.0.1", port), b -> {
            b.kind = SourceKind.MODBUS_RTU_OVER_TCP;
            b.unitId = 17;
            b.pollRate = Duration.ofMillis(100);
            b.requestTimeout = Duration.ofMillis(500);
            b.budget = new RequestBudget(1000, 50, 4); // RTU ignores max-in-flight: one request at a time
            b.backoff = new BackoffConfig(Duration.ofMillis(100), Duration.ofMillis(400), 2, 0.2);
            more.accept(b);
        });
    }

    private static TagConfig tag(String point, String address) {
        return TagConfig.of(
                TagPath.parse("acme/springfield/packaging/line1/test/rtu/" + point),
                "rtu",
                ModbusAddress.parse(address));
    }

    @Test
    void everyTableIsReadOverRtuFramesWithGoodQuality() throws Exception {
        var image = new RegisterImage(8, 8, 20, 20);
        image.writeCoils(3, new boolean[] {true});
        image.setDiscreteInput(1, true);
        image.writeHoldingRegisters(4, new short[] {0x3FC0, 0x0000});
        image.setInputRegister(9, (short) 2345);
        var out = new Collected();
        try (var server = RtuOverTcpServer.start(
                        ModbusServerConfig.create(b -> b.port(0).unitId(17)), image);
                var source = ModbusSource.create(
                        source(server.port(), b -> {}),
                        List.of(
                                tag("coil", "coil:3"),
                                tag("di", "discrete:1"),
                                tag("f", "holding:4:float32:be"),
                                tag("current", "input:9:uint16:scale=0.01")),
                        out,
                        out)) {
            source.start();
            assertThat(out.awaitSample("coil", s -> s.path().point().equals("coil"))
                            .value())
                    .isEqualTo(Value.of(true));
            assertThat(out.awaitSample("di", s -> s.path().point().equals("di")).value())
                    .isEqualTo(Value.of(true));
            assertThat(out.awaitSample("f", s -> s.path().point().equals("f")).value())
                    .isEqualTo(Value.of(1.5));
            var current = out.awaitSample("current", s -> s.path().point().equals("current"));
            assertThat(current.value()).isEqualTo(Value.of(23.45));
            assertThat(current.quality()).isEqualTo(Quality.GOOD);
            assertThat(server.requests()).isPositive();
            assertThat(server.crcErrors()).isZero();
            assertThat(source.stats().commErrors()).isZero();
        }
    }

    @Test
    void aGatewayWithNoSlaveAtTheAddressTimesOutAndTheTagsGoBadComm() throws Exception {
        var image = new RegisterImage(0, 0, 10, 0);
        var out = new Collected();
        try (var server = RtuOverTcpServer.start(
                        ModbusServerConfig.create(b -> b.port(0).unitId(5)), image);
                var source =
                        ModbusSource.create(source(server.port(), b -> {}), List.of(tag("h", "holding:0")), out, out)) {
            source.start();
            out.awaitSample("BAD_COMM for a slave that never answers", s -> s.quality() == Quality.BAD_COMM);
            assertThat(server.ignored()).isPositive();
            assertThat(server.requests()).isZero();
            assertThat(source.stats().commErrors()).isPositive();
        }
    }
}
