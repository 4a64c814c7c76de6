package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.SourceConfig;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection its user forgot to close: once it is collected, its timer closes the socket (the
 * device sees the connection end) and stops, instead of keeping both for the life of the process.
 */
@Timeout(120)
class AbandonedConnectionTest {

    @Test
    void aConnectionCollectedWithoutCloseClosesItsSocketAndEndsItsTimer() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var config = SourceConfig.create("plc", new HostPort("127.0.0.1", server.getLocalPort()), b -> {
                b.requestTimeout = Duration.ofMillis(200);
                b.connectTimeout = Duration.ofMillis(200);
            });
            DeadlineWatchdog watchdog = openAndForget(config);
            try (Socket device = server.accept()) {
                device.setSoTimeout(100);
                InputStream in = device.getInputStream();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                int read = 0;
                while (System.nanoTime() < deadline) {
                    System.gc();
                    try {
                        read = in.read();
                        break;
                    } catch (SocketTimeoutException stillOpen) {
                        // not collected yet, or the timer has not woken since
                    }
                }
                assertThat(read)
                        .as("the device sees the forgotten connection end")
                        .isEqualTo(-1);
                assertThat(watchdog.abandoned()).isTrue();
            }
        }
    }

    @Test
    void aClosedConnectionIsNotReportedAsAbandoned() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var config = SourceConfig.create("plc", new HostPort("127.0.0.1", server.getLocalPort()), b -> {
                b.requestTimeout = Duration.ofMillis(200);
                b.connectTimeout = Duration.ofMillis(200);
            });
            var c = ModbusConnection.open(config);
            var watchdog = c.watchdog();
            c.close();
            System.gc();
            Thread.sleep(500);
            assertThat(watchdog.abandoned()).isFalse();
        }
    }

    /** Opens a connection and keeps nothing of it but its timer. */
    private static DeadlineWatchdog openAndForget(SourceConfig config) throws ModbusCommException {
        return ModbusConnection.open(config).watchdog();
    }
}
