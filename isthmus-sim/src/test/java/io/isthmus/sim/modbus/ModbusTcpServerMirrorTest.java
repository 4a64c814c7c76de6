package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.isthmus.sim.mirror.MirrorLimits;
import io.isthmus.sim.mirror.MirrorPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror port's pcap stream read by Wireshark's dissectors ({@code tshark}, Debian package
 * tshark), which share nothing with Isthmus: the conversation a real client has with a real PLC
 * server arrives as valid Ethernet/IPv4/TCP with good checksums, a handshake, consistent sequence
 * numbers (no TCP analysis warnings) and the Modbus requests and responses the sockets carried;
 * a probe of a closed port is a SYN answered by a RST. Without tshark the test fails (.ci/run
 * installs it).
 */
class ModbusTcpServerMirrorTest {
    private static final Path TSHARK = Path.of("/usr/bin/tshark");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path temp;

    @BeforeAll
    static void requireTshark() {
        if (!Files.isExecutable(TSHARK)) {
            fail(TSHARK + " not found; install the Debian package: apt-get install -y tshark");
        }
    }

    @Test
    void aClientsConversationWithThePlcIsMirroredAsValidTcpThatWiresharkDecodes() throws Exception {
        AtomicLong tick = new AtomicLong();
        Instant start = Instant.parse("2026-11-26T06:00:00Z");
        MirrorPort mirror = MirrorPort.create(MirrorLimits.DEFAULT, () -> start.plusMillis(tick.incrementAndGet()));
        InetSocketAddress closed;
        int plcPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        try (var server = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.port(0)),
                TestImages.patterned(),
                ModbusServerListener.NONE,
                Optional.of(mirror))) {
            server.start();
            plcPort = server.port();
            try (ModbusTcpClient c = ModbusTcpClient.connect(server.localAddress(), TIMEOUT)) {
                c.readHoldingRegisters(1, 0, 3);
                c.writeSingleRegister(1, 4, 600);
            }
            Eventually.await(
                    TIMEOUT,
                    "the server ends the connection",
                    () -> server.stats().connectionsOpen() == 0);
            mirror.refused(new InetSocketAddress(InetAddress.getByName("127.0.0.66"), 40_000), closed);
        }
        mirror.close();
        Path pcap = temp.resolve("mirror.pcap");
        try (InputStream in = mirror.stream()) {
            Files.write(pcap, in.readAllBytes());
        }
        assertThat(mirror.dropped()).isZero();

        List<String> frames =
                tshark(pcap, plcPort, "tcp", "ip.src", "tcp.srcport", "tcp.dstport", "tcp.flags", "modbus.func_code");
        List<String> flags = frames.stream().map(l -> l.split("\t")[3]).toList();
        assertThat(flags.subList(0, 3)).containsExactly("0x0002", "0x0012", "0x0010");
        assertThat(frames).filteredOn(l -> l.endsWith("\t3")).hasSize(2); // request and response
        assertThat(frames).filteredOn(l -> l.endsWith("\t6")).hasSize(2);
        assertThat(flags).contains("0x0011"); // FIN/ACK of both sides
        assertThat(frames.getLast().split("\t")).containsSequence("0x0014"); // RST/ACK answers the probe
        assertThat(frames.get(frames.size() - 2).split("\t")).containsSequence("127.0.0.66", "40000");
        assertThat(tshark(pcap, plcPort, "tcp.analysis.flags && !tcp.analysis.window_update", "frame.number"))
                .as("TCP analysis warnings")
                .isEmpty();
        assertThat(tshark(pcap, plcPort, "tcp.checksum.status != 1 || ip.checksum.status != 1", "frame.number"))
                .as("frames with bad or unverified checksums")
                .isEmpty();
        assertThat(tshark(pcap, plcPort, "_ws.malformed || _ws.expert.severity >= error", "frame.number"))
                .isEmpty();
    }

    private List<String> tshark(Path pcap, int plcPort, String filter, String... fields)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                TSHARK.toString(),
                "-n",
                "-o",
                "tcp.check_checksum:TRUE",
                "-o",
                "ip.check_checksum:TRUE",
                "-o",
                "tcp.relative_sequence_numbers:FALSE",
                "-d",
                "tcp.port==" + plcPort + ",mbtcp",
                "-r",
                pcap.toString(),
                "-Y",
                filter,
                "-T",
                "fields"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("tshark failed: " + err);
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
