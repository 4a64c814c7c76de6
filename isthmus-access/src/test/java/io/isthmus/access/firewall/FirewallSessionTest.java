package io.isthmus.access.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How one event loop serves a connection's byte stream (docs/access.md, "Event loops"): pipelined
 * requests in order, frames split anywhere, half-closed clients, unsolicited PLC bytes, and a client
 * that never reads. All against the virtual factory's Modbus/TCP server on 127.0.0.10, through a
 * firewall with one event loop, so every connection of a test shares that loop.
 */
class FirewallSessionTest {
    private static final InetAddress PLC_HOST = address("127.0.0.10");
    private static final InetAddress HMI = address("127.0.0.20");
    private static final AtomicLong ALERTS = new AtomicLong();
    private static ModbusTcpServer plc;
    private static ModbusFirewall firewall;

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        plc = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.bindAddress(PLC_HOST).port(0).maxConnections(64)),
                new RegisterImage(64, 64, 64, 64));
        plc.start();
        firewall = ModbusFirewall.start(
                FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress(PLC_HOST, plc.port())),
                TestPolicies.hmiMayReadAndWriteSetpoints(),
                e -> ALERTS.incrementAndGet(),
                Clock.systemUTC(),
                1);
    }

    @AfterAll
    static void stop() throws IOException {
        if (firewall != null) {
            firewall.close();
        }
        if (plc != null) {
            plc.close();
        }
    }

    /** MBAP frame, unit 1: transaction, protocol 0, length, unit, PDU. */
    private static byte[] frame(int transaction, String pduHex) {
        byte[] pdu = HexFormat.of().parseHex(pduHex);
        return ByteBuffer.allocate(7 + pdu.length)
                .putShort((short) transaction)
                .putShort((short) 0)
                .putShort((short) (pdu.length + 1))
                .put((byte) 1)
                .put(pdu)
                .array();
    }

    private static Socket connect(ModbusFirewall f) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(HMI, 0));
        s.connect(new InetSocketAddress("127.0.0.1", f.port()), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** The next answer's transaction id and PDU, as hex "tid:pdu". */
    private static String answer(DataInputStream in) throws IOException {
        byte[] header = new byte[7];
        in.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header);
        byte[] pdu = new byte[(h.getShort(4) & 0xFFFF) - 1];
        in.readFully(pdu);
        return (h.getShort(0) & 0xFFFF) + ":" + HexFormat.of().formatHex(pdu);
    }

    private static int readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout(20_000);
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the firewall kept the connection open", e);
        } catch (SocketException reset) {
            return -1;
        }
    }

    @Test
    void requestsSentTogetherAreEachDecidedAndAnsweredInOrder() throws Exception {
        try (Socket s = connect(firewall)) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(frame(1, "0300000001"));
            all.write(frame(2, "0300320001")); // register 50: outside the conduit, an exception
            all.write(frame(3, "0300010002"));
            all.write(frame(4, "0300020001"));
            s.getOutputStream().write(all.toByteArray());
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertThat(answer(in)).startsWith("1:0302");
            assertThat(answer(in)).isEqualTo("2:8301");
            assertThat(answer(in)).startsWith("3:0304");
            assertThat(answer(in)).startsWith("4:0302");
        }
    }

    @Test
    void aRequestSplitAtAnyByteIsForwardedWholeAndAnswered() throws Exception {
        byte[] f = frame(0, "0300000003");
        try (Socket s = connect(firewall)) {
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int split = 1; split < f.length; split++) {
                byte[] g = frame(split, "0300000003");
                out.write(g, 0, split);
                out.flush();
                Thread.sleep(20); // lets the loop read the first part on its own
                out.write(g, split, g.length - split);
                out.flush();
                assertThat(answer(in)).as("split after byte %d", split).startsWith(split + ":0306");
            }
        }
    }

    @Test
    void aClientThatSendsItsRequestAndEndsItsStreamStillGetsTheAnswer() throws Exception {
        try (Socket s = connect(firewall)) {
            s.getOutputStream().write(frame(9, "0300000001"));
            s.shutdownOutput();
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertThat(answer(in)).startsWith("9:0302");
            assertThat(readUntilClosed(s)).as("then the firewall closes").isEqualTo(-1);
        }
    }

    @Test
    void bytesFromThePlcThatNoRequestAskedForCloseTheConnection() throws Exception {
        try (ServerSocket chatty = new ServerSocket(0, 8, PLC_HOST)) {
            Thread fakePlc = Thread.ofVirtual().start(() -> {
                try (Socket in = chatty.accept()) {
                    in.getOutputStream().write(frame(1, "03020000")); // an answer before any request
                    in.getInputStream().read();
                } catch (IOException e) {
                    // the firewall closed the connection
                }
            });
            try (ModbusFirewall f = ModbusFirewall.start(
                            FirewallConfig.of(
                                    new InetSocketAddress("127.0.0.1", 0),
                                    new InetSocketAddress(PLC_HOST, chatty.getLocalPort())),
                            TestPolicies.hmiMayReadAndWriteSetpoints(),
                            e -> {},
                            Clock.systemUTC(),
                            1);
                    Socket s = connect(f)) {
                assertThat(readUntilClosed(s)).isEqualTo(-1);
                assertThat(f.stats().malformedFrames()).isEqualTo(1);
                assertThat(f.stats().forwarded()).isZero();
            }
            fakePlc.join(20_000);
        }
    }

    @Test
    void aClientThatNeverReadsItsAnswersDoesNotHoldUpAnotherClientOfTheSameLoop() throws Exception {
        long deniedBefore = firewall.stats().denied();
        try (Socket greedy = connect(firewall);
                Socket other = connect(firewall)) {
            greedy.setReceiveBufferSize(4096);
            byte[] denied = frame(7, "0300320001");
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = greedy.getOutputStream();
                    for (int i = 0; i < 100_000; i++) {
                        out.write(denied);
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
            Thread.sleep(500); // the greedy client's exceptions fill its socket buffers
            other.getOutputStream().write(frame(8, "0300000001"));
            assertThat(answer(new DataInputStream(other.getInputStream())))
                    .as("the other client is served")
                    .startsWith("8:0302");
            assertThat(firewall.stats().denied() - deniedBefore)
                    .as("the firewall stopped deciding the greedy client's requests while their answers waited")
                    .isLessThan(100_000);
            greedy.close();
            writer.join(20_000);
        }
    }
}
