package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.sim.plc.RegisterImage;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Starting, binding, and above all stopping: a closed server leaves no port and no thread behind. */
class ModbusTcpServerLifecycleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static ModbusTcpServer server(int port) {
        return new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(port)), new RegisterImage(1, 1, 1, 1));
    }

    @Test
    @DisplayName("port 0 binds a free port and port() tells which")
    void portZeroBindsAFreePort() throws Exception {
        try (var server = server(0)) {
            server.start();
            assertThat(server.port()).isPositive();
            assertThat(server.localAddress().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        }
    }

    @Test
    @DisplayName("close() frees the port: a new server binds it at once, even after a client was connected")
    void closeFreesThePort() throws Exception {
        int port;
        try (var first = server(0)) {
            first.start();
            port = first.port();
            try (var client = ModbusTcpClient.connect(first.localAddress(), TIMEOUT)) {
                client.readCoils(1, 0, 1);
            }
        }
        try (var second = server(port)) {
            second.start();
            try (var client = ModbusTcpClient.connect(second.localAddress(), TIMEOUT)) {
                assertThat(client.readCoils(1, 0, 1)).containsExactly(false);
            }
        }
    }

    @Test
    @DisplayName(
            "close() ends the acceptor, the idle watchdog and every connection thread, with clients still connected")
    void closeLeavesNoLiveThreads() throws Exception {
        var server = server(0);
        server.start();
        try (var a = ModbusTcpClient.connect(server.localAddress(), TIMEOUT);
                var b = ModbusTcpClient.connect(server.localAddress(), TIMEOUT)) {
            a.readCoils(1, 0, 1);
            b.readCoils(1, 0, 1);
            List<Thread> threads = server.threads();
            assertThat(threads).hasSize(4).allMatch(Thread::isAlive);

            server.close();

            assertThat(threads).noneMatch(Thread::isAlive);
            assertThat(server.stats().connectionsOpen()).isZero();
            assertThatThrownBy(() -> a.readCoils(1, 0, 1)).isInstanceOf(ModbusClientException.class);
        }
    }

    @Test
    @DisplayName("a busy port fails start() with an exception naming address and port, caused by BindException")
    void busyPortFailsWithAClearMessage() throws Exception {
        try (var squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var server = server(squatter.getLocalPort())) {
            assertThatThrownBy(server::start)
                    .isInstanceOf(ModbusServerBindException.class)
                    .hasMessageContaining("127.0.0.1:" + squatter.getLocalPort())
                    .hasCauseInstanceOf(BindException.class);
        }
    }

    @Test
    @DisplayName("close() is idempotent, works before start(), and a closed server cannot start")
    void closeIsIdempotent() throws Exception {
        var server = server(0);
        server.close();
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a connection idle past the timeout is closed and counted")
    void idleConnectionIsClosed() throws Exception {
        try (var server = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.port(0).idleTimeout(Duration.ofMillis(200))),
                new RegisterImage(1, 1, 1, 1))) {
            server.start();
            try (var socket = new RawModbusSocket(server.port())) {
                assertThat(socket.closedByServerWithin(TIMEOUT)).isTrue();
            }
            Eventually.await(TIMEOUT, "idle close counted", () -> server.stats().connectionsIdleClosed() == 1);
        }
    }
}
