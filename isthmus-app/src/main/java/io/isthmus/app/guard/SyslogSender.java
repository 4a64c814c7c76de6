package io.isthmus.app.guard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends syslog messages to one receiver. UDP: one datagram per message, cut to {@link
 * #MAX_DATAGRAM} bytes (RFC 5426 3.2 asks receivers for at least 480, recommends 2048; SIEMs take
 * 8 KiB). TCP: octet counting (RFC 6587 3.4.1), so messages may contain anything.
 */
public final class SyslogSender implements AutoCloseable {
    static final int MAX_DATAGRAM = 8192;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final SyslogTarget target;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final OutputStream tcpOut;
    private long sent;

    public SyslogSender(SyslogTarget target) throws IOException {
        this.target = target;
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve syslog host " + target.host());
        }
        boolean overUdp = switch (target.transport()) {
            case UDP -> true;
            case TCP -> false;
        };
        this.udp = overUdp ? new DatagramSocket() : null;
        this.tcp = overUdp ? null : new Socket();
        if (overUdp) {
            udp.connect(address);
            tcpOut = null;
        } else {
            tcp.connect(address, (int) CONNECT_TIMEOUT.toMillis());
            tcpOut = tcp.getOutputStream();
        }
    }

    public void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (udp != null) {
            int n = Math.min(bytes.length, MAX_DATAGRAM);
            udp.send(new DatagramPacket(bytes, n));
        } else {
            tcpOut.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            tcpOut.write(bytes);
            tcpOut.flush();
        }
        sent++;
    }

    public long sent() {
        return sent;
    }

    public SyslogTarget target() {
        return target;
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
