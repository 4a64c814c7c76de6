package io.isthmus.app.cli;

import io.isthmus.app.analyze.GuardOutputs;
import io.isthmus.app.analyze.ObservationWriter;
import io.isthmus.app.analyze.Progress;
import io.isthmus.app.analyze.SummaryTable;
import io.isthmus.app.config.OverridesYaml;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path file = out.resolve(OBSERVATIONS);
        if (Files.exists(file) && !force) {
            err.println("isthmus: " + file + " exists; use --force to overwrite or --out to choose another directory");
            return ExitCodes.USAGE;
        }
        CaptureSource source;
        try {
            source = CaptureSource.open(input, CaptureLimits.DEFAULT);
        } catch (NoSuchFileException e) {
            err.println("isthmus: no such capture file: " + input);
            return ExitCodes.USAGE;
        }
        Optional<GuardOutputs> guard = Optional.empty();
        if (report != null || inventory != null || levels != null) {
            InventoryOverrides overrides;
            try {
                overrides = levels == null ? InventoryOverrides.NONE : OverridesYaml.load(levels);
                guard = Optional.of(
                        new GuardOutputs(Optional.ofNullable(report), Optional.ofNullable(inventory), overrides));
            } catch (IllegalArgumentException e) {
                source.close();
                err.println("isthmus: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Files.createDirectories(out);
        return analyze(source, file, err, guard);
    }

    private int analyze(CaptureSource source, Path file, PrintWriter err, Optional<GuardOutputs> guard)
            throws IOException {
        long start = System.nanoTime();
        CaptureAnalysis result;
        long lines;
        boolean bar = !quiet && System.console() != null;
        try (source;
                OutputStream os = Files.newOutputStream(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                ObservationWriter writer = new ObservationWriter(os);
                Progress progress = bar ? Progress.start(System.err, source::progress) : null) {
            if (guard.isPresent()) {
                result = CaptureAnalysis.run(
                        source,
                        DissectorRegistry.defaults(),
                        SessionLimits.DEFAULT,
                        FlowLimits.DEFAULT,
                        guard.get().observations(writer),
                        guard.get().flows());
            } else {
                result = CaptureAnalysis.run(source, writer);
            }
            lines = writer.lines();
        }
        long wall = System.nanoTime() - start;
        PrintWriter stdout = spec.commandLine().getOut();
        if (!quiet) {
            SummaryTable.print(stdout, result, source.progress().bytesRead(), wall, lines);
            stdout.println("Observations: " + file);
            stdout.flush();
        }
        if (guard.isPresent()) {
            try {
                // detection (issue 5, item 4) hands its alerts here once it is part of analyze
                guard.get()
                        .finish(input, result, List.of(), quiet ? new PrintWriter(PrintWriter.nullWriter()) : stdout);
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
