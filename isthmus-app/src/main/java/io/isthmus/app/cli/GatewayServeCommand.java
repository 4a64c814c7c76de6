package io.isthmus.app.cli;

import io.isthmus.access.audit.AuditEvent;
import io.isthmus.app.config.GatewayConfigYaml;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.gateway.GatewayRuntime;
import io.isthmus.app.gateway.GatewayServer;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.duckdb.DuckDbHistorians;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus gateway serve --config gateway.yaml}: the access gateway alone, HTTPS with TLS 1.3 only. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the access gateway on its own: HTTPS (TLS 1.3 only) at the configuration's listen address,"
                    + " /gw/login, /gw/me, /gw/tags/{path}, /gw/writes, /gw/programs, /gw/approvals (docs/api.md).",
            "Every login, decision, approval and execution goes to the audit log first (isthmus audit verify DIR);"
                    + " changes reach the PLCs only over the Modbus driver and a conduit the policy allows.",
            "Inside a hub, use the hub configuration's gateway: section instead (one origin with the console).",
            "Example configuration with comments: config/gateway.yaml."
        })
public final class GatewayServeCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The gateway's YAML configuration (one gateway: section).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayConfigYaml.Standalone s;
        try {
            s = GatewayConfigYaml.loadStandalone(config);
        } catch (TagConfigException e) {
            err.println("isthmus: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Function<TagPath, Optional<Sample>> latest = t -> Optional.empty();
            if (s.historian().isPresent()) {
                Historian h = DuckDbHistorians.open(
                        HistorianConfig.create(s.historian().get()));
                open.add(h);
                latest = h::latest;
            }
            GatewayRuntime runtime =
                    GatewayRuntime.open(s.gateway(), latest, (seq, e) -> log(err, e), Clock.systemUTC());
            open.add(runtime);
            GatewayServer server = new GatewayServer(
                            runtime.gateway(),
                            s.tls().context(),
                            s.tls().trustStore().isPresent(),
                            s.listen(),
                            s.gateway().recipes())
                    .start();
            open.add(server);
            out.println("Access gateway: https://" + s.listen().getHostString() + ":" + server.port()
                    + "/gw/login (TLS 1.3 only" + (s.tls().trustStore().isPresent() ? ", client certificates" : "")
                    + ")");
            out.println("Audit log: " + s.gateway().audit() + " (isthmus audit verify "
                    + s.gateway().audit() + ")");
            out.println("Reads: " + s.historian().map(h -> "historian " + h).orElse("none (no historian configured)"));
            out.flush();
        } catch (Exception e) {
            closeAll(open, err);
            return StartupErrors.report(e, err, "gateway.listen in " + config);
        }
        UntilInterrupted.await(() -> closeAll(open, err), out);
        return ExitCodes.OK;
    }

    /** Denials and failures on standard error, as the firewall prints its alerts. */
    private static void log(PrintWriter err, AuditEvent e) {
        switch (e.result()) {
            case DENIED, FAILURE -> {
                err.println(
                        "gateway: " + e.result().token() + " " + e.type() + " by " + e.source() + " " + e.details());
                err.flush();
            }
            case SUCCESS, PENDING -> {}
        }
    }

    private static void closeAll(List<AutoCloseable> open, PrintWriter err) {
        for (AutoCloseable c : open.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                err.println("isthmus: while stopping: " + e.getMessage());
            }
        }
    }
}
