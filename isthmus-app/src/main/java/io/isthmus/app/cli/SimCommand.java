package io.isthmus.app.cli;

import io.isthmus.connect.config.HostPort;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.sparkplug.SparkplugLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus sim}: the virtual factory alone, for test benches and other tools. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Run the virtual factory alone: a bottling line's PLCs on Modbus/TCP (each on its own loopback"
                + " address, 127.0.0.10-15) and OPC UA on 127.0.0.1.")
public final class SimCommand implements Callable<Integer> {
    @Mixin
    FactoryOptions options;

    @Option(
            names = "--sparkplug",
            paramLabel = "HOST:PORT",
            description = "Also publish the line as Sparkplug B edge nodes (one per work cell, group = the line's"
                    + " name) to the MQTT broker at HOST:PORT.")
    String sparkplug;

    @Option(
            names = "--mirror",
            paramLabel = "FILE|-",
            description = "Write the factory's mirror port (the PLCs' Modbus/TCP traffic as a pcap stream, stamped"
                    + " with the simulated clock) to FILE, or to standard output with - (the endpoints are then"
                    + " printed to standard error): isthmus sim --mirror - | isthmus analyze -")
    String mirror;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "Stop after this much simulated time (e.g. 2m, 90s); default: until Ctrl-C.")
    String duration;

    /** Where {@code --mirror -} writes; standard output unless a test sets it. */
    OutputStream stdout = System.out;

    /** Changes are published at most this often. */
    private static final Duration SPARKPLUG_PERIOD = Duration.ofMillis(500);

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
        Optional<HostPort> broker;
        try {
            broker = Optional.ofNullable(sparkplug).map(HostPort::parse);
        } catch (IllegalArgumentException e) {
            err.println("--sparkplug: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<Duration> stopAfter;
        try {
            stopAfter = Optional.ofNullable(duration).map(SimCommand::parseDuration);
        } catch (IllegalArgumentException e) {
            err.println("isthmus: --duration: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if ("-".equals(mirror)) {
            out = err; // standard output carries the pcap stream
        }
        VirtualFactoryConfig config = parsed.get();
        MirrorOutput mirrorOut;
        try {
            mirrorOut = MirrorOutput.open(mirror, stdout);
        } catch (IOException e) {
            err.println("isthmus: --mirror: cannot write " + mirror + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        VirtualFactory factory;
        try {
            factory = VirtualFactory.start(
                    config,
                    (remote, unit, request, response) -> {},
                    FactoryOptions.scenarioLog(out),
                    mirrorOut.limits());
        } catch (Exception e) {
            mirrorOut.close();
            return StartupErrors.report(e, err, "--http-port");
        }
        mirrorOut.start(factory);
        SparkplugLine line = null;
        if (broker.isPresent()) {
            HostPort b = broker.get();
            line = new SparkplugLine(
                    b.host(), b.port(), config.names().line(), factory.processImage(), SPARKPLUG_PERIOD);
            try {
                line.start();
            } catch (IOException e) {
                line.close();
                factory.close();
                mirrorOut.close();
                err.println(
                        "could not publish Sparkplug B to the broker at " + b + " (--sparkplug): " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
        printEndpoints(out, factory);
        if (line != null) {
            out.printf(
                    "  Sparkplug B  %s, group %s, one edge node per cell (docs/connect.md)%n",
                    broker.get(), config.names().line());
            out.flush();
        }
        SparkplugLine publisher = line;
        AutoCloseable stop = () -> {
            if (publisher != null) {
                publisher.close();
            }
            factory.close();
            mirrorOut.close();
        };
        if (stopAfter.isPresent()) {
            int code = runFor(stopAfter.get(), factory, stop, out);
            Optional<IOException> failed = mirrorOut.failure();
            failed.ifPresent(e -> {
                err.println("isthmus: --mirror: writing stopped early: " + e.getMessage());
                err.flush();
            });
            return failed.isPresent() ? ExitCodes.FAILED : code;
        }
        UntilInterrupted.await(stop, out);
        return ExitCodes.OK;
    }

    /** Runs until the simulated clock has advanced by {@code d}, then stops everything. */
    private static int runFor(Duration d, VirtualFactory factory, AutoCloseable stop, PrintWriter out) {
        try {
            while (factory.elapsed().compareTo(d) < 0) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            stop.close();
        } catch (Exception e) {
            out.println("while stopping: " + e.getMessage());
            out.flush();
            return ExitCodes.FAILED;
        }
        out.printf("Stopped after %ds of simulated time.%n", d.toSeconds());
        out.flush();
        return ExitCodes.OK;
    }

    static Duration parseDuration(String text) {
        return io.isthmus.app.config.DurationText.parse(text);
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
