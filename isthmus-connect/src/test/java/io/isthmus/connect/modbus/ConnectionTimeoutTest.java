package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request and connect timeouts, kept by the connection's {@link DeadlineWatchdog} instead of a
 * socket timeout: a dead PLC is still detected at the configured timeout (never before it, and not
 * unboundedly after it), a response that trickles in is held to the same deadline as a whole, and
 * answers that come in time are never cut off, however many timeouts a busy connection lives
 * through. Each case runs with the poller on a platform thread (a blocking {@code read} that the
 * watchdog must end by closing the socket) and on a virtual thread (a parked read).
 */
@Timeout(60) // a timer that never fires must fail the test, not hang the build
class ConnectionTimeoutTest {
    private static final ModbusRequest READ = new ModbusRequest.ReadHoldingRegisters(0, 1);
    /**
     * How late after its deadline a timeout may be seen: the watchdog wakes at the deadline, so
     * this is only the scheduler's delay, made generous for a loaded 2-core test machine.
     */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private static SourceConfig source(int port, Duration requestTimeout, Duration connectTimeout) {
        return SourceConfig.create("plc", new HostPort("127.0.0.1", port), b -> {
            b.requestTimeout = requestTimeout;
            b.connectTimeout = connectTimeout;
        });
    }

    private static SourceConfig source(int port, Duration requestTimeout) {
        return source(port, requestTimeout, Duration.ofSeconds(3));
    }

    /** One holding register, value 7, answering {@code request}. */
    private static byte[] answer(byte[] request) {
        return new byte[] {request[0], request[1], 0, 0, 0, 5, request[6], 3, 2, 0, 7};
    }

    private static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Runs {@code task} on a new thread of the kind under test and returns its result or exception. */
    private static <T> T on(boolean virtual, Callable<T> task) throws Exception {
        var future = new FutureTask<>(task);
        (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(future);
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static void assertTimedOut(Throwable e, Kind kind) {
        assertThat(e)
                .isInstanceOfSatisfying(
                        ModbusCommException.class, x -> assertThat(x.kind()).isEqualTo(kind));
    }

    @ParameterizedTest(name = "virtual thread: {0}")
    @ValueSource(booleans = {false, true})
    void aDeviceThatStopsAnsweringTimesOutAtTheRequestTimeoutNotBefore(boolean virtual) throws Exception {
        var timeout = Duration.ofMillis(400);
        AtomicInteger answered = new AtomicInteger();
        try (var device = new ScriptedDevice(false, (req, out, s) -> {
                    if (answered.incrementAndGet() <= 3) {
                        send(out, answer(req));
                    } // then dead: the connection stays open, nothing comes back
                });
                var c = ModbusConnection.open(source(device.port(), timeout))) {
            for (int i = 0; i < 3; i++) {
                assertThat(on(virtual, () -> c.execute(READ))).isInstanceOf(ModbusResponse.ReadHoldingRegisters.class);
            }
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> on(virtual, () -> c.execute(READ)))
                    .satisfies(e -> assertTimedOut(e, Kind.TIMEOUT))
                    .hasMessageContaining("within 400 ms");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plus(SLACK));
            assertThat(c.isOpen()).isFalse();
        }
    }

    @ParameterizedTest(name = "virtual thread: {0}")
    @ValueSource(booleans = {false, true})
    void aResponseTricklingInByteByByteIsHeldToOneDeadlineForTheWhole(boolean virtual) throws Exception {
        var timeout = Duration.ofMillis(300);
        try (var device = new ScriptedDevice(false, (req, out, s) -> {
                    for (byte b : answer(req)) { // 11 bytes, 60 ms apart: every read returns, the whole takes 660 ms
                        send(out, new byte[] {b});
                        sleep(60);
                    }
                });
                var c = ModbusConnection.open(source(device.port(), timeout))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> on(virtual, () -> c.execute(READ)))
                    .satisfies(e -> assertTimedOut(e, Kind.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .isGreaterThanOrEqualTo(timeout)
                    .isLessThan(timeout.plus(SLACK));
        }
    }

    @ParameterizedTest(name = "virtual thread: {0}")
    @ValueSource(booleans = {false, true})
    void answersInTimeAreNeverCutOffOnAConnectionBusyForManyTimeouts(boolean virtual) throws Exception {
        var timeout = Duration.ofMillis(150);
        try (var device = new ScriptedDevice(false, (req, out, s) -> {
                    sleep(15); // a tenth of the timeout
                    send(out, answer(req));
                });
                var c = ModbusConnection.open(source(device.port(), timeout))) {
            long t0 = System.nanoTime();
            int n = on(virtual, () -> {
                int done = 0;
                // at least eight timeouts long, so the watchdog re-arms on later deadlines many times
                while (System.nanoTime() - t0 < timeout.multipliedBy(8).toNanos()) {
                    assertThat(c.execute(READ)).isInstanceOf(ModbusResponse.ReadHoldingRegisters.class);
                    done++;
                }
                return done;
            });
            assertThat(n).isGreaterThan(1);
            assertThat(device.connections.get()).isEqualTo(1);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @ParameterizedTest(name = "virtual thread: {0}")
    @ValueSource(booleans = {false, true})
    void aConnectThatIsNeverAcceptedFailsAtTheConnectTimeout(boolean virtual) throws Exception {
        var connectTimeout = Duration.ofMillis(300);
        try (var full = new FullListener()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> on(
                            virtual,
                            () -> ModbusConnection.open(source(full.port(), Duration.ofSeconds(2), connectTimeout))))
                    .satisfies(e -> assertTimedOut(e, Kind.CONNECT_FAILED))
                    .hasMessageContaining("no connection within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .isGreaterThanOrEqualTo(connectTimeout)
                    .isLessThan(connectTimeout.plus(SLACK));
        }
    }

    /**
     * A listener on 127.0.0.1 whose accept queue is full and that never accepts: Linux then drops
     * further SYNs, so a connect to it hangs until the client gives up — a PLC that is there but
     * never takes the connection, without leaving the loopback interface.
     */
    private static final class FullListener implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> fillers = new ArrayList<>();

        FullListener() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            for (int i = 0; i < 16; i++) {
                var s = new Socket();
                fillers.add(s);
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                } catch (SocketTimeoutException e) {
                    return; // the queue is full: this connect was never answered
                }
            }
            throw new IllegalStateException("16 connects to a listener with a backlog of 1 were all accepted");
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
