package io.isthmus.sim.modbus;

import io.isthmus.wire.modbus.MbapCodec;
import io.isthmus.wire.modbus.MbapDecode;
import io.isthmus.wire.modbus.MbapError;
import io.isthmus.wire.modbus.MbapFrame;
import io.isthmus.wire.modbus.ModbusLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Cuts a socket's byte stream into MBAP frames with the pure codec. The buffer is one maximum ADU,
 * allocated once: a frame longer than that is rejected by the codec after its 6th byte, so the
 * buffer never has to grow, and bytes of a following frame stay in it for the next call.
 */
final class MbapStreamReader {

    /** What the next read produced. */
    sealed interface Next {}

    record Frame(MbapFrame frame) implements Next {}

    /** The peer closed the connection; {@code midFrame} when it left part of a frame behind. */
    record EndOfStream(boolean midFrame) implements Next {}

    record Malformed(MbapError error) implements Next {}

    private final Socket socket;
    private final InputStream in;
    private final ModbusLimits limits;
    private final ByteBuffer buffer;

    MbapStreamReader(Socket socket, ModbusLimits limits) throws IOException {
        this(socket, socket.getInputStream(), limits);
    }

    /** Reads {@code in} (the socket's input, possibly mirrored); timeouts are set on {@code socket}. */
    MbapStreamReader(Socket socket, InputStream in, ModbusLimits limits) {
        this.socket = socket;
        this.in = in;
        this.limits = limits;
        this.buffer = ByteBuffer.allocate(limits.maxAdu()).flip();
    }

    /**
     * True when the next frame is already complete in the buffer, so {@link #next()} returns it
     * without reading the socket: a server can hold back its answer and send the answers of
     * pipelined requests in one write. Judged from the MBAP length field alone; a malformed header
     * counts as not buffered.
     */
    boolean frameBuffered() {
        int have = buffer.remaining();
        if (have < 6) {
            return false;
        }
        int p = buffer.position();
        int length = ((buffer.get(p + 4) & 0xFF) << 8) | (buffer.get(p + 5) & 0xFF);
        return length >= 2 && have >= 6 + length;
    }

    /** The next frame, each blocking read bounded by the socket's own timeout. */
    Next next() throws IOException {
        return read(false, 0);
    }

    /**
     * The next frame within {@code timeout} in total, however the bytes trickle in.
     *
     * @throws SocketTimeoutException when the whole frame has not arrived in time
     */
    Next next(Duration timeout) throws IOException {
        return read(true, System.nanoTime() + timeout.toNanos());
    }

    private Next read(boolean bounded, long deadlineNanos) throws IOException {
        while (true) {
            switch (MbapCodec.decode(buffer, limits)) {
                case MbapDecode.Complete c -> {
                    buffer.position(buffer.position() + c.consumed());
                    return new Frame(c.frame());
                }
                case MbapDecode.Malformed m -> {
                    return new Malformed(m.error());
                }
                case MbapDecode.NeedMore n -> {
                    if (!fill(bounded, deadlineNanos)) {
                        return new EndOfStream(buffer.hasRemaining());
                    }
                }
            }
        }
    }

    /** Reads what is available into the buffer; false at end of stream. */
    private boolean fill(boolean bounded, long deadlineNanos) throws IOException {
        if (bounded) {
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("no complete Modbus frame in time");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        }
        buffer.compact();
        try {
            int read = in.read(buffer.array(), buffer.position(), buffer.remaining());
            if (read > 0) {
                buffer.position(buffer.position() + read);
            }
            return read >= 0;
        } finally {
            buffer.flip();
        }
    }
}
