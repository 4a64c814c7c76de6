package io.isthmus.app.cli;

import io.isthmus.app.analyze.BackgroundWriter;
import io.isthmus.app.analyze.DirectFileOutput;
import io.isthmus.app.analyze.GuardOutputs;
import io.isthmus.app.analyze.ObservationWriter;
import io.isthmus.app.analyze.Progress;
import io.isthmus.app.analyze.SummaryTable;
import io.isthmus.app.config.OverridesYaml;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.detect.Detection;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.CaptureTap;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.observe.session.ShardedAnalysis;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus analyze FILE|-}: a capture in, {@code observations.jsonl} and a summary out
 * (docs/analyze.md). Exit 0 when the capture ended cleanly, {@link ExitCodes#CAPTURE_DAMAGED} when
 * it is truncated or corrupt (everything before the damage is analysed), 2 for usage errors.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse a capture (pcap, pcapng, gzip-compressed, or '-' for standard input): identify industrial"
                    + " protocols, write one JSON line per message to DIR/observations.jsonl, print a summary.",
            "Exit codes: 0 done, 2 usage error (e.g. output exists without --force), 3 capture truncated or corrupt"
                    + " (everything before the damage was analysed), 1 other failure."
        })
public final class AnalyzeCommand implements Callable<Integer> {
    static final String OBSERVATIONS = "observations.jsonl";
    static final String ALERTS = "alerts.jsonl";

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The capture file, or - for standard input.")
    String input;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "isthmus-analysis",
            description = "Directory for observations.jsonl (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing observations.jsonl.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar and no summary; only warnings and errors.")
    boolean quiet;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write a report to DIR: index.html (inventory, network map, alerts, conduit timing),"
                    + " inventory.json, inventory.csv, map.svg, map.json.")
    Path report;

    @Option(
            names = "--inventory",
            paramLabel = "FILE",
            description = "Asset inventory file: when it exists, report new, changed and vanished assets against it;"
                    + " then write this capture's inventory to it.")
    Path inventory;

    @Option(
            names = "--levels",
            paramLabel = "FILE",
            description =
                    "YAML overrides of level, zone, name and role by address, network or MAC" + " (docs/inventory.md).")
    Path levels;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Zones-and-conduits policy (YAML, docs/guard.md): alert on traffic it does not allow.")
    Optional<Path> policy;

    @Option(
            names = "--learn",
            paramLabel = "DURATION",
            description = "Learn a baseline from the first DURATION of capture time (e.g. 10m), then alert on"
                    + " deviations.")
    Optional<String> learn;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Load a baseline saved with --save-baseline and alert on deviations from it.")
    Optional<Path> baseline;

    @Option(names = "--save-baseline", paramLabel = "FILE", description = "Save the baseline (learned or loaded).")
    Optional<Path> saveBaseline;

    @Option(
            names = "--alerts",
            paramLabel = "FILE",
            description = "Where to write alerts as JSON lines (default with detection on: DIR/alerts.jsonl).")
    Optional<Path> alerts;

    @Option(
            names = "--syslog",
            paramLabel = "URL",
            description = "Also send each alert as RFC 5424 syslog with a CEF payload: udp://HOST:PORT or"
                    + " tcp://HOST:PORT.")
    Optional<String> syslog;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Dissect on N threads, the capture split by address pair (docs/analyze.md); same output."
                    + " Detection (--policy, --learn, --baseline) always runs on one. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || threads > ShardedAnalysis.MAX_SHARDS) {
            err.println("isthmus: --threads must be 1.." + ShardedAnalysis.MAX_SHARDS + ", was " + threads);
            return ExitCodes.USAGE;
        }
        Path file = out.resolve(OBSERVATIONS);
        if (Files.exists(file) && !force) {
            err.println("isthmus: " + file + " exists; use --force to overwrite or --out to choose another directory");
            return ExitCodes.USAGE;
        }
        Optional<GuardRun> guard;
        try {
            guard = GuardRun.configure(this, out.resolve(ALERTS));
        } catch (GuardRun.UsageException e) {
            err.println("isthmus: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (guard.isPresent() && Files.exists(guard.get().alertsFile()) && !force) {
            err.println("isthmus: " + guard.get().alertsFile() + " exists; use --force to overwrite or --alerts to"
                    + " choose another file");
            return ExitCodes.USAGE;
        }
        Optional<GuardOutputs> reporting = Optional.empty();
        if (report != null || inventory != null || levels != null) {
            try {
                InventoryOverrides overrides = levels == null ? InventoryOverrides.NONE : OverridesYaml.load(levels);
                reporting = Optional.of(
                        new GuardOutputs(Optional.ofNullable(report), Optional.ofNullable(inventory), overrides));
            } catch (IllegalArgumentException e) {
                err.println("isthmus: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        CaptureSource source;
        try {
            source = CaptureSource.open(input, CaptureLimits.DEFAULT);
        } catch (NoSuchFileException e) {
            err.println("isthmus: no such capture file: " + input);
            return ExitCodes.USAGE;
        }
        Files.createDirectories(out);
        return analyze(source, file, err, guard, reporting);
    }

    /**
     * The observation sink with detection after it. Without the report's consumers, a lambda of
     * its own with the writer and detection as their concrete types: the calls in it stay
     * monomorphic and inline, where {@link Consumer#andThen}'s one lambda class is shared by every
     * user in the JVM (docs/benchmarks.md, "Detection on vs off", fifth session).
     */
    private static Consumer<Observation> withDetection(
            Consumer<Observation> sink, BackgroundWriter<Observation> writer, Detection detection) {
        if (sink == writer) {
            return o -> {
                writer.accept(o);
                detection.accept(o);
            };
        }
        return o -> {
            sink.accept(o);
            detection.accept(o);
        };
    }

    /**
     * With {@code --threads} above 1 over an uncompressed capture that is a regular file: every shard
     * reads the file itself ({@link ShardedAnalysis.Opener}), the first through {@code source}, whose
     * progress the bar shows. Otherwise {@code source} alone: one reading thread hands the packets to
     * the shards (standard input and pipes can be read once; a gzip file would be decompressed once per shard).
     */
    private ShardedAnalysis.Opener shardInput(CaptureSource source) {
        if (threads < 2 || "-".equals(input) || source.compressed() || !Files.isRegularFile(Path.of(input))) {
            return ShardedAnalysis.Opener.once(source);
        }
        boolean[] given = {false};
        return () -> {
            if (!given[0]) {
                given[0] = true;
                return source;
            }
            return CaptureSource.open(Path.of(input), CaptureLimits.DEFAULT);
        };
    }

    private int analyze(
            CaptureSource source,
            Path file,
            PrintWriter err,
            Optional<GuardRun> guard,
            Optional<GuardOutputs> reporting)
            throws IOException {
        long start = System.nanoTime();
        CaptureAnalysis result;
        boolean bar = !quiet && System.console() != null;
        ObservationWriter writer;
        try (source;
                OutputStream os = DirectFileOutput.open(file)) {
            writer = new ObservationWriter(os);
            // Serialising JSON is as costly as decoding: it runs on a second thread; detection
            // stays on this one, in capture order.
            try (BackgroundWriter<Observation> observations =
                            new BackgroundWriter<>("isthmus-observations", writer, writer);
                    Progress progress = bar ? Progress.start(System.err, source::progress) : null) {
                ShardedAnalysis.Opener capture = shardInput(source);
                if (guard.isEmpty() && reporting.isEmpty()) {
                    result = ShardedAnalysis.run(capture, observations, threads);
                } else if (guard.isEmpty()) {
                    // flow summaries merge in order like observations; detection's per-frame tap does not
                    result = ShardedAnalysis.run(
                            capture,
                            DissectorRegistry.defaults(),
                            SessionLimits.DEFAULT,
                            FlowLimits.DEFAULT,
                            reporting.get().observations(observations),
                            reporting.get().flows(),
                            threads);
                } else {
                    if (threads > 1) {
                        err.println("isthmus: --threads " + threads
                                + " not used: detection (--policy, --learn, --baseline) needs capture order, so the"
                                + " capture is analysed on one thread");
                    }
                    Consumer<Observation> sink =
                            reporting.isPresent() ? reporting.get().observations(observations) : observations;
                    if (guard.isPresent()) {
                        sink = withDetection(sink, observations, guard.get().detection());
                    }
                    CaptureTap tap = guard.isPresent() ? guard.get().detection() : CaptureTap.NONE;
                    Consumer<FlowSummary> flows =
                            reporting.isPresent() ? reporting.get().flows() : FlowSummary.NONE;
                    result = CaptureAnalysis.run(
                            source,
                            DissectorRegistry.defaults(),
                            SessionLimits.DEFAULT,
                            FlowLimits.DEFAULT,
                            sink,
                            tap,
                            flows);
                }
            }
        }
        long lines = writer.lines();
        if (guard.isPresent()) {
            int code = guard.get().finish(err);
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        long wall = System.nanoTime() - start;
        PrintWriter stdout = spec.commandLine().getOut();
        if (!quiet) {
            SummaryTable.print(stdout, result, source.progress().bytesRead(), wall, lines);
            stdout.println("Observations: " + file);
            if (guard.isPresent()) {
                guard.get().summary(stdout);
            }
            stdout.flush();
        }
        if (reporting.isPresent()) {
            List<io.isthmus.model.Event> alerts = guard.isPresent()
                    ? guard.get().detection().alerts().stream()
                            .map(io.isthmus.observe.detect.Alert::event)
                            .toList()
                    : List.of();
            try {
                reporting
                        .get()
                        .finish(
                                input,
                                result,
                                alerts,
                                guard.map(g -> g.detection().stats()),
                                quiet ? new PrintWriter(PrintWriter.nullWriter()) : stdout);
            } finally {
                stdout.flush();
            }
        }
        if (result.damage().isPresent()) {
            var d = result.damage().get();
            err.println("isthmus: warning: the capture is damaged: " + d.message()
                    + "; everything before it was analysed (exit code " + ExitCodes.CAPTURE_DAMAGED + ")");
            err.flush();
            return ExitCodes.CAPTURE_DAMAGED;
        }
        return ExitCodes.OK;
    }
}
