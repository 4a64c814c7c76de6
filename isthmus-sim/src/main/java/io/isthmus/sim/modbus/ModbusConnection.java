package io.isthmus.sim.modbus;

import io.isthmus.sim.mirror.MirrorPort;
import io.isthmus.sim.mirror.MirroredStreams;
import io.isthmus.sim.mirror.TcpConversation;
import io.isthmus.wire.modbus.ExceptionCode;
import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusPduCodec;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.PduDecode;
import io.isthmus.wire.modbus.PduError;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: frames in, answers out, one request at a time, until the client leaves,
 * the connection idles past the timeout, framing breaks, or the server closes it.
 *
 * <p>Unit identifiers (Modbus Messaging on TCP/IP Implementation Guide V1.0b, section 4.4.2.1):
 * the configured unit and 255 are this PLC; 0 is a broadcast, whose writes are performed and never
 * answered; any other unit gets GATEWAY_TARGET_FAILED_TO_RESPOND, as from a gateway with no such
 * device behind it.
 *
 * <p>The idle timeout is kept by the server's watchdog ({@link #closeIfIdle}), not by {@code
 * SO_TIMEOUT}: with a read timeout the JDK's socket turns non-blocking for good, and every wait for
 * the next request costs {@code read} (EAGAIN), {@code poll} and {@code read} instead of one blocking
 * {@code read} (docs/benchmarks.md, "Inline firewall, sixth session").
 */
final class ModbusConnection implements Runnable {
    static final int BROADCAST_UNIT = 0;
    static final int UNIT_ADDRESSED_BY_IP = 0xFF;

    /** Room for the answers to several pipelined requests (a maximal ADU is 260 bytes). */
    private static final int SEND_BUFFER = 8192;

    private static final Logger log = LoggerFactory.getLogger(ModbusConnection.class);

    private final Socket socket;
    private final InetSocketAddress remote;
    private final ModbusServerConfig config;
    private final RegisterImageHandler handler;
    private final ModbusServerListener listener;
    private final ServerCounters counters;
    private final Consumer<ModbusConnection> onClosed;
    private final Optional<MirrorPort> mirror;
    private final long idleNanos;
    private volatile boolean closing;
    private volatile boolean idleClosed;
    /** {@link System#nanoTime()} after which a read still waiting for the client is idle; 0: not reading. */
    private volatile long idleDeadline;

    private Thread thread;

    ModbusConnection(
            Socket socket,
            ModbusServerConfig config,
            RegisterImageHandler handler,
            ModbusServerListener listener,
            ServerCounters counters,
            Consumer<ModbusConnection> onClosed,
            Optional<MirrorPort> mirror) {
        this.socket = socket;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.config = config;
        this.handler = handler;
        this.listener = listener;
        this.counters = counters;
        this.onClosed = onClosed;
        this.mirror = mirror;
        this.idleNanos = config.idleTimeout().toNanos();
    }

    InetSocketAddress remote() {
        return remote;
    }

    void start(Thread.Builder threads) {
        thread = threads.unstarted(this);
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Ends the connection from another thread; its blocked read fails and the thread exits. */
    void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing connection from {}: {}", remote, e.toString());
        }
    }

    /**
     * Closes the connection when a read has been waiting for the client's bytes since before {@code
     * now} minus the idle timeout; called by the server's watchdog thread.
     */
    void closeIfIdle(long now) {
        long deadline = idleDeadline;
        if (deadline != 0 && now - deadline >= 0) {
            idleClosed = true;
            close();
        }
    }

    /** The client's bytes, each read armed with the idle deadline while it waits. */
    private final class WatchedInput extends FilterInputStream {
        WatchedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            idleDeadline = System.nanoTime() + idleNanos;
            try {
                return in.read();
            } finally {
                idleDeadline = 0;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            idleDeadline = System.nanoTime() + idleNanos;
            try {
                return in.read(b, off, len);
            } finally {
                idleDeadline = 0;
            }
        }
    }

    @Override
    public void run() {
        Optional<TcpConversation> tap =
                mirror.flatMap(m -> m.open(remote, (InetSocketAddress) socket.getLocalSocketAddress()));
        TcpConversation.Ending ending = TcpConversation.Ending.SERVER_CLOSED;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new WatchedInput(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (tap.isPresent()) {
                in = MirroredStreams.fromClient(in, tap.get());
                out = MirroredStreams.fromServer(out, tap.get());
            }
            boolean clientLeft = serve(
                    new MbapStreamReader(socket, in, config.limits()), new BufferedOutputStream(out, SEND_BUFFER));
            ending = clientLeft ? TcpConversation.Ending.CLIENT_CLOSED : TcpConversation.Ending.SERVER_CLOSED;
        } catch (IOException e) {
            if (idleClosed) {
                counters.connectionsIdleClosed.increment();
                log.debug("closed connection from {}: idle for {}", remote, config.idleTimeout());
            } else {
                ending = closing ? TcpConversation.Ending.SERVER_CLOSED : TcpConversation.Ending.CLIENT_RESET;
                log.debug("connection from {} ended: {}", remote, e.toString());
            }
        } finally {
            TcpConversation.Ending how = ending;
            tap.ifPresent(t -> t.end(how));
            onClosed.accept(this);
        }
    }

    /**
     * Answers frames until the connection ends. Answers are flushed whenever no further request is
     * already buffered: one request gets its answer at once, pipelined requests that arrived
     * together get theirs in one write (one wake-up of the client instead of one per answer).
     */
    private boolean serve(MbapStreamReader reader, OutputStream out) throws IOException {
        try {
            return answerAll(reader, out);
        } finally {
            out.flush();
        }
    }

    /** True when the client closed the connection, false when the server ends it (broken framing). */
    private boolean answerAll(MbapStreamReader reader, OutputStream out) throws IOException {
        while (true) {
            switch (reader.next()) {
                case MbapStreamReader.Frame f -> {
                    counters.requests.increment();
                    Optional<MbapFrame> reply = answer(f.frame());
                    if (reply.isPresent()) {
                        out.write(MbapCodec.encode(reply.get()));
                    }
                    if (!reader.frameBuffered()) {
                        out.flush();
                    }
                }
                case MbapStreamReader.EndOfStream end -> {
                    log.debug("connection from {} closed by the client{}", remote, end.midFrame() ? " mid-frame" : "");
                    return true;
                }
                case MbapStreamReader.Malformed m -> {
                    counters.malformedFrames.increment();
                    log.debug(
                            "closing connection from {}: {}", remote, m.error().description());
                    return false;
                }
            }
        }
    }

    /** The frame to send back, if any. */
    Optional<MbapFrame> answer(MbapFrame frame) {
        int unit = frame.unitId();
        var decoded = ModbusPduCodec.decodeRequest(frame.pduBuffer(), config.limits());
        Optional<ModbusResponse> response = switch (decoded) {
            case PduDecode.Ok<ModbusRequest> ok -> {
                var answer = route(unit, ok.value());
                notifyListener(unit, ok.value(), answer);
                yield answer;
            }
            case PduDecode.Malformed<ModbusRequest> m -> {
                counters.malformedPdus.increment();
                yield answerMalformed(unit, frame.pduBuffer().get(0) & 0xFF, m.error());
            }
        };
        response.filter(ModbusResponse.ExceptionResponse.class::isInstance)
                .ifPresent(r -> counters.exceptions.increment());
        return response.map(r -> MbapFrame.of(frame.transactionId(), unit, ModbusPduCodec.encode(r)));
    }

    private Optional<ModbusResponse> route(int unit, ModbusRequest request) {
        if (unit == BROADCAST_UNIT) {
            if (isWrite(request)) {
                execute(request);
            }
            return Optional.empty();
        }
        if (!servedUnit(unit)) {
            return Optional.of(RegisterImageHandler.exception(request, ExceptionCode.GATEWAY_TARGET_FAILED_TO_RESPOND));
        }
        return Optional.of(execute(request));
    }

    private Optional<ModbusResponse> answerMalformed(int unit, int functionCode, PduError error) {
        if (unit == BROADCAST_UNIT) {
            return Optional.empty();
        }
        if (!servedUnit(unit)) {
            return Optional.of(new ModbusResponse.ExceptionResponse(
                    functionCode & 0x7F, ExceptionCode.GATEWAY_TARGET_FAILED_TO_RESPOND));
        }
        return Optional.of(handler.handleMalformed(functionCode, error));
    }

    private boolean servedUnit(int unit) {
        return unit == config.unitId() || unit == UNIT_ADDRESSED_BY_IP;
    }

    private static boolean isWrite(ModbusRequest request) {
        return request instanceof ModbusRequest.WriteSingleCoil
                || request instanceof ModbusRequest.WriteSingleRegister
                || request instanceof ModbusRequest.WriteMultipleCoils
                || request instanceof ModbusRequest.WriteMultipleRegisters;
    }

    private ModbusResponse execute(ModbusRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            log.warn("request {} from {} failed; answering SERVER_DEVICE_FAILURE", request, remote, e);
            return RegisterImageHandler.exception(request, ExceptionCode.SERVER_DEVICE_FAILURE);
        }
    }

    private void notifyListener(int unit, ModbusRequest request, Optional<ModbusResponse> response) {
        try {
            listener.onRequest(remote, unit, request, response);
        } catch (RuntimeException e) {
            log.warn("Modbus server listener failed on {} from {}", request, remote, e);
        }
    }
}
