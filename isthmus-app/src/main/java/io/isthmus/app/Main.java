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
        int code = commandLine().execute(args);
        // Javalin and Milo keep pool threads alive after close; leave explicitly.
        System.exit(code);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
