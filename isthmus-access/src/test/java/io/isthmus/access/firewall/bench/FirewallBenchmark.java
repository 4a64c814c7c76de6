package io.isthmus.access.firewall.bench;

import io.isthmus.access.firewall.FirewallConfig;
import io.isthmus.access.firewall.ModbusFirewall;
import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import io.isthmus.policy.ConduitRule;
import io.isthmus.policy.Policy;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.plc.RegisterImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Modbus read (FC 3, 10 registers) round trip on loopback, straight to a simulated PLC and
 * through the inline firewall, in the same run: the difference is what the firewall adds. Run with
 * {@code -bm sample} for percentiles and with {@code -t 8} for throughput under concurrency; each
 * benchmark thread has its own connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FirewallBenchmark {
    @Param({"direct", "firewall"})
    public String path;

    ModbusTcpServer plc;
    ModbusFirewall firewall;
    InetSocketAddress target;

    @Setup(Level.Trial)
    public void start() throws Exception {
        InetAddress plcHost = InetAddress.getByName("127.0.0.10");
        plc = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.bindAddress(plcHost).port(0).maxConnections(256)),
                new RegisterImage(64, 64, 64, 64));
        plc.start();
        Policy policy = Policy.of(
                List.of(
                        new Zone(
                                "cell",
                                PurdueLevel.LEVEL_1,
                                List.of(IpNetwork.parse("127.0.0.10/32")),
                                SecurityLevel.SL2),
                        new Zone(
                                "hmi",
                                PurdueLevel.LEVEL_2,
                                List.of(IpNetwork.parse("127.0.0.1/32")),
                                SecurityLevel.SL2)),
                List.of(ConduitRule.of(new Conduit(
                        "hmi-to-cell",
                        "hmi",
                        "cell",
                        Set.of(Protocol.MODBUS),
                        Set.of(AccessKind.READ, AccessKind.WRITE),
                        Conduit.Initiator.FROM))));
        InetSocketAddress plcAddress = new InetSocketAddress(plcHost, plc.port());
        firewall = ModbusFirewall.start(
                FirewallConfig.of(new InetSocketAddress("127.0.0.1", 0), plcAddress),
                policy,
                e -> {},
                Clock.systemUTC());
        target = path.equals("direct") ? plcAddress : new InetSocketAddress("127.0.0.1", firewall.port());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        firewall.close();
        plc.close();
    }

    /** One connection per benchmark thread. */
    @State(Scope.Thread)
    public static class Connection {
        Socket socket;
        OutputStream out;
        DataInputStream in;
        int transaction;
        final byte[] response = new byte[9 + 20];

        @Setup(Level.Trial)
        public void open(FirewallBenchmark b) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(b.target);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            socket.close();
        }
    }

    @Benchmark
    public byte[] readTenRegisters(Connection c) throws IOException {
        int t = (c.transaction = (c.transaction + 1) & 0xFFFF);
        c.out.write(new byte[] {(byte) (t >>> 8), (byte) t, 0, 0, 0, 6, 1, 3, 0, 0, 0, 10});
        c.in.readFully(c.response);
        return c.response;
    }
}
