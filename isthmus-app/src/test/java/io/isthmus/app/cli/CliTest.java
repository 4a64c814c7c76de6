package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsEveryCommandWithOneLineEach() {
        CliRun r = run("--help");
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
        CliRun e = run("edge", "--config", edge.toString());
        assertThat(e.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.err()).contains(edge + ":1:1: edge: journal fsync is 'sometimes'");

        Path hub = dir.resolve("hub.yaml");
        Files.writeString(hub, "hub:\n  listen: 127.0.0.1:1\n  historian: {}\n");
        CliRun h = run("hub", "--config", hub.toString());
        assertThat(h.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err()).contains(hub + ":1:1: hub: historian: 'dir' is required");

        CliRun missing = run("edge", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read edge configuration");
    }

    @Test
    void versionNamesTheReleaseAndTheJavaRuntime() {
        CliRun r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("isthmus \\d+\\.\\d+\\.\\d+")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void anUnknownScenarioIsAUsageErrorNamingTheBuiltInOnes() {
        CliRun r = run("sim", "--scenario", "no-such-scenario");
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
        CliRun r = run("sim", "--scenario", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(f + ":3:5: step 1: ").contains("unknown machine 'filer'");
    }

    @Test
    void aBusyModbusPortNamesThePortAndTheOptionThatMovesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.10"))) {
            int port = busy.getLocalPort();
            CliRun r = run("sim", "--modbus-port", String.valueOf(port), "--opcua-port", "0");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .as("the conveyor listens on 127.0.0.10")
                    .contains("127.0.0.10:" + port)
                    .contains("already in use")
                    .contains("--modbus-port");
        }
    }

    @Test
    void withBindEveryPlcIsOnThatAddressAndABusyPortThereIsNamed() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            CliRun r = run("sim", "--bind", "127.0.0.1", "--modbus-port", String.valueOf(port), "--opcua-port", "0");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .contains("127.0.0.1:" + port)
                    .contains("already in use")
                    .contains("--modbus-port");
        }
    }

    @Test
    void aPlcAddressTheLoopbackDoesNotAnswerIsExplainedNamingTheBindOption() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = StartupErrors.report(
                new io.isthmus.sim.PlcAddressUnavailableException(
                        "the conveyor PLC's Modbus/TCP server",
                        new java.net.InetSocketAddress("127.0.0.10", 5020),
                        new java.net.BindException("Can't assign requested address")),
                new java.io.PrintWriter(err),
                "--http-port");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("127.0.0.10:5020", "does not answer 127.0.0.10", "--bind 127.0.0.1")
                .doesNotContain("--modbus-port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "localhost", "127.0.0.256"})
    void bindTakesOnlyALoopbackAddressLiteral(String address) {
        CliRun r = run("sim", "--bind", address);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--bind");
    }

    @Test
    void anOutOfRangeSpeedIsRefusedBeforeAnythingStarts() {
        CliRun r = run("sim", "--speed", "5000");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("speed must be in (0, 1000");
    }

    @Test
    void aSparkplugBrokerThatIsNotHostPortIsAUsageErrorNamingTheOption() {
        CliRun r = run("sim", "--sparkplug", "localhost");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--sparkplug").contains("is not host:port");
    }

    @Test
    void anUnreachableSparkplugBrokerFailsNamingTheBrokerAndTheOption() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        int modbus = freeRange(7);
        CliRun r = run(
                "sim",
                "--modbus-port",
                String.valueOf(modbus),
                "--opcua-port",
                String.valueOf(modbus + 6),
                "--sparkplug",
                "127.0.0.1:" + port);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("127.0.0.1:" + port).contains("(--sparkplug)");
    }

    /** The first of {@code n} consecutive loopback ports that were free a moment ago. */
    private static int freeRange(int n) throws Exception {
        for (int base = 42_000 + (int) (ProcessHandle.current().pid() % 1000) * 7; base < 60_000; base += n) {
            if (allFree(base, n)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + n + " consecutive free ports");
    }

    private static boolean allFree(int base, int n) {
        for (int p = base; p < base + n; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return true;
    }
}
