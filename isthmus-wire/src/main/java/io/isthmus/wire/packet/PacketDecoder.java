package io.isthmus.wire.packet;

import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.capture.LinkType;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes a captured packet's headers in place: link, VLAN tags, IP, TCP or UDP. The result points
 * into the caller's buffer, and the buffer's position, limit and order are left alone. Fields are
 * read from the buffer's backing array, nothing copied, when it is a writable heap buffer whose
 * array starts at index 0 (the capture reader's and the IP reassembler's); any other buffer
 * (direct, read-only, a slice) has the packet's bytes copied first. Every read is checked against
 * the packet's end before it is made: a short header is a {@link PacketError}, never an exception.
 * Stateless apart from its limits, so one instance may serve many threads.
 */
public final class PacketDecoder {
    private static final int PROFINET = 0x8892;

    private final PacketLimits limits;

    public PacketDecoder(PacketLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public PacketDecoder() {
        this(PacketLimits.DEFAULT);
    }

    /** A packet as {@link io.isthmus.wire.capture.CaptureDecoder} reported it, in the same buffer. */
    public PacketResult decode(ByteBuffer buffer, CaptureRecord.Packet packet) {
        return decode(buffer, packet.dataOffset(), packet.capturedLength(), packet.linkType(), packet.linkTypeCode());
    }

    /** The {@code length} bytes at absolute index {@code offset}, which start with a {@code link} header. */
    public PacketResult decode(ByteBuffer buffer, int offset, int length, LinkType link) {
        return decode(buffer, offset, length, link, link.code());
    }

    private PacketResult decode(ByteBuffer b, int offset, int length, LinkType link, int code) {
        int end = checkedEnd(b, offset, length);
        byte[] a = backing(b, offset, end);
        LinkOutcome r = LinkLayer.decode(a, offset, end, link, code, limits);
        // The common case first, by instanceof: analyze runs C1 only, where a pattern switch is an
        // invokedynamic call through method handles on every packet (docs/benchmarks.md, sixth session).
        if (r instanceof LinkHeader h) {
            return network(a, h, end);
        }
        return switch (r) {
            case PacketError e -> e;
            case LinkHeader h -> network(a, h, end);
        };
    }

    /**
     * An IP datagram at {@code offset} (a reassembled one), reported as if it had arrived on {@code
     * link}; the IP version comes from the first nibble.
     */
    public PacketResult decodeIp(ByteBuffer buffer, int offset, int length, LinkHeader link) {
        int end = checkedEnd(buffer, offset, length);
        byte[] a = backing(buffer, offset, end);
        if (length > 0 && (a[offset] & 0xF0) == 0x60) {
            return Ipv6Layer.decode(a, offset, end, link.at(offset), limits);
        }
        return Ipv4Layer.decode(a, offset, end, link.at(offset));
    }

    private PacketResult network(byte[] b, LinkHeader link, int end) {
        int off = link.networkOffset();
        return switch (link.etherType()) {
            case LinkLayer.IPV4 -> Ipv4Layer.decode(b, off, end, link);
            case LinkLayer.IPV6 -> Ipv6Layer.decode(b, off, end, link, limits);
            case PROFINET ->
                end - off >= 2
                        ? opaque(link, new Network.Profinet(NetworkOrder.u16(b, off)), off, end)
                        : opaque(link, new Network.Other(PROFINET), off, end);
            default -> opaque(link, new Network.Other(link.etherType()), off, end);
        };
    }

    private static DecodedPacket opaque(LinkHeader link, Network network, int off, int end) {
        return new DecodedPacket(link, network, Transport.NONE, off, end - off, 0, 0);
    }

    /**
     * The bytes to read, indexed as the buffer is: the buffer's own array when it is a writable heap
     * buffer starting at its array's first byte (the capture reader's and the reassembler's
     * buffers), else a copy of the packet's range at the same indices (direct, read-only or sliced
     * buffers, which only the edges hand in), at most {@code end} bytes.
     */
    static byte[] backing(ByteBuffer b, int offset, int end) {
        if (b.hasArray() && b.arrayOffset() == 0) {
            return b.array();
        }
        byte[] copy = new byte[end];
        b.get(offset, copy, offset, end - offset);
        return copy;
    }

    private static int checkedEnd(ByteBuffer b, int offset, int length) {
        if (offset < 0 || length < 0 || offset > b.limit() - length) {
            throw new IndexOutOfBoundsException(
                    "packet [" + offset + ", +" + length + ") is outside the buffer's limit " + b.limit());
        }
        return offset + length;
    }
}
