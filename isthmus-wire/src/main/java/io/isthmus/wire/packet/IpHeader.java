package io.isthmus.wire.packet;

/**
 * An IPv4 (RFC 791 3.1) or IPv6 (RFC 8200 3) header, with the extension headers of IPv6 walked.
 *
 * @param srcHigh source address, high 64 bits (0 for IPv4, see {@link IpAddress})
 * @param srcLow source address, low 64 bits
 * @param protocol the transport protocol: IPv4's Protocol field or the last IPv6 Next Header
 * @param hopLimit TTL or Hop Limit
 * @param offset where the IP header starts in the buffer
 * @param fragmentId IPv4 Identification or the IPv6 Fragment header's Identification
 * @param fragmentOffset where this fragment's data belongs in the datagram, in bytes
 * @param moreFragments the MF / M flag
 * @param dontFragment IPv4's DF flag
 */
public record IpHeader(
        int version,
        long srcHigh,
        long srcLow,
        long dstHigh,
        long dstLow,
        int protocol,
        int hopLimit,
        int offset,
        int fragmentId,
        int fragmentOffset,
        boolean moreFragments,
        boolean dontFragment)
        implements Network {

    public static final int TCP = 6;
    public static final int UDP = 17;

    /** A piece of a larger datagram (RFC 791 3.2): its transport header is not decoded here. */
    public boolean isFragment() {
        return moreFragments || fragmentOffset != 0;
    }

    public IpAddress source() {
        return new IpAddress(srcHigh, srcLow);
    }

    public IpAddress destination() {
        return new IpAddress(dstHigh, dstLow);
    }
}
