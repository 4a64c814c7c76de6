package io.isthmus.sim.modbus;

import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusLimits;
import io.isthmus.wire.modbus.ModbusPduCodec;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.PackedBits;
import io.isthmus.wire.modbus.PduDecode;
import io.isthmus.wire.modbus.Registers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A minimal blocking Modbus/TCP client: the simulator's scenarios use it to act as an outside host
 * (an IT machine at 127.0.0.66 writing a stop coil), and a minimal demo poller reads with it.
 *
 * <p>One request at a time per client (methods are synchronized). A collector is strict: the
 * response must carry the request's transaction id, unit id and function code, and the quantity
 * it asked for; anything else is a {@link ModbusClientException} and closes the client, since the
 * stream can no longer be trusted to pair answers with questions.
 */
public final class ModbusTcpClient implements AutoCloseable {
    private final Socket socket;
    private final MbapStreamReader reader;
    private final Duration timeout;
    private int nextTransactionId = 1;

    private ModbusTcpClient(Socket socket, Duration timeout) throws IOException {
        this.socket = socket;
        this.timeout = timeout;
        this.reader = new MbapStreamReader(socket, ModbusLimits.SPEC);
    }

    /**
     * Connects to {@code server}, optionally from a given local address (any 127.x.y.z works on
     * Linux, whose loopback is a /8); {@code timeout} bounds the connect and each request.
     */
    public static ModbusTcpClient connect(InetSocketAddress server, Optional<InetAddress> localBind, Duration timeout)
            throws IOException {
        Objects.requireNonNull(server, "server");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and under 24 days, was " + timeout);
        }
        var socket = new Socket();
        try {
            if (localBind.isPresent()) {
                socket.bind(new InetSocketAddress(localBind.get(), 0));
            }
            socket.connect(server, (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new ModbusTcpClient(socket, timeout);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public static ModbusTcpClient connect(InetSocketAddress server, Duration timeout) throws IOException {
        return connect(server, Optional.empty(), timeout);
    }

    /** This end of the connection: the address the server sees. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** FC 1: {@code quantity} coil states from {@code address}. */
    public boolean[] readCoils(int unitId, int address, int quantity) throws ModbusClientException {
        var response =
                expect(send(unitId, new ModbusRequest.ReadCoils(address, quantity)), ModbusResponse.ReadCoils.class);
        return unpack(response.coils(), quantity);
    }

    /** FC 2: {@code quantity} discrete input states from {@code address}. */
    public boolean[] readDiscreteInputs(int unitId, int address, int quantity) throws ModbusClientException {
        var response = expect(
                send(unitId, new ModbusRequest.ReadDiscreteInputs(address, quantity)),
                ModbusResponse.ReadDiscreteInputs.class);
        return unpack(response.inputs(), quantity);
    }

    /** FC 3: {@code quantity} holding registers from {@code address}. */
    public Registers readHoldingRegisters(int unitId, int address, int quantity) throws ModbusClientException {
        var response = expect(
                send(unitId, new ModbusRequest.ReadHoldingRegisters(address, quantity)),
                ModbusResponse.ReadHoldingRegisters.class);
        return requireSize(response.registers(), quantity);
    }

    /** FC 4: {@code quantity} input registers from {@code address}. */
    public Registers readInputRegisters(int unitId, int address, int quantity) throws ModbusClientException {
        var response = expect(
                send(unitId, new ModbusRequest.ReadInputRegisters(address, quantity)),
                ModbusResponse.ReadInputRegisters.class);
        return requireSize(response.registers(), quantity);
    }

    /** FC 5: sets one coil. */
    public void writeSingleCoil(int unitId, int address, boolean on) throws ModbusClientException {
        var request = ModbusRequest.WriteSingleCoil.of(address, on);
        var echo = expect(send(unitId, request), ModbusResponse.WriteSingleCoil.class);
        requireEcho(echo.address() == address && echo.value() == request.value(), echo);
    }

    /** FC 6: writes one holding register (0..65535, or a signed 16-bit value). */
    public void writeSingleRegister(int unitId, int address, int value) throws ModbusClientException {
        int wire = Registers.of(value).get(0);
        var echo = expect(
                send(unitId, new ModbusRequest.WriteSingleRegister(address, wire)),
                ModbusResponse.WriteSingleRegister.class);
        requireEcho(echo.address() == address && echo.value() == wire, echo);
    }

    /** FC 16: writes consecutive holding registers from {@code address}. */
    public void writeMultipleRegisters(int unitId, int address, Registers values) throws ModbusClientException {
        var echo = expect(
                send(unitId, ModbusRequest.WriteMultipleRegisters.of(address, values)),
                ModbusResponse.WriteMultipleRegisters.class);
        requireEcho(echo.address() == address && echo.quantity() == values.size(), echo);
    }

    /** FC 43/14: device identification objects, one answer (the caller follows {@code moreFollows}). */
    public ModbusResponse.ReadDeviceIdentification readDeviceIdentification(
            int unitId, int readDeviceIdCode, int objectId) throws ModbusClientException {
        return expect(
                send(unitId, new ModbusRequest.ReadDeviceIdentification(readDeviceIdCode, objectId)),
                ModbusResponse.ReadDeviceIdentification.class);
    }

    /**
     * Sends any request and returns the server's answer as it came, including an {@link
     * ModbusResponse.ExceptionResponse} (the typed methods throw {@link
     * ModbusExceptionResponseException} instead). Unit 0, broadcast, gets no answer and cannot be
     * sent this way.
     */
    public synchronized ModbusResponse send(int unitId, ModbusRequest request) throws ModbusClientException {
        if (unitId < 1 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 1..255 for a request with an answer, was " + unitId);
        }
        int transactionId = nextTransactionId;
        nextTransactionId = (nextTransactionId + 1) & 0xFFFF;
        var frame = exchange(MbapFrame.of(transactionId, unitId, ModbusPduCodec.encode(request)));
        if (frame.transactionId() != transactionId || frame.unitId() != unitId) {
            throw fail("answer for transaction " + frame.transactionId() + " unit " + frame.unitId()
                    + ", expected transaction " + transactionId + " unit " + unitId);
        }
        var response = decode(frame);
        if (response.functionCode() != request.functionCode()) {
            throw fail("answer with function code " + response.functionCode() + " to function code "
                    + request.functionCode());
        }
        return response;
    }

    private MbapFrame exchange(MbapFrame request) throws ModbusClientException {
        ensureOpen();
        try {
            socket.getOutputStream().write(MbapCodec.encode(request));
            return switch (reader.next(timeout)) {
                case MbapStreamReader.Frame f -> f.frame();
                case MbapStreamReader.EndOfStream e -> throw fail("server " + server() + " closed the connection");
                case MbapStreamReader.Malformed m ->
                    throw fail("server sent a broken frame: " + m.error().description());
            };
        } catch (SocketTimeoutException e) {
            close();
            throw new ModbusTimeoutException("no answer from " + server() + " within " + timeout, e);
        } catch (ModbusClientException e) {
            throw e;
        } catch (IOException e) {
            close();
            throw new ModbusClientException("connection to " + server() + " failed", e);
        }
    }

    private ModbusResponse decode(MbapFrame frame) throws ModbusClientException {
        return switch (ModbusPduCodec.decodeResponse(frame.pduBuffer())) {
            case PduDecode.Ok<ModbusResponse> ok -> ok.value();
            case PduDecode.Malformed<ModbusResponse> m ->
                throw fail("malformed answer: " + m.reason() + " at offset " + m.offset());
        };
    }

    private <T extends ModbusResponse> T expect(ModbusResponse response, Class<T> type) throws ModbusClientException {
        if (response instanceof ModbusResponse.ExceptionResponse e) {
            throw new ModbusExceptionResponseException(e.functionCode(), e.code());
        }
        if (!type.isInstance(response)) {
            throw fail("expected " + type.getSimpleName() + ", got " + response);
        }
        return type.cast(response);
    }

    private boolean[] unpack(PackedBits bits, int quantity) throws ModbusClientException {
        if (bits.byteCount() != PackedBits.byteCountFor(quantity)) {
            throw fail(bits.byteCount() + " bytes of states for " + quantity + " requested");
        }
        return bits.unpack(quantity);
    }

    private Registers requireSize(Registers registers, int quantity) throws ModbusClientException {
        if (registers.size() != quantity) {
            throw fail(registers.size() + " registers for " + quantity + " requested");
        }
        return registers;
    }

    private void requireEcho(boolean matches, ModbusResponse echo) throws ModbusClientException {
        if (!matches) {
            throw fail("write not echoed as sent: " + echo);
        }
    }

    private void ensureOpen() throws ModbusClientException {
        if (socket.isClosed()) {
            throw new ModbusClientException("client to " + server() + " is closed");
        }
    }

    private ModbusClientException fail(String message) {
        close();
        return new ModbusClientException(message);
    }

    private String server() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a client socket only fails if it was already broken; nothing is left to release.
        }
    }
}
