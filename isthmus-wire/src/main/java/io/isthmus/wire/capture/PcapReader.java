package io.isthmus.wire.capture;

import io.isthmus.wire.capture.CaptureRecord.Malformed;
import io.isthmus.wire.capture.CaptureRecord.NeedMore;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Classic pcap records after the 24-byte file header (draft-ietf-opsawg-pcap 4, 5): a 16-byte
 * record header (24 bytes in the modified format) with seconds, a micro- or nanosecond fraction,
 * the captured and the original length, then the captured bytes.
 */
final class PcapReader {
    static final int FILE_HEADER_BYTES = 24;
    /** The LinkType field's low 26 bits; the top bits carry the FCS length (section 4). */
    private static final int LINK_TYPE_MASK = 0x03FF_FFFF;

    private final boolean bigEndian;
    private final int recordHeaderBytes;
    private final long nanosPerFractionTick;
    private final CaptureInterface iface;
    /** {@code iface.linkType()} and its code, looked up once rather than per record. */
    private final LinkType linkType;

    private final int linkTypeCode;
    private final CaptureLimits limits;
    /** {@code limits.maxPacketBytes()}, read once. */
    private final long maxPacketBytes;
    /** Re-filled per record: valid until the next call (see {@link Packet}). */
    private final Packet packet = new Packet();
    /** A record header copied out of a buffer without an accessible array. */
    private final byte[] header = new byte[24];

    /** Reads the file header at the buffer's position; the caller made sure 24 bytes are there. */
    PcapReader(ByteBuffer in, boolean bigEndian, CaptureFormat format, CaptureLimits limits) {
        int pos = in.position();
        long snap = Endian.u32(in, pos + 16, bigEndian);
        int linkType = Endian.i32(in, pos + 20, bigEndian) & LINK_TYPE_MASK;
        TimeResolution resolution =
                format == CaptureFormat.PCAP_NANOSECONDS ? TimeResolution.NANOSECONDS : TimeResolution.MICROSECONDS;
        this.bigEndian = bigEndian;
        this.recordHeaderBytes = format == CaptureFormat.PCAP_MODIFIED ? 24 : 16;
        this.nanosPerFractionTick = format == CaptureFormat.PCAP_NANOSECONDS ? 1 : 1000;
        this.iface = new CaptureInterface(0, linkType, (int) Math.min(snap, Integer.MAX_VALUE), resolution, 0);
        this.linkType = iface.linkType();
        this.linkTypeCode = iface.linkTypeCode();
        this.limits = limits;
        this.maxPacketBytes = limits.maxPacketBytes();
    }

    /** The file header's version must be 2.x (section 4: major version 2, minor 4 in practice). */
    static Optional<Malformed> versionError(ByteBuffer in, boolean bigEndian, long offset) {
        int pos = in.position();
        int major = Endian.u16(in, pos + 4, bigEndian);
        int minor = Endian.u16(in, pos + 6, bigEndian);
        if (major == 2) {
            return Optional.empty();
        }
        return Optional.of(new Malformed(
                CaptureError.UNSUPPORTED_VERSION,
                offset + 4,
                "pcap version " + major + "." + minor + ", expected 2.x"));
    }

    CaptureInterface iface() {
        return iface;
    }

    CaptureRecord next(ByteBuffer in, long offset) {
        int pos = in.position();
        int avail = in.remaining();
        if (avail < recordHeaderBytes) {
            return new NeedMore(recordHeaderBytes - avail);
        }
        // The header's four fields with one bounds check: from a heap buffer's own array (the
        // capture source's), else from a copy. Four checked ByteBuffer reads per record showed in
        // analyze's profile under C1 (docs/benchmarks.md, eighth session).
        byte[] h;
        int i;
        if (in.hasArray()) {
            h = in.array();
            i = in.arrayOffset() + Objects.checkFromIndexSize(pos, recordHeaderBytes, in.limit());
        } else {
            in.get(pos, header, 0, recordHeaderBytes);
            h = header;
            i = 0;
        }
        long captured = Endian.u32(h, i + 8, bigEndian);
        if (captured > maxPacketBytes) {
            return new Malformed(
                    CaptureError.RECORD_TOO_LARGE,
                    offset,
                    "record claims " + captured + " captured bytes, limit " + limits.maxPacketBytes());
        }
        int total = recordHeaderBytes + (int) captured;
        if (avail < total) {
            return new NeedMore(total - avail);
        }
        long seconds = Endian.u32(h, i, bigEndian);
        long fraction = Endian.u32(h, i + 4, bigEndian);
        long nanos = seconds * 1_000_000_000L + fraction * nanosPerFractionTick;
        long original = Math.min(Endian.u32(h, i + 12, bigEndian), Integer.MAX_VALUE);
        return packet.set(
                0, linkTypeCode, linkType, nanos, (int) original, pos + recordHeaderBytes, (int) captured, total);
    }
}
