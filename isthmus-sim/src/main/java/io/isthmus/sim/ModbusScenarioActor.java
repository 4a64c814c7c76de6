package io.isthmus.sim;

import io.isthmus.sim.mirror.MirrorPort;
import io.isthmus.sim.mirror.TcpConversation;
import io.isthmus.sim.modbus.ModbusTcpClient;
import io.isthmus.sim.scenario.NetworkActor;
import io.isthmus.sim.scenario.ScenarioAction;
import io.isthmus.wire.modbus.ModbusRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Sends a scenario's network actions as real Modbus/TCP from the scenario's loopback host address. */
final class ModbusScenarioActor implements NetworkActor {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int SCAN_CONNECT_TIMEOUT_MS = 200;

    private final Supplier<List<InetAddress>> targets;
    private final Function<String, PlcEndpoint> plcs;
    private final Supplier<List<InetSocketAddress>> plcEndpoints;
    private final Optional<MirrorPort> mirror;

    ModbusScenarioActor(
            Supplier<List<InetAddress>> targets,
            Function<String, PlcEndpoint> plcs,
            Supplier<List<InetSocketAddress>> plcEndpoints,
            Optional<MirrorPort> mirror) {
        this.targets = targets;
        this.plcs = plcs;
        this.plcEndpoints = plcEndpoints;
        this.mirror = mirror;
    }

    @Override
    public String perform(ScenarioAction action) throws Exception {
        return switch (action) {
            case ScenarioAction.WriteCoil w -> {
                try (ModbusTcpClient c = connect(w.from(), w.machine().id())) {
                    c.writeSingleCoil(1, w.address(), w.value());
                    yield "written";
                }
            }
            case ScenarioAction.WriteRegister w -> {
                try (ModbusTcpClient c = connect(w.from(), w.machine().id())) {
                    c.writeSingleRegister(1, w.address(), w.value());
                    yield "written";
                }
            }
            case ScenarioAction.RestartCommunications r -> {
                try (ModbusTcpClient c = connect(r.from(), r.machine().id())) {
                    yield "response " + c.send(1, new ModbusRequest.Diagnostics(1, new byte[] {0, 0}));
                }
            }
            case ScenarioAction.ReconScan s -> scan(s);
            case ScenarioAction.Fault f -> throw new IllegalArgumentException("not a network action: " + f);
            case ScenarioAction.DegradeBearing d -> throw new IllegalArgumentException("not a network action: " + d);
        };
    }

    private ScenarioAction.PortRange aroundThePlcs() {
        IntSummaryStatistics ports =
                plcEndpoints.get().stream().mapToInt(InetSocketAddress::getPort).summaryStatistics();
        return new ScenarioAction.PortRange(Math.max(1, ports.getMin() - 5), Math.min(65535, ports.getMax() + 5));
    }

    private ModbusTcpClient connect(InetAddress from, String device) throws IOException {
        return ModbusTcpClient.connect(plcs.apply(device).address(), Optional.of(from), TIMEOUT);
    }

    /** Probes the port range on every PLC address (one host, or six when each PLC has its own). */
    private String scan(ScenarioAction.ReconScan s) {
        List<String> reports = new ArrayList<>();
        for (InetAddress target : targets.get()) {
            reports.add(scan(s, target));
        }
        return String.join("; ", reports);
    }

    private String scan(ScenarioAction.ReconScan s, InetAddress target) {
        ScenarioAction.PortRange range = s.ports().orElseGet(this::aroundThePlcs);
        List<Integer> open = new ArrayList<>();
        Set<InetSocketAddress> servedHere = Set.copyOf(plcEndpoints.get());
        for (int port = range.first(); port <= range.last(); port++) {
            InetSocketAddress to = new InetSocketAddress(target, port);
            InetSocketAddress from = new InetSocketAddress(s.from(), 0);
            try (Socket socket = new Socket()) {
                socket.bind(from);
                from = (InetSocketAddress) socket.getLocalSocketAddress();
                socket.connect(to, SCAN_CONNECT_TIMEOUT_MS);
                open.add(port);
                if (!servedHere.contains(to)) {
                    // another program's port: no PLC server of ours frames this connection
                    InetSocketAddress client = from;
                    mirror.flatMap(m -> m.open(client, to)).ifPresent(c -> c.end(TcpConversation.Ending.CLIENT_CLOSED));
                }
            } catch (SocketTimeoutException filtered) {
                InetSocketAddress client = from;
                mirror.ifPresent(m -> m.unanswered(client, to));
            } catch (IOException closed) {
                // a closed port is the expected answer of most probes: SYN, then RST
                InetSocketAddress client = from;
                mirror.ifPresent(m -> m.refused(client, to));
            }
        }
        List<String> identified = new ArrayList<>();
        for (int port : open) {
            try (ModbusTcpClient c =
                    ModbusTcpClient.connect(new InetSocketAddress(target, port), Optional.of(s.from()), TIMEOUT)) {
                var id = c.readDeviceIdentification(1, ModbusRequest.ReadDeviceIdentification.BASIC, 0);
                identified.add(port + "="
                        + id.objects().stream().map(o -> o.valueAsString()).toList());
            } catch (Exception notModbus) {
                // not every open port speaks Modbus
            }
        }
        return target.getHostAddress() + ": " + open.size() + " open ports " + open + ", Modbus identities "
                + identified;
    }
}
