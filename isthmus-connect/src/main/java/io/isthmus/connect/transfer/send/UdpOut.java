package io.isthmus.connect.transfer.send;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends datagrams to one destination from an unconnected UDP socket and never reads it. Unconnected
 * on purpose: a connected UDP socket turns an ICMP "port unreachable" into an exception on the next
 * send, which would make the sender depend on a message travelling backwards across the diode.
 */
public final class UdpOut implements DatagramOut {
    private final DatagramChannel channel;
    private final InetSocketAddress destination;
    /** One direct buffer for every datagram: a heap buffer would be copied into a temporary one. */
    private final ByteBuffer direct = ByteBuffer.allocateDirect(65_536);

    public UdpOut(InetSocketAddress destination) throws IOException {
        this.destination = destination;
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
        channel.configureBlocking(true);
    }

    @Override
    public void send(byte[] datagram, int length) throws IOException {
        send(datagram, 0, length);
    }

    @Override
    public void send(byte[] data, int offset, int length) throws IOException {
        direct.clear();
        direct.put(data, offset, length).flip();
        channel.send(direct, destination);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
