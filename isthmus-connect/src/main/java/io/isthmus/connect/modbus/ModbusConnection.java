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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * One TCP connection to a device with one request in flight at a time (Messaging on TCP/IP
 * Implementation Guide V1.0b, section 4.2.1 allows more; one is what keeps small PLCs safe). Every
 * response must arrive within the request timeout, complete, well-framed and matching the request,
 * or the connection is closed and {@link ModbusCommException} thrown: it never waits unbounded and
 * never reuses a stream that is out of step. Not thread-safe; owned by one poller.
 */
public final class ModbusConnection implements AutoCloseable {
    private final SourceConfig config;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing;
    private final int timeoutMillis;
    private int transactionId;
    private long deadline;

    private ModbusConnection(SourceConfig config, Socket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 512);
        this.out = socket.getOutputStream();
        this.framing = Framing.of(config.kind());
        this.timeoutMillis = (int) Math.max(1, config.requestTimeout().toMillis());
    }

    /** Connects within the source's connect timeout. */
    public static ModbusConnection open(SourceConfig config) throws ModbusCommException {
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
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
        transactionId = (transactionId + 1) & 0xFFFF;
        try {
            out.write(framing.encode(transactionId, config.unitId(), ModbusPduCodec.encode(request)));
            out.flush();
            deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            byte[] pdu = framing.readResponse(this::readFully, transactionId, config.unitId());
            return check(request, pdu);
        } catch (ModbusCommException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new ModbusCommException(Kind.IO_ERROR, e.toString(), e);
        }
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
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
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
