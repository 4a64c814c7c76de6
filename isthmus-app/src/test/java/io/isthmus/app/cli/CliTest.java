package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandWithOneLineEach() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Commands:");
        assertThat(r.out()).containsPattern("(?m)^\\s+demo\\s+Run everything on this laptop");
        assertThat(r.out()).containsPattern("(?m)^\\s+sim\\s+Run the virtual factory alone");
        assertThat(r.out()).containsPattern("(?m)^\\s+edge\\s+Poll the plant's devices");
        assertThat(r.out()).containsPattern("(?m)^\\s+hub\\s+Receive edges' journals");
        assertThat(r.out()).containsPattern("(?m)^\\s+help\\s+\\S");
    }

    @Test
    void edgeAndHubConfigurationMistakesAreUsageErrorsNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path edge = dir.resolve("edge.yaml");
        Files.writeString(
                edge,
                "edge:\n  site-id: x\n  journal: { dir: j, fsync: sometimes }\n  forward: { hub: \"http://h/\" }\n");
        Run e = run("edge", "--config", edge.toString());
        assertThat(e.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.err()).contains(edge + ":1:1: edge: journal fsync is 'sometimes'");

        Path hub = dir.resolve("hub.yaml");
        Files.writeString(hub, "hub:\n  listen: 127.0.0.1:1\n  historian: {}\n");
        Run h = run("hub", "--config", hub.toString());
        assertThat(h.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err()).contains(hub + ":1:1: hub: historian: 'dir' is required");

        Run missing = run("edge", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read edge configuration");
    }

    @Test
    void versionNamesTheReleaseAndTheJavaRuntime() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("isthmus \\d+\\.\\d+\\.\\d+")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void anUnknownScenarioIsAUsageErrorNamingTheBuiltInOnes() {
        Run r = run("sim", "--scenario", "no-such-scenario");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no-such-scenario").contains("attack-demo").contains("normal-shift");
    }

    @Test
    void aBrokenScenarioFileIsReportedWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                name: bad
                steps:
                  - at: 10s
                    action: fault
                    machine: filer
                    fault: material-jam
                """);
        Run r = run("sim", "--scenario", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(f + ":3:5: step 1: ").contains("unknown machine 'filer'");
    }

    @Test
    void aBusyModbusPortNamesThePortAndTheOptionThatMovesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Run r = run("sim", "--modbus-port", String.valueOf(port), "--opcua-port", "0");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .contains("127.0.0.1:" + port)
                    .contains("already in use")
                    .contains("--modbus-port");
        }
    }

    @Test
    void anOutOfRangeSpeedIsRefusedBeforeAnythingStarts() {
        Run r = run("sim", "--speed", "5000");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("speed must be in (0, 1000");
    }
}
