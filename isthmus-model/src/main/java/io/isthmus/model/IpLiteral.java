package io.isthmus.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * IP addresses written as text, read and written without ever asking DNS. {@code
 * InetAddress.getByName} falls back to a name lookup for some malformed literals; configuration
 * and evidence must never trigger network traffic or depend on a resolver.
 */
public final class IpLiteral {
    private IpLiteral() {}

    /**
     * Parses a dotted-quad IPv4 address (no leading zeros, which some parsers read as octal) or an
     * IPv6 address in RFC 4291 2.2 text form. Zone indexes ({@code %eth0}) and IPv4-mapped IPv6
     * addresses are rejected: inventory compares addresses by value.
     */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an IP address must not be empty");
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text, text);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address was refused", e);
        }
    }

    /** IPv4 dotted quad, IPv6 in the RFC 5952 canonical form ({@code 2001:db8::1}). */
    public static String format(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!s.isEmpty() && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }

    private static byte[] parseV4(String part, String whole) {
        String[] fields = part.split("\\.", -1);
        if (fields.length != 4) {
            throw invalid(whole, "an IPv4 address has 4 dot-separated numbers, found " + fields.length);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String f = fields[i];
            if (f.isEmpty() || f.length() > 3 || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(whole, "number " + (i + 1) + " '" + f + "' is not a decimal number from 0 to 255");
            }
            if (f.length() > 1 && f.charAt(0) == '0') {
                throw invalid(
                        whole,
                        "number " + (i + 1) + " '" + f + "' has a leading zero, which some parsers read as octal");
            }
            int v = Integer.parseInt(f);
            if (v > 255) {
                throw invalid(whole, "number " + (i + 1) + " is " + v + "; at most 255");
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parseV6(String text) {
        if (text.indexOf('%') >= 0) {
            throw invalid(text, "zone indexes ('%...') are not supported");
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw invalid(text, "'::' may appear only once");
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] headBytes = groups(head, text, gap < 0);
        byte[] tailBytes = groups(tail, text, true);
        int given = headBytes.length + tailBytes.length;
        if (gap < 0 && given != 16) {
            throw invalid(text, "an IPv6 address without '::' has 8 groups, found " + given / 2);
        }
        if (gap >= 0 && given > 14) {
            throw invalid(text, "'::' stands for at least one zero group, but 8 groups are already given");
        }
        byte[] b = new byte[16];
        System.arraycopy(headBytes, 0, b, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, b, 16 - tailBytes.length, tailBytes.length);
        if (isV4Mapped(b)) {
            throw invalid(text, "IPv4-mapped addresses are not supported; write the IPv4 address itself");
        }
        return b;
    }

    /** The bytes of colon-separated hex groups; the last may be a dotted IPv4 address when allowed. */
    private static byte[] groups(String part, String whole, boolean mayEndInV4) {
        if (part.isEmpty()) {
            return new byte[0];
        }
        String[] fields = part.split(":", -1);
        String last = fields[fields.length - 1];
        boolean v4Tail = mayEndInV4 && last.indexOf('.') >= 0;
        int hexFields = v4Tail ? fields.length - 1 : fields.length;
        byte[] b = new byte[hexFields * 2 + (v4Tail ? 4 : 0)];
        for (int i = 0; i < hexFields; i++) {
            String f = fields[i];
            if (f.isEmpty() || f.length() > 4 || !f.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 'g')) {
                throw invalid(whole, "group '" + f + "' is not 1 to 4 hex digits");
            }
            int v = Integer.parseInt(f, 16);
            b[2 * i] = (byte) (v >>> 8);
            b[2 * i + 1] = (byte) v;
        }
        if (v4Tail) {
            System.arraycopy(parseV4(last, whole), 0, b, hexFields * 2, 4);
        }
        return b;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("invalid IP address '" + text + "': " + reason);
    }
}
