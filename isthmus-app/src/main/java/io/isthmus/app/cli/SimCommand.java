package io.isthmus.app.cli;

import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code isthmus sim}: the virtual factory alone, for test benches and other tools. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Run the virtual factory alone: a bottling line's PLCs on Modbus/TCP and OPC UA, on 127.0.0.1.")
public final class SimCommand implements Callable<Integer> {
    @Mixin
    FactoryOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var parsed = options.toConfigOrExplain(null, err);
        if (parsed.isEmpty()) {
            return ExitCodes.USAGE;
        }
        VirtualFactoryConfig config = parsed.get();
        VirtualFactory factory;
        try {
            factory = VirtualFactory.start(
                    config, (remote, unit, request, response) -> {}, FactoryOptions.scenarioLog(out));
        } catch (Exception e) {
            return StartupErrors.report(e, err, "--http-port");
        }
        printEndpoints(out, factory);
        UntilInterrupted.await(factory, out);
        return ExitCodes.OK;
    }

    static void printEndpoints(PrintWriter out, VirtualFactory factory) {
        VirtualFactoryConfig c = factory.config();
        out.printf(
                "Virtual factory running: scenario %s, seed %d, speed %sx%n",
                c.scenario().name(), c.seed(), c.speed());
        out.println("  PLC          Modbus/TCP (unit 1)");
        for (PlcEndpoint p : factory.plcs()) {
            out.printf("  %-12s %s%n", p.device(), p.hostPort());
        }
        out.println("  OPC UA       " + factory.opcUaEndpoint());
        out.println("Register map: docs/virtual-factory.md. Press Ctrl-C to stop.");
        out.flush();
    }
}
