package io.isthmus.app;

import io.isthmus.app.cli.AnalyzeCommand;
import io.isthmus.app.cli.AuditCommand;
import io.isthmus.app.cli.BrowseCommand;
import io.isthmus.app.cli.DemoCommand;
import io.isthmus.app.cli.EdgeCommand;
import io.isthmus.app.cli.FirewallCommand;
import io.isthmus.app.cli.GatewayCommand;
import io.isthmus.app.cli.HubCommand;
import io.isthmus.app.cli.PolicyCommand;
import io.isthmus.app.cli.ReportCommand;
import io.isthmus.app.cli.SimCommand;
import io.isthmus.app.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one {@code isthmus} command; each role is a subcommand. */
@Command(
        name = "isthmus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Isthmus joins a plant's IT and OT networks without opening the plant floor to attack.",
        subcommands = {
            AnalyzeCommand.class,
            AuditCommand.class,
            BrowseCommand.class,
            PolicyCommand.class,
            DemoCommand.class,
            FirewallCommand.class,
            GatewayCommand.class,
            EdgeCommand.class,
            HubCommand.class,
            SimCommand.class,
            io.isthmus.app.transfer.TransferCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'isthmus help COMMAND' for a command's options."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine(args).execute(args);
        // Javalin and Milo keep pool threads alive after close; leave explicitly.
        System.exit(code);
    }

    public static CommandLine commandLine() {
        return handled(new CommandLine(new Main()));
    }

    /**
     * The command line for these arguments. For {@code analyze}, a root with that one subcommand:
     * picocli builds every subcommand's model up front by reflection (about 0.2 s of CPU on the
     * decoding thread before the first packet, docs/benchmarks.md "(perf11b)"), and an analysis
     * needs only its own. Its help, errors and exit codes are the same as under the full root.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && "analyze".equals(args[0])) {
            return handled(new CommandLine(new AnalyzeOnly()));
        }
        return commandLine();
    }

    private static CommandLine handled(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@link Main}'s root with only {@code analyze} under it; reached only with "analyze" first. */
    @Command(
            name = "isthmus",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            subcommands = AnalyzeCommand.class)
    static final class AnalyzeOnly implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
