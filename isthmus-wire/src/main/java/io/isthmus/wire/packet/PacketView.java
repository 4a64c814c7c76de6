package io.isthmus.wire.packet;

import java.util.Objects;

/**
 * One packet's decoded headers as primitives, re-filled in place by every {@link
 * PacketDecoder#decode(java.nio.ByteBuffer, io.isthmus.wire.capture.CaptureRecord.Packet, PacketView)}
 * into it: the hot path of the passive sensor decodes each packet into the same view instead of
 * allocating a {@link LinkHeader}, {@link IpHeader}, {@link TcpHeader} and {@link DecodedPacket}
 * per packet (those were a fifth of the decoding thread's allocation, docs/benchmarks.md, eighth
 * session).
 *
 * <p><b>Lifetime:</b> the fields are those of the latest decode into this view and change with the
 * next one. Whoever is handed a view during a call reads it and never keeps it; {@link
 * #toDecodedPacket()}, {@link #linkHeader()} and {@link #ipHeader()} build value records for
 * anything that must outlive the call. Offsets are absolute indices into the buffer that was
 * decoded. Field meanings are those of the records: {@link LinkHeader}, {@link IpHeader}, {@link
 * TcpHeader}, {@link UdpHeader} and {@link DecodedPacket}. Not thread-safe.
 */
public final class PacketView {
    private static final int IP = 0;
    private static final int PROFINET = 1;
    private static final int OTHER = 2;
    private static final int NONE = 0;
    private static final int TCP = 1;
    private static final int UDP = 2;

    private long dstMac;
    private long srcMac;
    private int outerVlan;
    private int innerVlan;
    private int etherType;
    private int networkOffset;

    private int network;
    private int frameId;
    private int otherEtherType;
    private int version;
    private long srcHigh;
    private long srcLow;
    private long dstHigh;
    private long dstLow;
    private int ipProtocol;
    private int hopLimit;
    private int ipOffset;
    private int fragmentId;
    private int fragmentOffset;
    private boolean moreFragments;
    private boolean dontFragment;

    private int transport;
    private int srcPort;
    private int dstPort;
    private int seq;
    private int ack;
    private int tcpFlags;
    private int window;
    private int tcpHeaderLength;
    private int udpLength;

    private int payloadOffset;
    private int payloadLength;
    private int payloadMissing;
    private int anomalies;
    /**
     * The bytes of the IPv4 header whose checksum {@link #anomalies()} has not verified yet, at
     * {@link #checksumOffset}, {@link #checksumLength} bytes long; nothing is pending when that
     * length is 0. Only {@code anomalies()} needs the verdict, and the flow pipeline never asks for
     * it, so the sum is not worked out per packet. The array is replaced only when another one is
     * decoded and otherwise left as it was (it may outlive its packet: it is the decoded buffer,
     * never read again once nothing is pending): under G1 a reference store into an object costs a
     * write barrier, and this was two of them per packet.
     */
    private byte[] checksumBytes;

    private int checksumOffset;
    private int checksumLength;
    /** Why the latest decode failed; null after a success (cleared only when it was set: see above). */
    private PacketError error;

    /** A view filled with the fields of {@code packet} (for callers holding records, e.g. tests). */
    public static PacketView of(DecodedPacket packet) {
        PacketView v = new PacketView();
        LinkHeader l = packet.link();
        v.link(l.dstMac(), l.srcMac(), l.outerVlan(), l.innerVlan(), l.etherType(), l.networkOffset());
        switch (packet.network()) {
            case IpHeader ip -> v.ip(ip);
            case Network.Profinet pn -> v.profinet(pn.frameId());
            case Network.Other o -> v.other(o.etherType());
        }
        switch (packet.transport()) {
            case TcpHeader t ->
                v.tcp(t.srcPort(), t.dstPort(), t.seq(), t.ack(), t.flags(), t.window(), t.headerLength());
            case UdpHeader u -> v.udp(u.srcPort(), u.dstPort(), u.length());
            case Transport.None n -> v.transport = NONE;
        }
        v.payload(packet.payloadOffset(), packet.payloadLength(), packet.payloadMissing(), packet.anomalies());
        return v;
    }

    // --- filled by the layers ---

    void link(long dst, long src, int outer, int inner, int type, int offset) {
        dstMac = dst;
        srcMac = src;
        outerVlan = outer;
        innerVlan = inner;
        etherType = type;
        networkOffset = offset;
        network = OTHER;
        otherEtherType = type;
        transport = NONE;
        cleared();
    }

    /** The same link fields for a network header at {@code offset} (a reassembled datagram). */
    void relink(int offset) {
        networkOffset = offset;
        transport = NONE;
        cleared();
    }

    /** No checksum pending and no error: the start of every decode. */
    private void cleared() {
        checksumLength = 0;
        if (error != null) {
            error = null;
        }
    }

    /**
     * The IPv4 header at {@code offset} of {@code bytes}, {@code headerLength} bytes long: its
     * checksum is verified by the first {@link #anomalies()} after this decode.
     */
    void ipv4Checksum(byte[] bytes, int offset, int headerLength) {
        if (checksumBytes != bytes) {
            checksumBytes = bytes;
        }
        checksumOffset = offset;
        checksumLength = headerLength;
    }

    void ip(
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
            boolean dontFragment) {
        this.network = IP;
        this.version = version;
        this.srcHigh = srcHigh;
        this.srcLow = srcLow;
        this.dstHigh = dstHigh;
        this.dstLow = dstLow;
        this.ipProtocol = protocol;
        this.hopLimit = hopLimit;
        this.ipOffset = offset;
        this.fragmentId = fragmentId;
        this.fragmentOffset = fragmentOffset;
        this.moreFragments = moreFragments;
        this.dontFragment = dontFragment;
    }

    private void ip(IpHeader h) {
        ip(
                h.version(),
                h.srcHigh(),
                h.srcLow(),
                h.dstHigh(),
                h.dstLow(),
                h.protocol(),
                h.hopLimit(),
                h.offset(),
                h.fragmentId(),
                h.fragmentOffset(),
                h.moreFragments(),
                h.dontFragment());
    }

    void profinet(int frameId) {
        network = PROFINET;
        this.frameId = frameId;
    }

    void other(int etherType) {
        network = OTHER;
        otherEtherType = etherType;
    }

    void tcp(int srcPort, int dstPort, int seq, int ack, int flags, int window, int headerLength) {
        transport = TCP;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        this.seq = seq;
        this.ack = ack;
        this.tcpFlags = flags;
        this.window = window;
        this.tcpHeaderLength = headerLength;
    }

    void udp(int srcPort, int dstPort, int length) {
        transport = UDP;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        this.udpLength = length;
    }

    void payload(int offset, int length, int missing, int anomalyBits) {
        payloadOffset = offset;
        payloadLength = length;
        payloadMissing = missing;
        anomalies = anomalyBits;
    }

    /** Records why decoding stopped; always false, for {@code return view.fail(...)}. */
    boolean fail(PacketError e) {
        error = e;
        checksumLength = 0;
        return false;
    }

    // --- read by the flow layer ---

    /** Why the latest decode failed; only meaningful after it returned false. */
    public PacketError error() {
        return Objects.requireNonNull(error, "the latest decode into this view succeeded");
    }

    public long dstMac() {
        return dstMac;
    }

    public long srcMac() {
        return srcMac;
    }

    public int outerVlan() {
        return outerVlan;
    }

    public int innerVlan() {
        return innerVlan;
    }

    public int etherType() {
        return etherType;
    }

    public int networkOffset() {
        return networkOffset;
    }

    /** An IPv4 or IPv6 header was decoded; the {@code ip…} accessors are meaningful. */
    public boolean isIp() {
        return network == IP;
    }

    public int ipVersion() {
        return version;
    }

    public long srcHigh() {
        return srcHigh;
    }

    public long srcLow() {
        return srcLow;
    }

    public long dstHigh() {
        return dstHigh;
    }

    public long dstLow() {
        return dstLow;
    }

    /** IPv4's Protocol or the last IPv6 Next Header. */
    public int ipProtocol() {
        return ipProtocol;
    }

    public int fragmentId() {
        return fragmentId;
    }

    public int fragmentOffset() {
        return fragmentOffset;
    }

    public boolean moreFragments() {
        return moreFragments;
    }

    /** An IP packet that is a piece of a larger datagram ({@link IpHeader#isFragment()}). */
    public boolean isFragment() {
        return network == IP && (moreFragments || fragmentOffset != 0);
    }

    public boolean isTcp() {
        return transport == TCP;
    }

    public boolean isUdp() {
        return transport == UDP;
    }

    /** TCP or UDP source port. */
    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    public int seq() {
        return seq;
    }

    public int ack() {
        return ack;
    }

    /** TCP control bits ({@link TcpHeader#flags()}). */
    public int tcpFlags() {
        return tcpFlags;
    }

    public int window() {
        return window;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public int payloadMissing() {
        return payloadMissing;
    }

    /**
     * {@link PacketAnomaly} bits. The IPv4 header checksum is verified here, on the first call after
     * a decode, from the decoded bytes: call it before those bytes change (as the offsets, it
     * describes the buffer that was decoded).
     */
    public int anomalies() {
        if (checksumLength != 0) {
            int length = checksumLength;
            checksumLength = 0;
            if (!Ipv4Layer.checksumMatches(checksumBytes, checksumOffset, length)) {
                anomalies |= PacketAnomaly.IPV4_CHECKSUM_MISMATCH.bit();
            }
        }
        return anomalies;
    }

    // --- value records, built on demand ---

    public LinkHeader linkHeader() {
        return new LinkHeader(dstMac, srcMac, outerVlan, innerVlan, etherType, networkOffset);
    }

    /** The IP header as a record; only for an {@link #isIp()} view. */
    public IpHeader ipHeader() {
        if (network != IP) {
            throw new IllegalStateException("not an IP packet");
        }
        return new IpHeader(
                version,
                srcHigh,
                srcLow,
                dstHigh,
                dstLow,
                ipProtocol,
                hopLimit,
                ipOffset,
                fragmentId,
                fragmentOffset,
                moreFragments,
                dontFragment);
    }

    /** The packet as the value record {@link PacketDecoder#decode} returns, for keeping past the call. */
    public DecodedPacket toDecodedPacket() {
        Network n = switch (network) {
            case IP -> ipHeader();
            case PROFINET -> new Network.Profinet(frameId);
            default -> new Network.Other(otherEtherType);
        };
        Transport t = switch (transport) {
            case TCP -> new TcpHeader(srcPort, dstPort, seq, ack, tcpFlags, window, tcpHeaderLength);
            case UDP -> new UdpHeader(srcPort, dstPort, udpLength);
            default -> Transport.NONE;
        };
        return new DecodedPacket(linkHeader(), n, t, payloadOffset, payloadLength, payloadMissing, anomalies());
    }
}
