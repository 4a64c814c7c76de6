package io.isthmus.connect.modbus;

import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.modbus.ModbusCommException.Kind;
import io.isthmus.wire.modbus.ModbusPduCodec;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.PduDecode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
 */
public final class ModbusConnection implements AutoCloseable {
    /** Room for every response of a full pipeline (16 maximal ADUs of 260 bytes) in one read. */
    private static final int RECEIVE_BUFFER = 8192;

    private final SourceConfig config;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing;
    private final int timeoutMillis;
    private final int maxInFlight;
    private int transactionId;
    private long deadline;
    /** The socket's read timeout as last set: setting it takes the socket's state lock. */
    private int soTimeout = -1;

    private ModbusConnection(SourceConfig config, Socket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), RECEIVE_BUFFER);
        this.out = socket.getOutputStream();
        this.framing = Framing.of(config.kind());
        this.maxInFlight = maxInFlight(config);
        this.timeoutMillis = (int) Math.max(1, config.requestTimeout().toMillis());
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
        try {
            socket.setTcpNoDelay(true);
            if (local.isPresent()) {
                socket.bind(new InetSocketAddress(local.get(), 0));
            }
            socket.connect(
                    new InetSocketAddress(
                            config.endpoint().host(), config.endpoint().port()),
                    (int) config.connectTimeout().toMillis());
            return new ModbusConnection(config, socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ModbusCommException(Kind.CONNECT_FAILED, config.endpoint() + ": " + e.getMessage(), e);
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
            out.write(encode(requests));
            out.flush();
            deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
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
            return List.of(answers);
        } catch (ModbusCommException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new ModbusCommException(Kind.IO_ERROR, e.toString(), e);
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

    private void readFully(byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw timeout();
            }
            int wait = (int) Math.min(Integer.MAX_VALUE, left);
            if (wait != soTimeout) {
                socket.setSoTimeout(wait);
                soTimeout = wait;
            }
            int n;
            try {
                n = in.read(into, offset + done, length - done);
            } catch (SocketTimeoutException e) {
                throw timeout();
            } catch (EOFException e) {
                n = -1;
            }
            if (n < 0) {
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

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
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
