package io.isthmus.app.cli;

import io.isthmus.app.demo.DemoRuntime;
import io.isthmus.sim.VirtualFactoryConfig;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus demo}: the virtual factory, a poller and the console in one process on 127.0.0.1. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run everything on this laptop: the virtual factory, an edge, a hub with the historian, and the console at http://127.0.0.1:8080.")
public final class DemoCommand implements Callable<Integer> {
    public static final String DEFAULT_SCENARIO = "attack-demo";

    @Mixin
    FactoryOptions options;

    @Option(
            names = "--http-port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "Console port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "Keep the edge's journal and the hub's historian in DIR (default: a new temporary directory).")
    java.nio.file.Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var parsed = options.toConfigOrExplain(DEFAULT_SCENARIO, err);
        if (parsed.isEmpty()) {
            return ExitCodes.USAGE;
        }
        VirtualFactoryConfig config = parsed.get();
        out.println("Starting the virtual factory, an edge and a hub...");
        out.flush();
        DemoRuntime runtime;
        try {
            runtime = DemoRuntime.start(
                    config,
                    new InetSocketAddress("127.0.0.1", httpPort),
                    FactoryOptions.scenarioLog(out),
                    java.util.Optional.ofNullable(data));
        } catch (Exception e) {
            return StartupErrors.report(e, err, "--http-port");
        }
        SimCommand.printEndpoints(out, runtime.factory());
        out.println();
        out.println("Data (journal, historian): " + runtime.dataDir());
        out.println("Edge " + DemoRuntime.SITE_ID + " polls the PLCs and sends its journal one way (UDP, Reed-Solomon"
                + " coded) to the hub's receiver at " + runtime.receiverAddress() + "; status: http://127.0.0.1:"
                + runtime.httpPort() + "/api/transfer");
        out.println("Console: http://127.0.0.1:" + runtime.httpPort() + "/");
        printGateway(out, err, runtime);
        out.flush();
        UntilInterrupted.await(runtime, out);
        return ExitCodes.OK;
    }

    /** The demo's gateway users: whoever runs the demo needs their passwords and second factors. */
    public static void printGateway(PrintWriter out, PrintWriter err, DemoRuntime runtime) {
        err.println("isthmus: warning: gateway on loopback without TLS: the channel never leaves this host");
        err.flush();
        out.println("Access gateway: http://127.0.0.1:" + runtime.httpPort()
                + "/gw/login (the cell is a protected zone: a setpoint change needs the approver);"
                + " audit log " + runtime.auditDir() + " (check it: isthmus audit verify " + runtime.auditDir() + ")");
        for (var u : runtime.gatewayUsers()) {
            out.println("  user " + u.name() + " (role " + u.role() + "): password " + u.password() + ", TOTP secret "
                    + u.totpSecret());
        }
        out.println("  current TOTP code: isthmus gateway code NAME --users " + runtime.gatewayUsersFile());
    }
}
