package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.Main;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code isthmus firewall} as an operator runs it: config errors, then a live deny with its alert line. */
class FirewallCommandTest {
    @TempDir
    Path tmp;

    private static final String POLICY = """
            zones:
              - name: cell
                level: "1"
                security-level: SL2
                networks: [127.0.0.10/32]
              - name: supervisory
                level: "2"
                security-level: SL2
                networks: [127.0.0.20/32]
              - name: enterprise
                level: "4"
                security-level: SL1
                networks: [127.0.0.64/26]
            conduits:
              - name: hmi-to-cell
                from: supervisory
                to: cell
                initiator: from
                protocols: [modbus]
                access: [read, write]
            """;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aBrokenPolicyFileIsAUsageErrorNamingTheFileAndLine() throws Exception {
        Path policy = tmp.resolve("zones.yaml");
        Files.writeString(policy, POLICY.replace("initiator: from", "initiator: sideways"));
        StringWriter err = new StringWriter();
        int code = run(
                new StringWriter(), err, "firewall", "--upstream", "127.0.0.10:5020", "--policy", policy.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("zones.yaml").containsPattern("line \\d+|:\\d+");
    }

    @Test
    void anOfficeWriteIsAnsweredWithTheConfiguredExceptionAndLoggedAsAnAlertLine() throws Exception {
        Path policy = tmp.resolve("zones.yaml");
        Files.writeString(policy, POLICY);
        Path alerts = tmp.resolve("alerts.jsonl");
        InetAddress plcHost = InetAddress.getByName("127.0.0.10");
        ModbusTcpServer plc = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.bindAddress(plcHost).port(0)), new RegisterImage(16, 16, 16, 16));
        plc.start();
        int listen;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listen = free.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread cmd = Thread.ofPlatform()
                .start(() -> run(
                        out,
                        err,
                        "firewall",
                        "--listen",
                        "127.0.0.1:" + listen,
                        "--upstream",
                        "127.0.0.10:" + plc.port(),
                        "--policy",
                        policy.toString(),
                        "--exception-code",
                        "2",
                        "--alerts",
                        alerts.toString()));
        try {
            byte[] answer = null;
            for (int attempt = 0; attempt < 100 && answer == null; attempt++) {
                try (Socket s = new Socket()) {
                    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.66"), 0));
                    s.connect(new InetSocketAddress("127.0.0.1", listen), 1000);
                    s.setSoTimeout(3000);
                    s.getOutputStream().write(HexFormat.of().parseHex("000100000006010600010064"));
                    byte[] frame = new byte[9];
                    new DataInputStream(s.getInputStream()).readFully(frame);
                    answer = frame;
                } catch (java.net.ConnectException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(answer).isNotNull();
            assertThat(HexFormat.of().formatHex(answer)).isEqualTo("000100000003018602");
            assertThat(Files.readString(alerts))
                    .contains("\"techniques\":[\"T0855\",\"T0836\"]")
                    .contains("\"src\":\"127.0.0.66\"");
            assertThat(out.toString()).contains("isthmus firewall: clients -> 127.0.0.1:" + listen);
            assertThat(err.toString()).contains("ALERT HIGH");
        } finally {
            cmd.interrupt();
            cmd.join(10_000);
            plc.close();
        }
        assertThat(cmd.isAlive()).isFalse();
        assertThat(out.toString()).contains("denied 1");
    }
}
