package io.isthmus.sim.mirror;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Builds the frames of the mirror port: Ethernet II (IEEE 802.3 clause 3.2) carrying IPv4 (RFC
 * 791) and TCP (RFC 9293), with correct header checksums, and ARP announcements (RFC 5227 2.3).
 * Every host gets a locally administered MAC derived from its IPv4 address ({@code
 * 02:00:a.b.c.d}), since loopback has no link layer.
 */
final class EthernetFrames {
    static final int SYN = 0x02;
    static final int FIN = 0x01;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int TCP = 20;
    private static final int WINDOW = 65_535;

    private EthernetFrames() {}

    /** The MAC the mirror gives {@code ip}: 02:00 then the four address bytes. */
    static byte[] mac(Inet4Address ip) {
        byte[] a = ip.getAddress();
        return new byte[] {0x02, 0x00, a[0], a[1], a[2], a[3]};
    }

    /** One TCP segment from {@code src} to {@code dst}; {@code ack} is sent only with the ACK flag. */
    static byte[] tcp(
            Inet4Address src,
            int srcPort,
            Inet4Address dst,
            int dstPort,
            long seq,
            long ack,
            int flags,
            int ipId,
            byte[] payload,
            int off,
            int len) {
        ByteBuffer b = ByteBuffer.allocate(ETHERNET + IPV4 + TCP + len);
        b.put(mac(dst)).put(mac(src)).putShort((short) 0x0800);
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4 + TCP + len));
        b.putShort((short) ipId).putShort((short) 0x4000); // don't fragment
        b.put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(src.getAddress()).put(dst.getAddress());
        b.putShort(ip + 10, (short) checksum(b.array(), ip, IPV4, 0));
        int tcp = b.position();
        b.putShort((short) srcPort).putShort((short) dstPort);
        b.putInt((int) seq).putInt((flags & ACK) != 0 ? (int) ack : 0);
        b.put((byte) (5 << 4)).put((byte) flags).putShort((short) WINDOW);
        b.putShort((short) 0).putShort((short) 0);
        b.put(payload, off, len);
        long pseudo = sum(src.getAddress()) + sum(dst.getAddress()) + 6 + TCP + len;
        b.putShort(tcp + 16, (short) checksum(b.array(), tcp, TCP + len, pseudo));
        return b.array();
    }

    /** A gratuitous ARP request announcing {@code ip} (RFC 5227 2.3), broadcast. */
    static byte[] arpAnnouncement(Inet4Address ip) {
        ByteBuffer b = ByteBuffer.allocate(ETHERNET + 28);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1}).put(mac(ip)).putShort((short) 0x0806);
        b.putShort((short) 1)
                .putShort((short) 0x0800)
                .put((byte) 6)
                .put((byte) 4)
                .putShort((short) 1);
        b.put(mac(ip)).put(ip.getAddress()).put(new byte[6]).put(ip.getAddress());
        return b.array();
    }

    private static long sum(byte[] address) {
        return ((address[0] & 0xFF) << 8 | (address[1] & 0xFF)) + ((address[2] & 0xFF) << 8 | (address[3] & 0xFF));
    }

    /** The Internet checksum (RFC 1071) of {@code len} bytes from {@code off}, plus {@code initial}. */
    static int checksum(byte[] data, int off, int len, long initial) {
        long sum = initial;
        int i = off;
        for (; i + 1 < off + len; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < off + len) {
            sum += (data[i] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
