package io.isthmus.app.cli;

import io.isthmus.access.firewall.DenyAction;
import io.isthmus.access.firewall.FirewallConfig;
import io.isthmus.access.firewall.ModbusFirewall;
import io.isthmus.access.firewall.WriteRateLimit;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.guard.EventJson;
import io.isthmus.connect.config.HostPort;
import io.isthmus.model.Event;
import io.isthmus.model.IpLiteral;
import io.isthmus.policy.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus firewall}: the inline Modbus/TCP firewall in front of one PLC, enforcing the
 * zones-and-conduits policy per request (docs/access.md).
 */
@Command(
        name = "firewall",
        mixinStandardHelpOptions = true,
        description = {
            "Inline Modbus/TCP firewall: clients connect to --listen instead of the PLC; every request is decided"
                    + " by the zones-and-conduits policy and forwarded, answered with a Modbus exception, or dropped.",
            "Fails closed: unparseable traffic closes the connection; an unreachable PLC closes the client's."
        })
public final class FirewallCommand implements Callable<Integer> {
    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:5502",
            description = "Where clients connect (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", description = "The PLC (numeric address).")
    String upstream;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The zones-and-conduits policy.")
    Path policyFile;

    @Option(
            names = "--deny",
            defaultValue = "exception",
            description = "exception (answer with a Modbus exception) or drop (default: ${DEFAULT-VALUE}).")
    String deny;

    @Option(
            names = "--exception-code",
            defaultValue = "1",
            description = "Exception code for denials: 1 illegal function, 2 illegal data address, ..."
                    + " (default: ${DEFAULT-VALUE}).")
    int exceptionCode;

    @Option(
            names = "--write-rate",
            paramLabel = "N",
            description = "Writes and control operations per second per client.")
    Double writeRate;

    @Option(
            names = "--write-burst",
            paramLabel = "N",
            defaultValue = "5",
            description = "Burst for --write-rate (default: ${DEFAULT-VALUE}).")
    int writeBurst;

    @Option(names = "--alerts", paramLabel = "FILE", description = "Append each alert as a JSON line to FILE.")
    Path alertsFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FirewallConfig config;
        Policy policy;
        try {
            config = FirewallConfig.of(socket(listen), socket(upstream));
            DenyAction action = switch (deny.toLowerCase(Locale.ROOT)) {
                case "exception" -> DenyAction.EXCEPTION;
                case "drop" -> DenyAction.DROP;
                default -> throw new IllegalArgumentException("--deny must be exception or drop, was '" + deny + "'");
            };
            config = config.with(action, exceptionCode);
            if (writeRate != null) {
                config = config.withWriteRate(new WriteRateLimit(writeRate, writeBurst));
            }
            policy = PolicyYaml.load(policyFile);
        } catch (IllegalArgumentException e) {
            err.println("isthmus: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (PolicyYaml.PolicyFileException e) {
            err.println("isthmus: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        OutputStream alerts = alertsFile == null
                ? OutputStream.nullOutputStream()
                : Files.newOutputStream(alertsFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (alerts;
                ModbusFirewall firewall = start(config, policy, alerts, err)) {
            out.println("isthmus firewall: clients -> "
                    + config.listen().getAddress().getHostAddress() + ":"
                    + firewall.port() + " -> PLC " + upstream + "; policy " + policyFile + " ("
                    + policy.zones().size() + " zones, " + policy.conduits().size() + " conduits); denied requests: "
                    + (config.denyAction() == DenyAction.EXCEPTION
                            ? "Modbus exception " + config.exceptionCode()
                            : "dropped")
                    + (alertsFile == null ? "" : "; alerts to " + alertsFile));
            out.println("Press Ctrl-C to stop; when the firewall stops, nothing reaches the PLC through it.");
            out.flush();
            UntilInterrupted.await(firewall, out);
            var s = firewall.stats();
            out.println("forwarded " + s.forwarded() + ", denied " + s.denied() + ", malformed streams "
                    + s.malformedFrames() + ", connections " + s.connections());
            out.flush();
        } catch (BindException e) {
            err.println("isthmus: cannot listen on " + listen + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    private static ModbusFirewall start(FirewallConfig config, Policy policy, OutputStream alerts, PrintWriter err)
            throws IOException {
        return ModbusFirewall.start(
                config,
                policy,
                (Event e) -> {
                    synchronized (alerts) {
                        try {
                            EventJson.writeLine(alerts, e);
                            alerts.flush();
                        } catch (IOException x) {
                            err.println("isthmus: cannot write an alert: " + x.getMessage());
                        }
                    }
                    err.println("ALERT " + e.severity() + " " + e.title() + ": "
                            + e.evidence().summary());
                    err.flush();
                },
                Clock.systemUTC());
    }

    private static InetSocketAddress socket(String text) {
        HostPort hp = HostPort.parse(text);
        return new InetSocketAddress(IpLiteral.parse(hp.host()), hp.port());
    }
}
