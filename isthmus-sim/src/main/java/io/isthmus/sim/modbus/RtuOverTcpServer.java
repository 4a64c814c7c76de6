package io.isthmus.sim.modbus;

import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.ModbusPduCodec;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.PduDecode;
import io.isthmus.wire.modbus.rtu.RtuCodec;
import io.isthmus.wire.modbus.rtu.RtuDecode;
import io.isthmus.wire.modbus.rtu.RtuFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial-to-Ethernet gateway in front of one RTU slave, as a test bench: Modbus RTU frames
 * (address, PDU, CRC-16; Modbus over Serial Line V1.02, 2.5.1) carried unchanged over a TCP
 * stream, answered from a {@link RegisterImage}. It behaves like a device on a serial bus: a frame
 * for another slave address gets no answer, and a frame with a bad CRC is discarded silently (the
 * gateway then closes the stream, since it cannot find the next frame boundary in it). Framing by
 * the pure {@code io.isthmus.wire.modbus.rtu} codec; one virtual thread per connection.
 */
public final class RtuOverTcpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtuOverTcpServer.class);

    private final ModbusServerConfig config;
    private final RegisterImageHandler handler;
    private final ServerSocket socket;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final LongAdder requests = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder crcErrors = new LongAdder();
    private final Thread acceptor;

    private RtuOverTcpServer(ModbusServerConfig config, RegisterImage image, ServerSocket socket) {
        this.config = config;
        this.handler = new RegisterImageHandler(image, config.limits(), config.identity());
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().name("rtu-accept-" + port()).start(this::accept);
    }

    /** Binds {@code config}'s address and port (0 for any free one) and starts answering slave {@code config.unitId()}. */
    public static RtuOverTcpServer start(ModbusServerConfig config, RegisterImage image) throws IOException {
        Objects.requireNonNull(image, "image");
        ServerSocket s = new ServerSocket();
        try {
            s.bind(new InetSocketAddress(config.bindAddress(), config.port()), 50);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new RtuOverTcpServer(config, image, s);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Requests answered. */
    public long requests() {
        return requests.sum();
    }

    /** Frames for another slave address, left unanswered as on a serial bus. */
    public long ignored() {
        return ignored.sum();
    }

    /** Frames whose CRC did not match; each closed its connection. */
    public long crcErrors() {
        return crcErrors.sum();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                open.add(c);
                Thread.ofVirtual().name("rtu-" + port()).start(() -> serve(c));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("RTU-over-TCP server on {} failed to accept: {}", port(), e.toString());
                }
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            c.setSoTimeout((int) config.idleTimeout().toMillis());
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            byte[] buf = new byte[RtuCodec.MAX_ADU];
            int have = 0;
            int need = 2;
            while (true) {
                int n = in.readNBytes(buf, have, need);
                if (n < need) {
                    return; // closed or timed out mid-frame
                }
                have += n;
                switch (RtuCodec.decodeRequest(ByteBuffer.wrap(buf, 0, have))) {
                    case RtuDecode.NeedMore more -> need = more.bytesNeeded();
                    case RtuDecode.Malformed m -> {
                        crcErrors.increment();
                        log.debug("RTU-over-TCP {}: {}; closing", c.getRemoteSocketAddress(), m.reason());
                        return;
                    }
                    case RtuDecode.Complete done -> {
                        answer(done.frame(), out);
                        have = 0;
                        need = 2;
                    }
                }
            }
        } catch (IOException e) {
            log.debug("RTU-over-TCP connection ended: {}", e.toString());
        } finally {
            open.remove(c);
        }
    }

    private void answer(RtuFrame frame, OutputStream out) throws IOException {
        if (frame.unitId() != config.unitId()) {
            ignored.increment();
            return;
        }
        ModbusResponse response = switch (ModbusPduCodec.decodeRequest(ByteBuffer.wrap(frame.pdu()), config.limits())) {
            case PduDecode.Ok<ModbusRequest> ok -> handler.handle(ok.value());
            case PduDecode.Malformed<ModbusRequest> m -> handler.handleMalformed(frame.pdu()[0] & 0xFF, m.error());
        };
        requests.increment();
        out.write(RtuCodec.encode(new RtuFrame(frame.unitId(), ModbusPduCodec.encode(response))));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing: {}", e.toString());
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("closing: {}", e.toString());
            }
        });
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
