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
 * The hot path decodes into a caller's reusable {@link PacketView} and allocates nothing for a
 * packet whose headers decode; the {@link PacketResult} methods build value records from a fresh
 * view. Stateless apart from its limits, so one instance may serve many threads (each with its
 * own views).
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
        PacketView view = new PacketView();
        return result(view, decode(buffer, packet, view));
    }

    /**
     * The hot path's form of {@link #decode(ByteBuffer, CaptureRecord.Packet)}: the headers go into
     * {@code view}, overwriting what it held, and nothing is allocated unless the headers are
     * malformed. True when they decoded; false when not, with {@link PacketView#error()} saying why.
     */
    public boolean decode(ByteBuffer buffer, CaptureRecord.Packet packet, PacketView view) {
        return decode(
                buffer, packet.dataOffset(), packet.capturedLength(), packet.linkType(), packet.linkTypeCode(), view);
    }

    /** The {@code length} bytes at absolute index {@code offset}, which start with a {@code link} header. */
    public PacketResult decode(ByteBuffer buffer, int offset, int length, LinkType link) {
        PacketView view = new PacketView();
        return result(view, decode(buffer, offset, length, link, link.code(), view));
    }

    private boolean decode(ByteBuffer b, int offset, int length, LinkType link, int code, PacketView view) {
        int end = checkedEnd(b, offset, length);
        byte[] a = backing(b, offset, end);
        return LinkLayer.decode(a, offset, end, link, code, limits, view) && network(a, end, view);
    }

    /**
     * An IP datagram at {@code offset} (a reassembled one), reported as if it had arrived on {@code
     * link}; the IP version comes from the first nibble.
     */
    public PacketResult decodeIp(ByteBuffer buffer, int offset, int length, LinkHeader link) {
        PacketView view = new PacketView();
        view.link(link.dstMac(), link.srcMac(), link.outerVlan(), link.innerVlan(), link.etherType(), offset);
        return result(view, decodeIp(buffer, offset, length, view));
    }

    /**
     * {@link #decodeIp(ByteBuffer, int, int, LinkHeader)} into {@code view}, keeping the link fields
     * it holds (those of the datagram's last fragment) with the network header now at {@code offset}.
     */
    public boolean decodeIp(ByteBuffer buffer, int offset, int length, PacketView view) {
        int end = checkedEnd(buffer, offset, length);
        byte[] a = backing(buffer, offset, end);
        view.relink(offset);
        if (length > 0 && (a[offset] & 0xF0) == 0x60) {
            return Ipv6Layer.decode(a, offset, end, limits, view);
        }
        return Ipv4Layer.decode(a, offset, end, view);
    }

    private static PacketResult result(PacketView view, boolean decoded) {
        return decoded ? view.toDecodedPacket() : view.error();
    }

    private boolean network(byte[] b, int end, PacketView v) {
        int off = v.networkOffset();
        int etherType = v.etherType();
        if (etherType == LinkLayer.IPV4) { // the common case first, before the switch's lookup
            return Ipv4Layer.decode(b, off, end, v);
        }
        return switch (etherType) {
            case LinkLayer.IPV4 -> Ipv4Layer.decode(b, off, end, v);
            case LinkLayer.IPV6 -> Ipv6Layer.decode(b, off, end, limits, v);
            case PROFINET -> {
                if (end - off >= 2) {
                    v.profinet(NetworkOrder.u16(b, off));
                } else {
                    v.other(PROFINET);
                }
                v.payload(off, end - off, 0, 0);
                yield true;
            }
            default -> {
                v.other(v.etherType());
                v.payload(off, end - off, 0, 0);
                yield true;
            }
        };
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
