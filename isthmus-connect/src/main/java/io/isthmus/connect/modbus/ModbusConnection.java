package io.isthmus.connect.modbus;

import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.wire.modbus.ModbusPduCodec;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.PduDecode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * One TCP connection to a device with one request in flight at a time, or up to the budget's
 * {@code maxInFlight} pipelined ones on Modbus/TCP (Messaging on TCP/IP Implementation Guide
 * V1.0b, section 4.2.1 allows more; one, the default, is what keeps small PLCs safe). Every
 * response must arrive within the request timeout, complete, well-framed and matching the request,
 * or the connection is closed and {@link ModbusCommException} thrown: it never waits unbounded and
 * never reuses a stream that is out of step. Not thread-safe; owned by one poller.
 *
 * <p>The connect and request timeouts are kept by the connection's {@link DeadlineWatchdog}, which
 * closes the socket when one passes; the socket has no timeout of its own and blocks in one {@code
 * read} per wait (with {@code SO_TIMEOUT} every wait cost three system calls, or a timer hand-off
 * on a virtual thread: docs/benchmarks.md, "Modbus polling").
 */
public final class ModbusConnection implements AutoCloseable {
    /** Room for every response of a full pipeline (16 maximal ADUs of 260 bytes) in one read. */
    private static final int RECEIVE_BUFFER = 8192;

    private final SourceConfig config;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing;
    private final DeadlineWatchdog watchdog;
    private final long timeoutNanos;
    private final int maxInFlight;
    private int transactionId;

    private ModbusConnection(SourceConfig config, Socket socket, DeadlineWatchdog watchdog) throws IOException {
        this.config = config;
        this.socket = socket;
        this.watchdog = watchdog;
        watchdog.watch(this); // a connection never closed still closes its socket once collected
        this.in = new BufferedInputStream(socket.getInputStream(), RECEIVE_BUFFER);
        this.out = socket.getOutputStream();
        this.framing = Framing.of(config.kind());
        this.maxInFlight = maxInFlight(config);
        this.timeoutNanos = config.requestTimeout().toNanos();
    }

    /** Connects within the source's connect timeout. */
    public static ModbusConnection open(SourceConfig config) throws ModbusCommException {
        return open(config, Optional.empty());
    }

    /**
     * Connects within the source's connect timeout from {@code local} (any port), so that the device,
     * a firewall and a network sensor see that address as the client's: the access gateway writes
     * from the address its conduit is configured for.
     */
    public static ModbusConnection open(SourceConfig config, Optional<InetAddress> local) throws ModbusCommException {
        var socket = new Socket();
        long connectNanos = config.connectTimeout().toNanos();
        var watchdog = new DeadlineWatchdog(
                "modbus-deadline-" + config.id(),
                Math.min(connectNanos, config.requestTimeout().toNanos()),
                () -> closeQuietly(socket));
        try {
            socket.setTcpNoDelay(true);
            if (local.isPresent()) {
                socket.bind(new InetSocketAddress(local.get(), 0));
            }
            watchdog.arm(connectNanos);
            // no timeout argument: a timed connect leaves the socket non-blocking for good
            socket.connect(new InetSocketAddress(
                    config.endpoint().host(), config.endpoint().port()));
            if (!watchdog.disarm()) {
                throw new SocketException("closed by the connect timeout");
            }
            return new ModbusConnection(config, socket, watchdog);
        } catch (IOException e) {
            watchdog.close();
            closeQuietly(socket);
            String why = watchdog.expired()
                    ? "no connection within " + config.connectTimeout().toMillis() + " ms"
                    : e.getMessage();
            throw new ModbusCommException(Kind.CONNECT_FAILED, config.endpoint() + ": " + why, e);
        }
    }

    /**
     * Sends {@code request} and returns the device's answer, which may be an {@link
     * ModbusResponse.ExceptionResponse}.
     */
    public ModbusResponse execute(ModbusRequest request) throws ModbusCommException {
        return executeAll(List.of(request)).getFirst();
    }

    /**
     * Sends the requests back to back in one write and returns the device's answers in request
     * order, however the device orders them. At most {@link #maxInFlight()} requests: the budget's
     * {@code maxInFlight} on Modbus/TCP, one on RTU over TCP (its frames carry no transaction
     * identifier). All answers must arrive within one request timeout of the write, or the
     * connection is closed and {@link ModbusCommException} thrown, as for one request.
     */
    public List<ModbusResponse> executeAll(List<ModbusRequest> requests) throws ModbusCommException {
        int n = requests.size();
        if (n < 1 || n > maxInFlight) {
            throw new IllegalArgumentException(n + " requests at once; this connection allows 1.." + maxInFlight);
        }
        int first = (transactionId + 1) & 0xFFFF;
        try {
            byte[] wire = encode(requests);
            watchdog.arm(timeoutNanos);
            out.write(wire);
            ModbusResponse[] answers = new ModbusResponse[n];
            for (int k = 0; k < n; k++) {
                Framing.Answer a = framing.readResponse(this::readFully, first, n, config.unitId());
                if (answers[a.slot()] != null) {
                    throw new ModbusCommException(
                            Kind.TRANSACTION_MISMATCH,
                            "a second response to transaction " + ((first + a.slot()) & 0xFFFF));
                }
                answers[a.slot()] = check(requests.get(a.slot()), a.pdu());
            }
            if (!watchdog.disarm()) {
                throw timeout(); // complete, but only after the watchdog had closed the socket
            }
            return List.of(answers);
        } catch (ModbusCommException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw watchdog.expired() ? timeout() : new ModbusCommException(Kind.IO_ERROR, e.toString(), e);
        }
    }

    /** How many requests a connection to this source may have in flight. */
    public static int maxInFlight(SourceConfig config) {
        return Framing.of(config.kind()).pairsByTransaction() ? config.budget().maxInFlight() : 1;
    }

    /** How many requests {@link #executeAll} may send at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The ADUs of the requests, with consecutive transaction identifiers, as one write. */
    private byte[] encode(List<ModbusRequest> requests) {
        byte[][] frames = new byte[requests.size()][];
        int total = 0;
        for (int i = 0; i < frames.length; i++) {
            transactionId = (transactionId + 1) & 0xFFFF;
            frames[i] = framing.encode(transactionId, config.unitId(), ModbusPduCodec.encode(requests.get(i)));
            total += frames[i].length;
        }
        if (frames.length == 1) {
            return frames[0];
        }
        byte[] wire = new byte[total];
        int at = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, wire, at, f.length);
            at += f.length;
        }
        return wire;
    }

    private ModbusResponse check(ModbusRequest request, byte[] pdu) throws ModbusCommException {
        ModbusResponse response = switch (ModbusPduCodec.decodeResponse(ByteBuffer.wrap(pdu))) {
            case PduDecode.Ok<ModbusResponse> ok -> ok.value();
            case PduDecode.Malformed<ModbusResponse> m ->
                throw new ModbusCommException(
                        Kind.MALFORMED_FRAME, "response PDU: " + m.reason() + " at " + m.offset());
        };
        if (response.functionCode() != request.functionCode()) {
            throw new ModbusCommException(
                    Kind.UNEXPECTED_RESPONSE,
                    "function " + response.functionCode() + " answers a request of function " + request.functionCode());
        }
        return response;
    }

    /** Reads exactly {@code length} bytes; the watchdog ends a wait that outlives the deadline. */
    private void readFully(byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, offset + done, length - done);
            if (n < 0) {
                if (watchdog.expired()) {
                    throw timeout();
                }
                throw new ModbusCommException(
                        Kind.CLOSED_BY_PEER,
                        config.endpoint() + " closed the connection"
                                + (done > 0 || offset > 0 ? " in the middle of a response" : ""));
            }
            done += n;
        }
    }

    private ModbusCommException timeout() {
        return new ModbusCommException(
                Kind.TIMEOUT,
                "no complete response from " + config.endpoint() + " within "
                        + config.requestTimeout().toMillis() + " ms");
    }

    /** The connection's timer (tests check that a forgotten connection still ends). */
    DeadlineWatchdog watchdog() {
        return watchdog;
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        watchdog.close();
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a broken socket: nothing left to do
        }
    }
}
