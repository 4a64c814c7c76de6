package io.isthmus.app.cli;

import io.isthmus.app.config.ScenarioFiles;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.scenario.Scenario;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the virtual factory. */
public final class FactoryOptions {
    @Option(
            names = "--scenario",
            paramLabel = "NAME|FILE",
            description = "Scenario to play: a built-in one (${COMPLETION-CANDIDATES}) or a YAML file.",
            completionCandidates = BuiltInScenarios.class)
    String scenario;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Random seed; the same seed gives the same run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--speed",
            defaultValue = "1",
            paramLabel = "X",
            description = "Simulated seconds per real second, up to 1000 (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--modbus-port",
            defaultValue = "5020",
            paramLabel = "PORT",
            description = "First Modbus/TCP port; the PLCs use PORT..PORT+5 in line order (default: ${DEFAULT-VALUE}).")
    int modbusPort;

    @Option(
            names = "--opcua-port",
            defaultValue = "4840",
            paramLabel = "PORT",
            description = "OPC UA server port (default: ${DEFAULT-VALUE}).")
    int opcUaPort;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Put every PLC on this one loopback address (e.g. 127.0.0.1), told apart by port, for systems"
                    + " whose loopback answers only 127.0.0.1 (macOS). Default: each PLC on its own address,"
                    + " 127.0.0.10 (conveyor) to 127.0.0.15 (meter), as separate hosts for the network sensor.")
    String bind;

    @Option(
            names = "--pki-dir",
            paramLabel = "DIR",
            description = "Where the OPC UA server keeps its certificate (default: <tmp>/isthmus-pki).")
    Path pkiDir;

    /** {@code --bind}: a literal loopback address, never a name to resolve. */
    private java.util.Optional<java.net.InetAddress> sharedAddress() {
        if (bind == null) {
            return java.util.Optional.empty();
        }
        java.net.InetAddress a;
        try {
            a = io.isthmus.model.IpLiteral.parse(bind.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bind: not an IP address: '" + bind + "'", e);
        }
        if (!a.isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "--bind: the virtual factory serves only on loopback (127.0.0.0/8 or ::1), not " + bind);
        }
        return java.util.Optional.of(a);
    }

    static final class BuiltInScenarios implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScenarioFiles.BUILT_IN.iterator();
        }
    }

    /** The configuration, or empty after explaining on {@code err} why the options are wrong. */
    java.util.Optional<VirtualFactoryConfig> toConfigOrExplain(String defaultScenario, java.io.PrintWriter err) {
        try {
            return java.util.Optional.of(toConfig(defaultScenario));
        } catch (ScenarioFiles.ScenarioException | IllegalArgumentException e) {
            err.println("isthmus: " + e.getMessage());
            err.flush();
            return java.util.Optional.empty();
        }
    }

    /** Prints each scenario step's outcome as it happens. */
    static java.util.function.Consumer<io.isthmus.sim.scenario.StepOutcome> scenarioLog(java.io.PrintWriter out) {
        return o -> {
            out.println(o.logLine());
            out.flush();
        };
    }

    VirtualFactoryConfig toConfig(String defaultScenario) throws ScenarioFiles.ScenarioException {
        String name = scenario != null ? scenario : defaultScenario;
        Scenario s = name == null ? Scenario.idle() : ScenarioFiles.load(name);
        java.util.Optional<java.net.InetAddress> shared = sharedAddress();
        return VirtualFactoryConfig.defaults().with(b -> {
            shared.ifPresent(a -> {
                b.bindAddress = a;
                b.plcAddresses = new io.isthmus.sim.PlcAddresses.Shared();
            });
            b.scenario = s;
            b.seed = seed;
            b.speed = speed;
            b.modbusBasePort = modbusPort;
            b.opcUaPort = opcUaPort;
            if (pkiDir != null) {
                b.pkiDir = pkiDir;
            }
        });
    }
}
