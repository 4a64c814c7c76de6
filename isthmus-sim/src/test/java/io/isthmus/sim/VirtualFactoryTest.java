package io.isthmus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.isthmus.sim.process.LinePlcMaps;
import io.isthmus.sim.process.MachineKind;
import io.isthmus.sim.scenario.Scenario;
import io.isthmus.sim.scenario.ScenarioAction;
import io.isthmus.sim.scenario.ScenarioStep;
import io.isthmus.sim.scenario.StepOutcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole virtual factory on loopback, read and commanded by an independent Modbus client (j2mod). */
class VirtualFactoryTest {
    private static final int SPEED_REGISTER =
            LinePlcMaps.machine(MachineKind.CONVEYOR).require(LinePlcMaps.SPEED).address();
    private static final int GOOD_COUNT_REGISTER = LinePlcMaps.machine(MachineKind.CONVEYOR)
            .require(LinePlcMaps.GOOD_COUNT)
            .address();

    @TempDir
    Path pki;

    private VirtualFactoryConfig config(Scenario scenario) throws Exception {
        int opcUa;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUa = s.getLocalPort();
        }
        return VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUa;
            b.speed = 20;
            b.scenario = scenario;
            b.pkiDir = pki;
        });
    }

    private static ModbusTCPMaster j2mod(PlcEndpoint plc) throws Exception {
        ModbusTCPMaster m =
                new ModbusTCPMaster(plc.address().getHostString(), plc.address().getPort(), 2000, false);
        m.connect();
        return m;
    }

    private static int inputRegister(ModbusTCPMaster m, int address) throws Exception {
        return m.readInputRegisters(1, address, 1)[0].getValue();
    }

    private static long uint32(ModbusTCPMaster m, int address) throws Exception {
        var r = m.readInputRegisters(1, address, 2);
        return ((long) r[0].getValue() << 16) | r[1].getValue();
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " did not happen within " + limit);
    }

    @Test
    void onePlcCanBeTakenOffTheNetworkAndBroughtBackOnTheSamePort() throws Exception {
        try (VirtualFactory f = VirtualFactory.start(config(Scenario.idle()), (r, u, q, a) -> {}, o -> {})) {
            PlcEndpoint filler = f.plcs().get(1);
            f.stopPlc("filler");
            assertThatThrownBy(
                            () -> io.isthmus.sim.modbus.ModbusTcpClient.connect(filler.address(), Duration.ofSeconds(1))
                                    .close())
                    .isInstanceOf(java.io.IOException.class);
            try (var other = io.isthmus.sim.modbus.ModbusTcpClient.connect(
                    f.plcs().get(0).address(), Duration.ofSeconds(1))) {
                assertThat(other.readHoldingRegisters(1, 0, 2).toShortArray()).hasSize(2);
            }
            f.restartPlc("filler");
            assertThat(f.plcs().get(1).address()).isEqualTo(filler.address());
            try (var again = io.isthmus.sim.modbus.ModbusTcpClient.connect(filler.address(), Duration.ofSeconds(1))) {
                assertThat(again.readHoldingRegisters(1, 0, 2).toShortArray()).hasSize(2);
            }
        }
    }

    @Test
    void anIndependentClientSeesTheLineProduceAndStopsItWithTheConveyorsRunCoil() throws Exception {
        try (VirtualFactory f = VirtualFactory.start(config(Scenario.idle()), (r, u, q, a) -> {}, o -> {})) {
            List<PlcEndpoint> plcs = f.plcs();
            assertThat(plcs)
                    .extracting(PlcEndpoint::device)
                    .containsExactly("conveyor", "filler", "capper", "labeler", "palletizer", "meter");
            ModbusTCPMaster conveyor = j2mod(plcs.get(0));
            ModbusTCPMaster palletizer = j2mod(plcs.get(4));
            try {
                await(
                        "the line running at speed",
                        Duration.ofSeconds(15),
                        () -> read(() -> inputRegister(palletizer, SPEED_REGISTER)) > 500);
                long before = uint32(palletizer, GOOD_COUNT_REGISTER);
                await(
                        "bottles counted",
                        Duration.ofSeconds(10),
                        () -> read(() -> uint32(palletizer, GOOD_COUNT_REGISTER)) > before);

                conveyor.writeCoil(1, 0, false);
                assertThat(conveyor.readCoils(1, 0, 1).getBit(0)).isFalse();
                await(
                        "every machine stopped",
                        Duration.ofSeconds(15),
                        () -> plcs.subList(0, 5).stream()
                                .allMatch(p -> read(() -> {
                                            ModbusTCPMaster m = j2mod(p);
                                            try {
                                                return inputRegister(m, SPEED_REGISTER);
                                            } finally {
                                                m.disconnect();
                                            }
                                        })
                                        == 0));
                long stopped = uint32(palletizer, GOOD_COUNT_REGISTER);
                Thread.sleep(500);
                assertThat(uint32(palletizer, GOOD_COUNT_REGISTER)).isEqualTo(stopped);
                assertThat(inputRegister(palletizer, 0))
                        .as("palletizer state: idle")
                        .isEqualTo(2);
            } finally {
                conveyor.disconnect();
                palletizer.disconnect();
            }
        }
    }

    @Test
    void aScenarioWritesTheStopCoilFromItsItHostAddressOverRealModbus() throws Exception {
        InetAddress itHost = InetAddress.getByName("127.0.0.66");
        Scenario attack = new Scenario(
                "t",
                "",
                List.of(new ScenarioStep(
                        Duration.ofSeconds(20), new ScenarioAction.WriteCoil(itHost, MachineKind.CONVEYOR, 0, false))));
        List<InetSocketAddress> writers = new CopyOnWriteArrayList<>();
        List<StepOutcome> log = new CopyOnWriteArrayList<>();
        try (VirtualFactory f = VirtualFactory.start(
                config(attack),
                (remote, unit, request, response) -> {
                    if (request instanceof io.isthmus.wire.modbus.ModbusRequest.WriteSingleCoil) {
                        writers.add(remote);
                    }
                },
                log::add)) {
            await("the scenario's write", Duration.ofSeconds(20), () -> !log.isEmpty());
            assertThat(log.getFirst().ok()).as(log.getFirst().logLine()).isTrue();
            assertThat(writers).extracting(a -> a.getAddress().getHostAddress()).containsExactly("127.0.0.66");
            await(
                    "the conveyor stopped",
                    Duration.ofSeconds(10),
                    () -> f.line().state(MachineKind.CONVEYOR) == io.isthmus.sim.process.MachineState.STOPPED);
        }
    }

    @Test
    void eachPlcListensOnItsOwnLoopbackAddressByDefaultAndAnswersThere() throws Exception {
        try (VirtualFactory f = VirtualFactory.start(config(Scenario.idle()), (r, u, q, a) -> {}, o -> {})) {
            assertThat(f.plcs())
                    .extracting(p -> p.device() + "@" + p.address().getAddress().getHostAddress())
                    .containsExactly(
                            "conveyor@127.0.0.10",
                            "filler@127.0.0.11",
                            "capper@127.0.0.12",
                            "labeler@127.0.0.13",
                            "palletizer@127.0.0.14",
                            "meter@127.0.0.15");
            PlcEndpoint meter = f.plcs().get(5);
            try (var c = io.isthmus.sim.modbus.ModbusTcpClient.connect(meter.address(), Duration.ofSeconds(1))) {
                assertThat(c.readInputRegisters(1, 3, 1).get(0))
                        .as("incomer voltage")
                        .isPositive();
            }
        }
    }

    @Test
    void sharedAddressingPutsEveryPlcOnTheBindAddressToldApartByPort() throws Exception {
        try (VirtualFactory f = VirtualFactory.start(
                config(Scenario.idle()).with(b -> b.plcAddresses = new PlcAddresses.Shared()),
                (r, u, q, a) -> {},
                o -> {})) {
            assertThat(f.plcs())
                    .extracting(p -> p.address().getAddress().getHostAddress())
                    .containsOnly("127.0.0.1");
            assertThat(f.plcs()).extracting(p -> p.address().getPort()).doesNotHaveDuplicates();
        }
    }

    @Test
    void anAddressTheLoopbackDoesNotAnswerIsReportedAsSuchNotAsABusyPort() {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5020);
        var cannotAssign =
                new java.io.IOException("bind", new java.net.BindException("Can't assign requested address"));
        var inUse = new java.io.IOException("bind", new java.net.BindException("Address already in use"));
        assertThat(VirtualFactory.bindFailure("conveyor", at, cannotAssign, PlcAddresses.defaults()))
                .isInstanceOf(PlcAddressUnavailableException.class)
                .hasMessageContaining("does not answer 127.0.0.1");
        assertThat(VirtualFactory.bindFailure("conveyor", at, inUse, PlcAddresses.defaults()))
                .isInstanceOf(PortInUseException.class);
        assertThat(VirtualFactory.bindFailure("conveyor", at, cannotAssign, new PlcAddresses.Shared()))
                .isInstanceOf(PortInUseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.251", "10.0.0.1", "::1"})
    void aFirstPlcAddressThatIsNotLoopbackOrLeavesNoRoomIsRefused(String address) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertThatThrownBy(() -> new PlcAddresses.OnePerPlc(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(a.getHostAddress());
    }

    private interface IoSupplier<T> {
        T get() throws Exception;
    }

    private static <T> T read(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
