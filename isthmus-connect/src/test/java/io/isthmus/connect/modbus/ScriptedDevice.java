package io.isthmus.connect.modbus;

import io.isthmus.wire.modbus.rtu.RtuCodec;
import io.isthmus.wire.modbus.rtu.RtuDecode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw test device on 127.0.0.1: reads each request frame (MBAP or RTU) and lets a script decide
 * what bytes go back, so tests can play a hostile or broken PLC.
 */
final class ScriptedDevice implements AutoCloseable {

    /** What to do with one request; {@code request} is the whole ADU as received. */
    interface Script {
        void answer(byte[] request, OutputStream out, Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final boolean rtu;
    private final Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    ScriptedDevice(boolean rtu, Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.rtu = rtu;
        this.script = script;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            var in = new DataInputStream(s.getInputStream());
            while (true) {
                byte[] request = rtu ? readRtu(in) : readMbap(in);
                requests.incrementAndGet();
                script.answer(request, s.getOutputStream(), s);
            }
        } catch (IOException e) {
            // connection over
        }
    }

    private static byte[] readMbap(DataInputStream in) throws IOException {
        byte[] header = new byte[6];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        byte[] frame = new byte[6 + length];
        System.arraycopy(header, 0, frame, 0, 6);
        in.readFully(frame, 6, length);
        return frame;
    }

    private static byte[] readRtu(InputStream in) throws IOException {
        byte[] buf = new byte[RtuCodec.MAX_ADU];
        int have = 0;
        int need = 2;
        while (true) {
            new DataInputStream(in).readFully(buf, have, need);
            have += need;
            switch (RtuCodec.decodeRequest(ByteBuffer.wrap(buf, 0, have))) {
                case RtuDecode.NeedMore m -> need = m.bytesNeeded();
                case RtuDecode.Malformed m -> throw new IOException(m.reason());
                case RtuDecode.Complete c -> {
                    return java.util.Arrays.copyOf(buf, c.consumed());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
