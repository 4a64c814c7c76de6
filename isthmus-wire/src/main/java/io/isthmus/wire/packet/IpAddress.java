package io.isthmus.wire.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as 128 bits in two longs; IPv4 is held as the IPv4-mapped IPv6 address
 * {@code ::ffff:a.b.c.d} (RFC 4291 2.5.5.2) so one key type serves both families. For the edges
 * (reports, inventory); the decoder keeps the two longs.
 */
public record IpAddress(long high, long low) implements Comparable<IpAddress> {
    private static final long V4_MAPPED_PREFIX = 0x0000_FFFFL << 32;

    public static IpAddress ofIpv4(int address) {
        return new IpAddress(0, V4_MAPPED_PREFIX | Integer.toUnsignedLong(address));
    }

    /** The low 64 bits of an IPv4 address in the mapped form. */
    static long mappedLow(int ipv4) {
        return V4_MAPPED_PREFIX | Integer.toUnsignedLong(ipv4);
    }

    public boolean isIpv4() {
        return high == 0 && (low >>> 32) == 0xFFFF;
    }

    /** The address as the JDK type, without any name lookup. */
    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(isIpv4() ? ipv4Bytes() : ipv6Bytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    /** Written out: addresses key the hot maps of the passive path (see FlowKey). */
    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && low == a.low && high == a.high;
    }

    @Override
    public int hashCode() {
        long h = low * 0x9E37_79B9_7F4A_7C15L ^ high;
        return (int) (h ^ (h >>> 32));
    }

    /** Dotted quad for IPv4; RFC 5952 canonical text for IPv6. */
    @Override
    public String toString() {
        return isIpv4() ? ipv4Text() : Ipv6Text.format(high, low);
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    private String ipv4Text() {
        return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
    }

    private byte[] ipv4Bytes() {
        return new byte[] {(byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low};
    }

    private byte[] ipv6Bytes() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        return b;
    }
}
