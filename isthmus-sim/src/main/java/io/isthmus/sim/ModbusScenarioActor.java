package io.isthmus.sim;

import io.isthmus.sim.modbus.ModbusTcpClient;
import io.isthmus.sim.scenario.NetworkActor;
import io.isthmus.sim.scenario.ScenarioAction;
import io.isthmus.wire.modbus.ModbusRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Sends a scenario's network actions as real Modbus/TCP from the scenario's loopback host address. */
final class ModbusScenarioActor implements NetworkActor {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int SCAN_CONNECT_TIMEOUT_MS = 200;

    private final InetAddress target;
    private final Function<String, PlcEndpoint> plcs;
    private final Supplier<List<Integer>> plcPorts;

    ModbusScenarioActor(InetAddress target, Function<String, PlcEndpoint> plcs, Supplier<List<Integer>> plcPorts) {
        this.target = target;
        this.plcs = plcs;
        this.plcPorts = plcPorts;
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
                plcPorts.get().stream().mapToInt(Integer::intValue).summaryStatistics();
        return new ScenarioAction.PortRange(Math.max(1, ports.getMin() - 5), Math.min(65535, ports.getMax() + 5));
    }

    private ModbusTcpClient connect(InetAddress from, String device) throws IOException {
        return ModbusTcpClient.connect(plcs.apply(device).address(), Optional.of(from), TIMEOUT);
    }

    private String scan(ScenarioAction.ReconScan s) {
        ScenarioAction.PortRange range = s.ports().orElseGet(this::aroundThePlcs);
        List<Integer> open = new ArrayList<>();
        for (int port = range.first(); port <= range.last(); port++) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(s.from(), 0));
                socket.connect(new InetSocketAddress(target, port), SCAN_CONNECT_TIMEOUT_MS);
                open.add(port);
            } catch (IOException closed) {
                // a closed port is the expected answer of most probes
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
        return open.size() + " open ports " + open + "; Modbus identities " + identified;
    }
}
