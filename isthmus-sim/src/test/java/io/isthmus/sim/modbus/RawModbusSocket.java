package io.isthmus.sim.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A plain TCP socket for sending a server bytes no Modbus client would send. */
final class RawModbusSocket implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    RawModbusSocket(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Sends one byte per write, pausing between them so each travels in its own segment. */
    void sendInOneByteSegments(byte[] bytes) throws IOException, InterruptedException {
        for (byte b : bytes) {
            send(new byte[] {b});
            Thread.sleep(2);
        }
    }

    /** The next MBAP frame from the server, whole. */
    byte[] readFrame(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] header = in.readNBytes(7);
        if (header.length < 7) {
            throw new IOException("connection closed after " + header.length + " header bytes");
        }
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        byte[] rest = in.readNBytes(length - 1);
        byte[] frame = Arrays.copyOf(header, 7 + rest.length);
        System.arraycopy(rest, 0, frame, 7, rest.length);
        return frame;
    }

    /** The PDU of the next frame. */
    byte[] readPdu(Duration timeout) throws IOException {
        byte[] frame = readFrame(timeout);
        return Arrays.copyOfRange(frame, 7, frame.length);
    }

    /** True when the server closes the connection within {@code timeout} without sending anything. */
    boolean closedByServerWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // connection reset: closed with unread data
        }
    }

    /** True when nothing arrives within {@code quiet} and the connection is still open. */
    boolean silentFor(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
