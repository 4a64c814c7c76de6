package io.isthmus.connect.transfer.send;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends datagrams to one destination from an unconnected UDP socket and never reads it. Unconnected
 * on purpose: a connected UDP socket turns an ICMP "port unreachable" into an exception on the next
 * send, which would make the sender depend on a message travelling backwards across the diode.
 *
 * <p>The socket is of the destination's address family: an IPv4 destination gets an IPv4 socket, not
 * the JDK's default dual-stack IPv6 one, whose every send goes through {@code udpv6_sendmsg} and the
 * v4-mapped address before the IPv4 path.
 */
public final class UdpOut implements DatagramOut {
    private final DatagramChannel channel;
    private final InetSocketAddress destination;
    /** One direct buffer for every datagram: a heap buffer would be copied into a temporary one. */
    private final ByteBuffer direct = ByteBuffer.allocateDirect(65_536);

    public UdpOut(InetSocketAddress destination) throws IOException {
        this.destination = destination;
        this.channel = DatagramChannel.open(
                destination.getAddress() instanceof Inet4Address
                        ? StandardProtocolFamily.INET
                        : StandardProtocolFamily.INET6);
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
