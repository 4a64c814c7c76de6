package io.isthmus.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632, RFC 4291 2.3): the address with all host
 * bits zero and the prefix length. Zones are made of these.
 *
 * <p>A network with host bits set ({@code 10.0.0.1/24}) is rejected rather than silently masked: in
 * a zone definition it is almost always a typo for a different network or for a single host.
 */
public record IpNetwork(InetAddress address, int prefixLength) {

    public IpNetwork {
        Objects.requireNonNull(address, "address");
        int bits = bitsOf(address);
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range for "
                    + family(address) + "; expected 0 to " + bits);
        }
        byte[] a = address.getAddress();
        byte[] masked = masked(a, prefixLength);
        if (!Arrays.equals(a, masked)) {
            String text = IpLiteral.format(address) + "/" + prefixLength;
            throw new IllegalArgumentException(text + " has host bits set; the network is "
                    + IpLiteral.format(of(masked)) + "/" + prefixLength + ", the host alone is "
                    + IpLiteral.format(address) + "/" + bits);
        }
    }

    /** Parses {@code 10.0.0.0/24} or {@code 2001:db8::/32}; the prefix length is required. */
    public static IpNetwork parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid network '" + text
                    + "': missing '/prefix'; write a single host as /32 (IPv4) or /128 (IPv6)");
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "invalid network '" + text + "': prefix length '" + prefix + "' is not a decimal number");
        }
        InetAddress address = IpLiteral.parse(text.substring(0, slash));
        try {
            return new IpNetwork(address, Integer.parseInt(prefix));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid network '" + text + "': " + e.getMessage(), e);
        }
    }

    /** True when {@code host} is of the same family and its first {@link #prefixLength} bits match. */
    public boolean contains(InetAddress host) {
        byte[] h = host.getAddress();
        byte[] n = address.getAddress();
        return h.length == n.length && Arrays.equals(masked(h, prefixLength), n);
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return IpLiteral.format(address) + "/" + prefixLength;
    }

    private static byte[] masked(byte[] a, int prefixLength) {
        byte[] m = a.clone();
        for (int i = 0; i < m.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
            m[i] &= (byte) (0xFF00 >>> keep);
        }
        return m;
    }

    private static int bitsOf(InetAddress address) {
        return address.getAddress().length * 8;
    }

    private static String family(InetAddress address) {
        return address instanceof Inet4Address ? "IPv4" : "IPv6";
    }

    private static InetAddress of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address was refused", e);
        }
    }
}
