package io.isthmus.app.cli;

import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.guard.PolicySuggestion;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.policy.Policy;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code isthmus policy check FILE} and {@code isthmus policy suggest CAPTURE} (docs/guard.md). */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Check a zones-and-conduits policy file, or draft one from a capture.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Suggest.class})
public final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Validate a policy file: zone names and networks (no overlaps), conduits between known zones,"
                        + " no conduit across the IDMZ. Every problem is printed as FILE:LINE:COLUMN: what is wrong.",
                "Exit codes: 0 valid, 2 problems found or file unreadable."
            })
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML).")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                Policy p = PolicyYaml.load(file);
                PrintWriter out = spec.commandLine().getOut();
                out.println(file + ": valid: " + p.zones().size() + " zones, "
                        + p.conduits().size() + " conduits");
                p.zones()
                        .forEach(z -> out.println("  zone " + z.name() + " " + z.level() + " " + z.targetSecurityLevel()
                                + " " + z.networks()));
                p.conduits()
                        .forEach(c -> out.println("  conduit " + c.name() + ": "
                                + c.conduit().fromZone() + " -> " + c.conduit().toZone() + " "
                                + c.conduit().protocols() + " " + c.conduit().allowed()));
                out.flush();
                return ExitCodes.OK;
            } catch (PolicyYaml.PolicyFileException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(m -> err.println("isthmus: " + m));
                err.flush();
                return ExitCodes.USAGE;
            }
        }
    }

    @Command(
            name = "suggest",
            mixinStandardHelpOptions = true,
            description = "Draft a policy from the traffic in a capture, with comments for the engineer to review.")
    static final class Suggest implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CAPTURE|-", description = "The capture file, or - for standard input.")
        String input;

        @Option(
                names = {"-o", "--out"},
                paramLabel = "FILE",
                description = "Write the draft here (default: stdout).")
        Optional<Path> out;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (out.isPresent() && Files.exists(out.get()) && !force) {
                err.println("isthmus: " + out.get() + " exists; use --force to overwrite");
                return ExitCodes.USAGE;
            }
            PolicySuggestion suggestion = new PolicySuggestion();
            CaptureAnalysis result;
            try (CaptureSource source = CaptureSource.open(input, CaptureLimits.DEFAULT)) {
                result = CaptureAnalysis.run(source, suggestion);
            } catch (NoSuchFileException e) {
                err.println("isthmus: no such capture file: " + input);
                return ExitCodes.USAGE;
            }
            String yaml = suggestion.yaml(input);
            if (out.isPresent()) {
                Files.writeString(out.get(), yaml, StandardCharsets.UTF_8);
                spec.commandLine()
                        .getOut()
                        .println("Draft policy: " + out.get() + " (review it, then: isthmus policy check " + out.get()
                                + ")");
            } else {
                spec.commandLine().getOut().print(yaml);
            }
            spec.commandLine().getOut().flush();
            if (result.damage().isPresent()) {
                err.println("isthmus: warning: the capture is damaged: "
                        + result.damage().get().message() + "; the draft covers what came before it");
                return ExitCodes.CAPTURE_DAMAGED;
            }
            return ExitCodes.OK;
        }
    }
}
