package io.isthmus.app.cli;

import io.isthmus.app.config.EdgeConfigYaml;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.edge.Edge;
import io.isthmus.app.edge.EdgeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus edge --config edge.yaml}: drivers, journal and forwarder on the OT side. */
@Command(
        name = "edge",
        mixinStandardHelpOptions = true,
        description =
                "Poll the plant's devices, journal every sample and forward the journal to a hub (OT to IT only).")
public final class EdgeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The edge's YAML configuration.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EdgeConfig edgeConfig;
        try {
            edgeConfig = EdgeConfigYaml.load(config);
        } catch (TagConfigException e) {
            err.println("isthmus: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Edge edge;
        try {
            edge = Edge.start(edgeConfig);
        } catch (Exception e) {
            err.println("isthmus: the edge could not start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        var s = edgeConfig.edge();
        out.println("Edge " + s.siteId() + ": " + edgeConfig.sources().sources().size() + " source(s), "
                + edgeConfig.sources().tagCount() + " tag(s)");
        out.println("Journal: " + s.journal().directory() + " (fsync "
                + s.journal().fsync() + ", at most " + (s.journal().maxTotalBytes() >> 20) + " MiB, when full "
                + s.journal().whenFull() + ")");
        s.forward().ifPresent(f -> out.println("Forwarding to: " + f.ingest()));
        s.transfer()
                .ifPresent(t -> out.println("Sending one way to: "
                        + t.destination().getHostString() + ":"
                        + t.destination().getPort() + " (UDP, " + t.rateBitsPerSecond() + " bit/s, FEC overhead "
                        + t.fecOverhead() + ", redundancy " + t.redundancy() + ", journal consumer "
                        + t.consumerName() + ")"));
        out.println(s.status()
                .map(h -> "Status: http://" + h + "/status and /metrics")
                .orElse("Listening on no port (no status port configured)."));
        out.flush();
        UntilInterrupted.await(edge, out);
        return ExitCodes.OK;
    }
}
