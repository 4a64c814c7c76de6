package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code isthmus sim --mirror FILE|-} plays attack-demo fast and writes the mirror port as a pcap:
 * Wireshark's dissectors ({@code tshark}, Debian package tshark, which shares nothing with Isthmus)
 * and our own reader both find the IT laptop's stop-coil write to the conveyor at its own address.
 */
class SimMirrorTest {
    private static final Path TSHARK = Path.of("/usr/bin/tshark");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireTshark() {
        if (!Files.isExecutable(TSHARK)) {
            fail(TSHARK + " not found; install the Debian package: apt-get install -y tshark");
        }
    }

    record Run(int code, String out, String err) {}

    private Run sim(OutputStream stdout, int modbusBase, String mirror) throws Exception {
        int opcUa;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUa = s.getLocalPort();
        }
        SimCommand command = new SimCommand();
        command.stdout = stdout;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(
                "--scenario",
                "attack-demo",
                "--speed",
                "50",
                "--duration",
                "90s",
                "--modbus-port",
                Integer.toString(modbusBase),
                "--opcua-port",
                Integer.toString(opcUa),
                "--pki-dir",
                dir.resolve("pki").toString(),
                "--mirror",
                mirror);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theMirrorPortWrittenToAFileIsAPcapThatTsharkAndOurReaderDecode() throws Exception {
        int base = freeBase();
        Path pcap = dir.resolve("mirror.pcap");
        Run run = sim(OutputStream.nullOutputStream(), base, pcap.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("conveyor", "127.0.0.10:" + base, "Stopped after");

        List<String> writes = tshark(pcap.toString(), null, base, "modbus.func_code == 5", "ip.src", "ip.dst");
        assertThat(writes).as("tshark: the laptop writes the conveyor's coil").contains("127.0.0.66\t127.0.0.10");
        assertThat(tshark(pcap.toString(), null, base, "_ws.malformed || tcp.analysis.flags", "frame.number"))
                .as("no malformed frames or TCP analysis warnings")
                .isEmpty();

        List<Observation> observations = new ArrayList<>();
        try (CaptureSource source = CaptureSource.open(pcap.toString(), CaptureLimits.DEFAULT)) {
            CaptureAnalysis.run(source, observations::add);
        }
        assertThat(observations)
                .as("our reader: the same write, from the laptop to the conveyor's address")
                .anySatisfy(o -> {
                    assertThat(o.message().function()).isEqualTo(5);
                    assertThat(o.src().orElseThrow().toString()).isEqualTo("127.0.0.66");
                    assertThat(o.dst().orElseThrow().toString()).isEqualTo("127.0.0.10");
                });
    }

    @Test
    void theMirrorPortOnStandardOutputIsAPcapStreamAndTheEndpointsGoToStandardError() throws Exception {
        int base = freeBase();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Run run = sim(stdout, base, "-");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).as("standard output carries only the pcap").isEmpty();
        assertThat(run.err()).contains("Virtual factory running", "127.0.0.15:" + (base + 5));
        byte[] pcap = stdout.toByteArray();
        assertThat(pcap).as("pcap with nanosecond timestamps, little-endian").startsWith(0x4D, 0x3C, 0xB2, 0xA1);
        List<String> scan = tshark("-", pcap, base, "tcp.flags.reset == 1", "ip.src");
        assertThat(scan)
                .as("the scan's probes of closed ports, answered by RST")
                .isNotEmpty();
    }

    private static List<String> tshark(String file, byte[] stdin, int base, String filter, String... fields)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                TSHARK.toString(),
                "-n",
                "-d",
                "tcp.port==" + base + "-" + (base + 5) + ",mbtcp",
                "-r",
                file,
                "-Y",
                filter,
                "-T",
                "fields"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
        } else {
            p.getOutputStream().close();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("tshark failed: " + err);
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** A first Modbus port whose six ports are free on the PLCs' addresses (127.0.0.10..15). */
    private static int freeBase() throws IOException {
        var random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20_000 + random.nextInt(20_000);
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    held.add(new ServerSocket(first + i, 1, InetAddress.getByName("127.0.0." + (10 + i))));
                }
                return first;
            } catch (IOException busy) {
                // try another range
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IllegalStateException("no six free ports on 127.0.0.10..15");
    }
}
