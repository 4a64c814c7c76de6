package io.isthmus.wire.packet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test-side builders of packets, header by header, with the field layouts of the RFCs the decoder
 * cites. IPv4 header checksums are computed; TCP and UDP checksums are left 0.
 */
public final class Frames {
    public static final long MAC_A = 0x0002_B3AA_BB01L;
    public static final long MAC_B = 0x0002_B3AA_BB02L;

    private Frames() {}

    /** A dotted quad as an int. */
    public static int ip4(String dotted) {
        String[] p = dotted.split("\\.");
        return (Integer.parseInt(p[0]) << 24)
                | (Integer.parseInt(p[1]) << 16)
                | (Integer.parseInt(p[2]) << 8)
                | Integer.parseInt(p[3]);
    }

    public static byte[] tcp(int srcPort, int dstPort, int seq, int ack, int flags, byte[] payload) {
        return tcp(srcPort, dstPort, seq, ack, flags, new byte[0], payload);
    }

    /** RFC 9293 3.1, with options padded to 4 bytes. */
    public static byte[] tcp(int srcPort, int dstPort, int seq, int ack, int flags, byte[] options, byte[] payload) {
        int optionBytes = (options.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(20 + optionBytes + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt(seq).putInt(ack);
        b.putShort((short) ((((20 + optionBytes) / 4) << 12) | flags)).putShort((short) 8192);
        b.putShort((short) 0).putShort((short) 0).put(options);
        b.position(20 + optionBytes).put(payload);
        return b.array();
    }

    /** RFC 768. */
    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length));
        b.putShort((short) 0).put(payload);
        return b.array();
    }

    public static byte[] ipv4(int src, int dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, 0x1234, 0x4000, payload);
    }

    /**
     * RFC 791 3.1 with a valid header checksum.
     *
     * @param flagsAndOffset the 16 bits of flags and fragment offset (in 8-byte units)
     */
    public static byte[] ipv4(int src, int dst, int protocol, int id, int flagsAndOffset, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length));
        b.putShort((short) id).putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol);
        b.putShort((short) 0).putInt(src).putInt(dst).put(payload);
        b.putShort(10, (short) checksum(b.array(), 20));
        return b.array();
    }

    /** RFC 8200 3: 40 bytes, then the payload (extension headers included by the caller). */
    public static byte[] ipv6(byte[] src, byte[] dst, int nextHeader, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x6000_0000)
                .putShort((short) payload.length)
                .put((byte) nextHeader)
                .put((byte) 64);
        b.put(src).put(dst).put(payload);
        return b.array();
    }

    /** An RFC 8200 4.x extension header in 8-octet units, padded; {@code body} follows next-header and length. */
    public static byte[] extension(int nextHeader, byte[] body) {
        int length = (2 + body.length + 7) & ~7;
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) nextHeader).put((byte) (length / 8 - 1)).put(body);
        return b.array();
    }

    /** RFC 8200 4.5 Fragment header. */
    public static byte[] fragmentHeader(int nextHeader, int offset, boolean more, int id) {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.put((byte) nextHeader)
                .put((byte) 0)
                .putShort((short) (offset | (more ? 1 : 0)))
                .putInt(id);
        return b.array();
    }

    /** Ethernet II (IEEE 802.3 3.1.1) with optional tags given as TPID, VID pairs. */
    public static byte[] ethernet(long dst, long src, int etherType, byte[] payload, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(14 + tags.length * 2 + payload.length);
        putMac(b, dst);
        putMac(b, src);
        for (int i = 0; i < tags.length; i += 2) {
            b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
        }
        b.putShort((short) etherType).put(payload);
        return b.array();
    }

    /** LINKTYPE_LINUX_SLL: packet type, ARPHRD_ETHER, address length 6, address, protocol. */
    public static byte[] sll(long src, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6);
        putMac(b, src);
        b.putShort((short) 0).putShort((short) protocol).put(payload);
        return b.array();
    }

    /** LINKTYPE_LINUX_SLL2: protocol, reserved, interface index, ARPHRD_ETHER, packet type, length 6, address. */
    public static byte[] sll2(long src, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) protocol)
                .putShort((short) 0)
                .putInt(3)
                .putShort((short) 1)
                .put((byte) 4)
                .put((byte) 6);
        putMac(b, src);
        b.putShort((short) 0).put(payload);
        return b.array();
    }

    /** LINKTYPE_NULL / LOOP: the address family in the given byte order. */
    public static byte[] loopback(int family, ByteOrder order, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .order(order)
                .putInt(family)
                .put(payload)
                .array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void putMac(ByteBuffer b, long mac) {
        b.putShort((short) (mac >>> 32)).putInt((int) mac);
    }

    private static int checksum(byte[] header, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((header[i] & 0xFF) << 8) | (header[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }
}
