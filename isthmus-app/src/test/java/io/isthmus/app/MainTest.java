package io.isthmus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@link Main#commandLine(String...)}: the lean root for {@code analyze} behaves as the full one. */
class MainTest {
    private static final Path CAPTURE =
            Path.of("..", "isthmus-wire", "src", "test", "resources", "captures", "bacnet__ITI__bacnet_test.pcap");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Stream<List<String>> usages() {
        return Stream.of(
                List.of("analyze", "--help"),
                List.of("analyze", "-h"),
                List.of("analyze", "--version"),
                List.of("analyze"),
                List.of("analyze", "--bogus", "x.pcap"),
                List.of("analyze", "x.pcap", "--out"),
                List.of("analyze", "a.pcap", "b.pcap"),
                List.of("analyze", "--forc", "x.pcap"),
                List.of("analyze", "does-not-exist.pcap", "--out", "target/never-written"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usages")
    void helpUsageErrorsAndExitCodesOfAnalyzeAreTheSameAsUnderTheFullRoot(List<String> args) {
        String[] a = args.toArray(String[]::new);
        Run full = run(Main.commandLine(), a);
        Run lean = run(Main.commandLine(a), a);
        assertThat(lean).isEqualTo(full);
        assertThat(full.exit()).isIn(0, 2);
    }

    @Test
    void theLeanRootHasOnlyAnalyzeAndOtherCommandsGetTheFullOne() {
        assertThat(Main.commandLine("analyze", "x.pcap").getSubcommands()).containsOnlyKeys("analyze");
        assertThat(Main.commandLine("gateway").getSubcommands())
                .containsKeys("analyze", "gateway", "help")
                .hasSameSizeAs(Main.commandLine().getSubcommands());
        assertThat(Main.commandLine().getSubcommands()).hasSizeGreaterThan(10);
        assertThat(Main.commandLine(new String[0]).getSubcommands())
                .hasSameSizeAs(Main.commandLine().getSubcommands());
    }

    @Test
    void anAnalysisThroughTheLeanRootWritesTheSameObservations() throws IOException {
        Path a = tmp.resolve("full");
        Path b = tmp.resolve("lean");
        String[] fullArgs = {"analyze", CAPTURE.toString(), "--out", a.toString(), "--quiet"};
        String[] leanArgs = {"analyze", CAPTURE.toString(), "--out", b.toString(), "--quiet"};
        Run full = run(Main.commandLine(), fullArgs);
        Run lean = run(Main.commandLine(leanArgs), leanArgs);
        assertThat(lean).isEqualTo(full);
        assertThat(full.exit()).isZero();
        byte[] written = Files.readAllBytes(a.resolve("observations.jsonl"));
        assertThat(written).isNotEmpty();
        assertThat(Files.readAllBytes(b.resolve("observations.jsonl"))).isEqualTo(written);
    }
}
