package io.isthmus.access.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Technique;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inline firewall in front of the virtual factory's conveyor PLC (served on 127.0.0.10), driven
 * by an independent client (Debian's mbpoll, libmodbus) and by raw frames from other loopback
 * source addresses standing for the HMI (127.0.0.20) and an office PC (127.0.0.66).
 */
class ModbusFirewallTest {
    private static final InetAddress PLC_HOST = address("127.0.0.10");
    private static VirtualFactory factory;
    private static PlcEndpoint conveyor;
    private static ModbusFirewall firewall;
    private static final List<Event> alerts = new CopyOnWriteArrayList<>();

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        Path pki = Files.createTempDirectory("isthmus-fw-pki");
        int opcUa;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUa = free.getLocalPort();
        }
        factory = VirtualFactory.start(
                VirtualFactoryConfig.defaults().with(b -> {
                    b.bindAddress = PLC_HOST;
                    b.modbusBasePort = 0;
                    b.opcUaPort = opcUa;
                    b.pkiDir = pki;
                }),
                (remote, unit, request, response) -> {},
                step -> {});
        conveyor = factory.plcs().getFirst();
        firewall = ModbusFirewall.start(
                FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), conveyor.address()),
                TestPolicies.hmiMayReadAndWriteSetpoints(),
                alerts::add,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws IOException {
        if (firewall != null) {
            firewall.close();
        }
        if (factory != null) {
            factory.close();
        }
    }

    @BeforeEach
    void clearAlerts() {
        alerts.clear();
    }

    private record Run(int code, String output) {}

    private static Run mbpoll(String... args) throws IOException, InterruptedException {
        Path mbpoll = Path.of("/usr/bin/mbpoll");
        assertThat(mbpoll)
                .as(
                        "Debian's mbpoll is the independent Modbus client of this test; install it (apt-get install mbpoll)")
                .exists();
        List<String> cmd = new java.util.ArrayList<>(List.of(mbpoll.toString(), "-m", "tcp", "-1", "-o", "2"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** One request from {@code source} to {@code port}; the response PDU, or empty on timeout. */
    private static byte[] request(InetAddress source, int port, int transaction, String pduHex) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(source, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(1500);
            send(s.getOutputStream(), transaction, HexFormat.of().parseHex(pduHex));
            return receive(new DataInputStream(s.getInputStream()), transaction);
        }
    }

    private static void send(OutputStream out, int transaction, byte[] pdu) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(7 + pdu.length);
        b.putShort((short) transaction)
                .putShort((short) 0)
                .putShort((short) (pdu.length + 1))
                .put((byte) 1)
                .put(pdu);
        out.write(b.array());
        out.flush();
    }

    private static byte[] receive(DataInputStream in, int transaction) throws IOException {
        try {
            byte[] header = new byte[7];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header);
            assertThat(h.getShort(0) & 0xFFFF).as("transaction id echoed").isEqualTo(transaction);
            byte[] pdu = new byte[(h.getShort(4) & 0xFFFF) - 1];
            in.readFully(pdu);
            return pdu;
        } catch (SocketTimeoutException | java.io.EOFException e) {
            // No answer: dropped, or the connection closed without one.
            return new byte[0];
        }
    }

    private static int holdingRegisterDirect(int address) throws IOException {
        try (Socket s =
                new Socket(conveyor.address().getAddress(), conveyor.address().getPort())) {
            s.setSoTimeout(2000);
            send(s.getOutputStream(), 99, HexFormat.of().parseHex(String.format("03%04X0001", address)));
            byte[] pdu = receive(new DataInputStream(s.getInputStream()), 99);
            return ((pdu[2] & 0xFF) << 8) | (pdu[3] & 0xFF);
        }
    }

    @Test
    void mbpollReadsAllowedHoldingRegistersThroughTheFirewall() throws Exception {
        Run r = mbpoll(
                "-a", "1", "-r", "1", "-c", "5", "-t", "4", "-p", Integer.toString(firewall.port()), "127.0.0.1");
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).contains("[1]:").contains("[5]:");
        assertThat(alerts).isEmpty();
    }

    @Test
    void mbpollWritesAnAllowedSetpointAndItReachesThePlc() throws Exception {
        Run r = mbpoll("-a", "1", "-r", "5", "-t", "4", "-p", Integer.toString(firewall.port()), "127.0.0.1", "7");
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(holdingRegisterDirect(4)).as("ramp time on the PLC").isEqualTo(7);
    }

    @Test
    void mbpollIsAnsweredWithAnExceptionForAWriteOutsideTheConduitAndThePlcIsUntouched() throws Exception {
        int before = holdingRegisterDirect(6);
        Run r = mbpoll("-a", "1", "-r", "7", "-t", "4", "-p", Integer.toString(firewall.port()), "127.0.0.1", "4242");
        assertThat(r.code()).as(r.output()).isNotZero();
        assertThat(r.output()).containsIgnoringCase("illegal function");
        assertThat(holdingRegisterDirect(6)).isEqualTo(before);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(EventKind.ACCESS_DECISION);
            assertThat(a.techniques()).extracting(Technique::id).contains("T0855", "T0836");
            assertThat(a.evidence().fact("address")).contains("6");
        });
    }

    @Test
    void aStopCoilFromAnOfficeHostIsRefusedByTheIdmzRule() throws Exception {
        byte[] answer = request(address("127.0.0.66"), firewall.port(), 5, "0500000000");
        assertThat(answer).isEqualTo(new byte[] {(byte) 0x85, 0x01});
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.evidence().fact("src_ip")).contains("127.0.0.66");
            assertThat(a.evidence().fact("rule")).contains("idmz");
        });
        assertThat(request(address("127.0.0.20"), firewall.port(), 6, "0300000002"))
                .as("the HMI still reads")
                .startsWith(0x03, 0x04);
    }

    @Test
    void bytesThatAreNotModbusTcpCloseTheConnectionAndNothingIsForwarded() throws Exception {
        long forwarded = firewall.stats().forwarded();
        try (Socket s = new Socket("127.0.0.1", firewall.port())) {
            s.setSoTimeout(2000);
            s.getOutputStream().write(HexFormat.of().parseHex("00011234000601050000FF00"));
            assertThat(s.getInputStream().read()).as("closed by the firewall").isEqualTo(-1);
        }
        assertThat(firewall.stats().malformedFrames()).isPositive();
        assertThat(firewall.stats().forwarded()).isEqualTo(forwarded);
        assertThat(alerts).anySatisfy(a -> assertThat(a.title()).contains("not Modbus/TCP"));
    }

    @Test
    void inDropModeADeniedRequestGetsNoAnswerAndTheNextAllowedOneDoes() throws Exception {
        try (ModbusFirewall dropping = ModbusFirewall.start(
                        FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), conveyor.address())
                                .with(DenyAction.DROP, 1),
                        TestPolicies.hmiMayReadAndWriteSetpoints(),
                        alerts::add,
                        Clock.systemUTC());
                Socket s = new Socket()) {
            s.bind(new InetSocketAddress(address("127.0.0.20"), 0));
            s.connect(new InetSocketAddress("127.0.0.1", dropping.port()));
            s.setSoTimeout(800);
            DataInputStream in = new DataInputStream(s.getInputStream());
            send(s.getOutputStream(), 1, HexFormat.of().parseHex("0800010000"));
            assertThat(receive(in, 1)).as("dropped").isEmpty();
            send(s.getOutputStream(), 2, HexFormat.of().parseHex("0300000001"));
            assertThat(receive(in, 2)).startsWith(0x03, 0x02);
            assertThat(dropping.stats().denied()).isEqualTo(1);
        }
    }

    @Test
    void whenThePlcCannotBeReachedTheClientIsClosedWithoutAnAnswer() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, PLC_HOST)) {
            closedPort = probe.getLocalPort();
        }
        try (ModbusFirewall nowhere = ModbusFirewall.start(
                FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress(PLC_HOST, closedPort)),
                TestPolicies.hmiMayReadAndWriteSetpoints(),
                alerts::add,
                Clock.systemUTC())) {
            assertThat(request(address("127.0.0.20"), nowhere.port(), 3, "0300000001"))
                    .isEmpty();
            assertThat(alerts).anySatisfy(a -> assertThat(a.kind()).isEqualTo(EventKind.SYSTEM));
        }
    }

    @Test
    void aStoppedFirewallLeavesNoPathToThePlc() throws Exception {
        ModbusFirewall f = ModbusFirewall.start(
                FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), conveyor.address()),
                TestPolicies.hmiMayReadAndWriteSetpoints(),
                alerts::add,
                Clock.systemUTC());
        int port = f.port();
        Socket open = new Socket("127.0.0.1", port);
        f.close();
        open.setSoTimeout(2000);
        int read;
        try {
            read = open.getInputStream().read();
        } catch (java.net.SocketException reset) {
            read = -1; // closed with a reset instead of a FIN: closed all the same
        }
        assertThat(read)
                .as("open connections are closed (end of stream or reset)")
                .isEqualTo(-1);
        open.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private static FirewallConfig timeouts(InetSocketAddress upstream, Duration idle, Duration response) {
        FirewallConfig d = FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), upstream);
        return new FirewallConfig(
                d.listen(),
                d.upstream(),
                d.denyAction(),
                d.exceptionCode(),
                d.writeRate(),
                d.connectTimeout(),
                idle,
                response,
                d.maxConnections(),
                d.limits());
    }

    /** Reads until the firewall closes the connection: -1 (or a reset); a read timeout fails the test. */
    private static int readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout(20_000); // far beyond the firewall's timeouts: only a firewall that never closes hits it
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the firewall kept the connection open", e);
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    @Test
    void aPlcThatNeverAnswersCostsTheClientItsConnectionAfterTheResponseTimeout() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 8, PLC_HOST)) {
            List<Integer> plcSaw = new CopyOnWriteArrayList<>();
            Thread plc = Thread.ofVirtual().start(() -> {
                try (Socket in = mute.accept()) {
                    int b;
                    while ((b = in.getInputStream().read()) >= 0) {
                        plcSaw.add(b); // takes the request, never answers
                    }
                    plcSaw.add(-1); // the firewall closed its side too
                } catch (IOException e) {
                    plcSaw.add(-1);
                }
            });
            try (ModbusFirewall f = ModbusFirewall.start(
                            timeouts(
                                    new InetSocketAddress(PLC_HOST, mute.getLocalPort()),
                                    Duration.ofMinutes(5),
                                    Duration.ofMillis(300)),
                            TestPolicies.hmiMayReadAndWriteSetpoints(),
                            alerts::add,
                            Clock.systemUTC());
                    Socket s = new Socket()) {
                s.bind(new InetSocketAddress(address("127.0.0.20"), 0));
                s.connect(new InetSocketAddress("127.0.0.1", f.port()), 2000);
                send(s.getOutputStream(), 7, HexFormat.of().parseHex("0300000001"));
                assertThat(readUntilClosed(s))
                        .as("no answer, the connection closed")
                        .isEqualTo(-1);
                plc.join(20_000);
                assertThat(plcSaw)
                        .as("the request reached the PLC, then the firewall closed that connection")
                        .hasSize(13);
                assertThat(plcSaw.getLast()).isEqualTo(-1);
                assertThat(f.stats().forwarded()).isEqualTo(1);
            }
        }
    }

    @Test
    void anIdleClientConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (ModbusFirewall f = ModbusFirewall.start(
                        timeouts(conveyor.address(), Duration.ofMillis(300), Duration.ofSeconds(10)),
                        TestPolicies.hmiMayReadAndWriteSetpoints(),
                        alerts::add,
                        Clock.systemUTC());
                Socket s = new Socket()) {
            s.bind(new InetSocketAddress(address("127.0.0.20"), 0));
            s.connect(new InetSocketAddress("127.0.0.1", f.port()), 2000);
            send(s.getOutputStream(), 8, HexFormat.of().parseHex("0300000001"));
            assertThat(receive(new DataInputStream(s.getInputStream()), 8))
                    .as("an allowed read is answered")
                    .hasSize(4);
            assertThat(readUntilClosed(s))
                    .as("then, with no further request, closed")
                    .isEqualTo(-1);
        }
    }
}
