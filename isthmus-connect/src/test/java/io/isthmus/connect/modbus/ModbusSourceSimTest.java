package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.ModbusAddress;
import io.isthmus.connect.config.RequestBudget;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller against the virtual factory's real Modbus/TCP server on 127.0.0.1. */
class ModbusSourceSimTest {
    /** Length of the PLC outage; the issue asks for 60 s, CI uses 3 s. Set -Disthmus.test.outageSeconds=60. */
    private static final long OUTAGE_SECONDS = Long.getLong("isthmus.test.outageSeconds", 3);

    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
    }

    private ModbusTcpServer server(RegisterImage image, int port, io.isthmus.sim.modbus.ModbusServerListener l)
            throws Exception {
        var server = new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(port)), image, l);
        server.start();
        closeLater.add(server);
        return server;
    }

    private static SourceConfig source(int port, Consumer<SourceConfig.Builder> more) {
        return SourceConfig.create("plc", new HostPort("127.0.0.1", port), b -> {
            b.pollRate = Duration.ofMillis(100);
            b.requestTimeout = Duration.ofSeconds(2);
            b.budget = new RequestBudget(1000, 50, 1);
            b.backoff = new BackoffConfig(Duration.ofMillis(100), Duration.ofMillis(800), 2, 0.2);
            more.accept(b);
        });
    }

    private ModbusSource start(SourceConfig config, List<TagConfig> tags, Collected out) {
        var source = ModbusSource.create(config, tags, out, out);
        closeLater.add(source);
        source.start();
        return source;
    }

    private static TagConfig tag(String point, String address) {
        return TagConfig.of(
                TagPath.parse("acme/springfield/packaging/line1/test/plc/" + point),
                "plc",
                ModbusAddress.parse(address));
    }

    @Test
    void everyTableAndTypeIsReadWithGoodQualityAndTheResponseTime() throws Exception {
        var image = new RegisterImage(8, 8, 20, 20);
        image.writeCoils(2, new boolean[] {true});
        image.setDiscreteInput(4, true);
        image.writeHoldingRegisters(0, new short[] {0x3FC0, 0x0000});
        image.setInputRegister(7, (short) 1234);
        image.setInputRegister(2, (short) 1);
        image.setInputRegister(3, (short) 2);
        var server = server(image, 0, io.isthmus.sim.modbus.ModbusServerListener.NONE);
        var out = new Collected();
        var tags = List.of(
                tag("coil", "coil:2"),
                tag("di", "discrete:4"),
                tag("f", "holding:0:float32:be"),
                tag("current", "input:7:uint16:scale=0.01"),
                tag("count", "input:2:uint32"));
        var before = java.time.Instant.now();
        start(source(server.port(), b -> {}), tags, out);
        assertThat(out.awaitSample("coil", s -> s.path().point().equals("coil")).value())
                .isEqualTo(Value.of(true));
        assertThat(out.awaitSample("di", s -> s.path().point().equals("di")).value())
                .isEqualTo(Value.of(true));
        assertThat(out.awaitSample("f", s -> s.path().point().equals("f")).value())
                .isEqualTo(Value.of(1.5));
        assertThat(out.awaitSample("current", s -> s.path().point().equals("current"))
                        .value())
                .isEqualTo(Value.of(12.34));
        Sample count = out.awaitSample("count", s -> s.path().point().equals("count"));
        assertThat(count.value()).isEqualTo(Value.of(65538L));
        assertThat(count.quality()).isEqualTo(Quality.GOOD);
        assertThat(count.sourceTime()).isAfterOrEqualTo(before);
    }

    @Test
    void anExceptionOnOneBlockMakesOnlyItsTagsBadDevice() throws Exception {
        var image = new RegisterImage(0, 0, 10, 0);
        image.writeHoldingRegisters(0, new short[] {42});
        var server = server(image, 0, io.isthmus.sim.modbus.ModbusServerListener.NONE);
        var out = new Collected();
        var source =
                start(source(server.port(), b -> {}), List.of(tag("ok", "holding:0"), tag("gone", "holding:50")), out);
        out.awaitSample(
                "BAD_DEVICE for the missing register",
                s -> s.path().point().equals("gone") && s.quality() == Quality.BAD_DEVICE);
        int mark = out.size();
        out.awaitSampleAfter(
                "GOOD for the good register after the exception",
                mark,
                s -> s.path().point().equals("ok") && s.quality() == Quality.GOOD);
        assertThat(source.state()).isInstanceOf(ConnectionState.Connected.class);
        assertThat(source.stats().connects()).isEqualTo(1);
        assertThat(out.samplesOf(tag("gone", "holding:50").path()))
                .extracting(Sample::quality)
                .containsOnly(Quality.BAD_DEVICE);
    }

    @Test
    void aThousandTagsNeverPushOnePlcBeyondItsRequestBudget() throws Exception {
        var image = new RegisterImage(0, 0, 0, 2000);
        var requests = new AtomicLong();
        var server = server(image, 0, (remote, unit, request, response) -> requests.incrementAndGet());
        List<TagConfig> tags = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tags.add(tag("t" + i, "input:" + (2 * i))); // a gap of one register each: no coalescing with maxGap 0
        }
        double rate = 20;
        int burst = 5;
        var out = new Collected();
        long t0 = System.nanoTime();
        var source = start(
                source(server.port(), b -> {
                    b.maxGap = 0;
                    b.budget = new RequestBudget(rate, burst, 1);
                }),
                tags,
                out);
        assertThat(source.plan().values().iterator().next()).hasSize(1000);
        out.awaitSample(
                "a tag going STALE because the budget cannot keep its period", s -> s.quality() == Quality.STALE);
        source.close();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long served = requests.get();
        assertThat(served).isPositive();
        assertThat(served)
                .as(
                        "requests seen by the PLC in %.2f s with a budget of %.0f/s and a burst of %d",
                        elapsed, rate, burst)
                .isLessThanOrEqualTo((long) Math.floor(burst + rate * elapsed) + 1);
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aPlcThatDisappearsAndComesBackGivesBadCommThenGoodWithoutDuplicates() throws Exception {
        var image = new RegisterImage(0, 0, 4, 0);
        image.writeHoldingRegisters(0, new short[] {7, 8});
        var first = server(image, 0, io.isthmus.sim.modbus.ModbusServerListener.NONE);
        int port = first.port();
        var out = new Collected();
        var a = tag("a", "holding:0");
        var b = tag("b", "holding:1");
        var source = start(source(port, x -> {}), List.of(a, b), out);
        out.awaitSample("GOOD before the outage", s -> s.quality() == Quality.GOOD);

        first.close();
        out.awaitSample("BAD_COMM during the outage", s -> s.quality() == Quality.BAD_COMM);
        out.awaitState("backing off", s -> s instanceof ConnectionState.BackingOff);
        Thread.sleep(Duration.ofSeconds(OUTAGE_SECONDS));
        int duringOutage = out.size();
        image.writeHoldingRegisters(0, new short[] {9});
        server(image, port, io.isthmus.sim.modbus.ModbusServerListener.NONE);
        out.awaitSampleAfter(
                "GOOD after the PLC came back",
                duringOutage,
                s -> s.path().equals(a.path())
                        && s.quality() == Quality.GOOD
                        && s.value().equals(Value.of(9L)));
        out.awaitState(
                "connected again",
                s -> s instanceof ConnectionState.Connected && source.stats().connects() >= 2);

        for (var tag : List.of(a, b)) {
            List<Sample> samples = out.samplesOf(tag.path());
            Set<java.time.Instant> times = new HashSet<>();
            for (int i = 0; i < samples.size(); i++) {
                assertThat(times.add(samples.get(i).sourceTime()))
                        .as("duplicate %s", samples.get(i))
                        .isTrue();
                if (i > 0) {
                    assertThat(samples.get(i).sourceTime())
                            .isAfter(samples.get(i - 1).sourceTime());
                }
            }
            List<Quality> qualities =
                    samples.stream().map(Sample::quality).distinct().toList();
            assertThat(qualities).startsWith(Quality.GOOD).contains(Quality.BAD_COMM);
            assertThat(samples.stream()
                            .filter(s -> s.quality() == Quality.BAD_COMM)
                            .count())
                    .as("one BAD_COMM sample per outage, however long it lasts")
                    .isEqualTo(1);
        }
        List<ConnectionState.BackingOff> backoffs = out.states().stream()
                .filter(s -> s instanceof ConnectionState.BackingOff)
                .map(s -> (ConnectionState.BackingOff) s)
                .toList();
        assertThat(backoffs).isNotEmpty();
        assertThat(backoffs.getFirst().lastError()).contains("CLOSED_BY_PEER");
    }
}
