package io.isthmus.app.cli;

import io.isthmus.app.config.InsightConfigYaml;
import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.insight.InsightBatch;
import io.isthmus.app.insight.InsightReports;
import io.isthmus.app.insight.InsightSettings;
import io.isthmus.app.insight.InsightTimes;
import io.isthmus.insight.oee.Grouping;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.HistorianException;
import io.isthmus.store.duckdb.DuckDbHistorians;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code isthmus report energy|oee}: reports over a historian range (docs/insight.md). */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Energy/CO2e and OEE reports from the historian: CSV and a self-contained HTML page.",
        subcommands = {ReportCommand.Energy.class, ReportCommand.Oee.class})
public final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options both reports take. */
    static final class RangeOptions {
        @Option(
                names = "--historian",
                required = true,
                paramLabel = "DIR",
                description =
                        "The hub's historian directory (holds historian.duckdb); the hub must not be running on it.")
        Path historian;

        @Option(
                names = "--from",
                required = true,
                paramLabel = "T",
                description = "Start: 2026-11-26T06:00:00Z, 2026-11-26T06:00 (plant time) or 2026-11-26.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "T", description = "End (exclusive), same forms.")
        String to;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "Shift calendar, line, meters and emission factors (default: the built-in copy of"
                        + " config/insight.yaml).")
        Path config;

        @Option(
                names = "--by",
                paramLabel = "shift|day",
                defaultValue = "shift",
                description = "One row per shift (default) or per production day.")
        String by;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the report is written.")
        Path out;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;
    }

    static int run(CommandSpec spec, RangeOptions o, boolean energy) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        InsightSettings settings;
        try {
            settings = o.config == null ? InsightConfigYaml.builtIn() : InsightConfigYaml.load(o.config);
        } catch (TagConfigException e) {
            err.println("isthmus: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Instant from;
        Instant to;
        Grouping by;
        try {
            from = InsightTimes.parse(
                    "--from", o.from, settings.oee().calendar().zone());
            to = InsightTimes.parse("--to", o.to, settings.oee().calendar().zone());
            by = Grouping.parse(o.by);
        } catch (IllegalArgumentException e) {
            err.println("isthmus: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!to.isAfter(from)) {
            err.println("isthmus: the range is empty: --to (" + to + ") must be after --from (" + from + ")");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(o.historian.resolve("historian.duckdb"))) {
            err.println("isthmus: no historian in " + o.historian + " (historian.duckdb is missing)");
            return ExitCodes.USAGE;
        }
        TimeSpan window = new TimeSpan(from, to);
        InsightBatch.Outcome outcome;
        try (var h = DuckDbHistorians.open(HistorianConfig.create(o.historian, b -> {}))) {
            outcome = InsightBatch.run(h, settings, window, by, line -> {
                if (!o.quiet) {
                    err.println(line);
                    err.flush();
                }
            });
        } catch (InsightBatch.NoDataException e) {
            err.println("isthmus: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (HistorianException e) {
            err.println("isthmus: cannot read the historian in " + o.historian + " (is a hub running on it?): "
                    + e.getMessage());
            return ExitCodes.FAILED;
        }
        Files.createDirectories(o.out);
        var written = energy
                ? InsightReports.writeEnergy(o.out, outcome, window, Instant.now())
                : InsightReports.writeOee(o.out, outcome, window, Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        for (String n : InsightReports.notes(outcome)) {
            err.println("isthmus: " + n);
        }
        out.println("wrote "
                + String.join(", ", written.stream().map(Path::toString).toList()));
        out.flush();
        return ExitCodes.OK;
    }

    @Command(
            name = "energy",
            mixinStandardHelpOptions = true,
            description = {
                "kWh per machine, line and shift from the meters' counters, kWh per good unit, and Scope 2 CO2e"
                        + " (location- and market-based): DIR/energy.csv, DIR/energy-gaps.csv, DIR/index.html.",
                "Exit codes: 0 written, 1 no data or historian error, 2 usage error."
            })
    static final class Energy implements Callable<Integer> {
        @Mixin
        RangeOptions options = new RangeOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return run(spec, options, true);
        }
    }

    @Command(
            name = "oee",
            mixinStandardHelpOptions = true,
            description = {
                "OEE (ISO 22400-2) per machine and line, per shift or day, with losses by fault code and state:"
                        + " DIR/oee.csv, DIR/oee-losses.csv, DIR/index.html.",
                "Exit codes: 0 written, 1 no data or historian error, 2 usage error."
            })
    static final class Oee implements Callable<Integer> {
        @Mixin
        RangeOptions options = new RangeOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return run(spec, options, false);
        }
    }
}
