package io.isthmus.wire.capture;

import io.isthmus.wire.capture.CaptureRecord.BlockKind;
import io.isthmus.wire.capture.CaptureRecord.Malformed;
import io.isthmus.wire.capture.CaptureRecord.NeedMore;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import io.isthmus.wire.capture.CaptureRecord.Skipped;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * pcapng blocks (draft-ietf-opsawg-pcapng 3.1): type, total length, body, total length again. A
 * section header (4.1) sets the byte order and forgets the previous section's interfaces; interface
 * description blocks (4.2) declare link type, snap length and timestamp units; enhanced (4.3),
 * simple (4.4) and obsolete (appendix) packet blocks carry packets; all other blocks are skipped by
 * their length.
 */
final class PcapngReader {
    static final int SECTION_HEADER_TYPE = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int BYTE_ORDER_MAGIC_SWAPPED = 0x4D3C2B1A;
    private static final int MIN_BLOCK = 12;
    private static final int MIN_SECTION_HEADER = 28;
    /** Type, length, interface, timestamp (2), captured and original length: the packet block's fixed fields. */
    private static final int PACKET_FIELDS = 28;

    private final CaptureLimits limits;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    /** Each interface's {@link CaptureInterface#linkType()}, looked up once per description, not per packet. */
    private final List<LinkType> linkTypes = new ArrayList<>();

    private boolean bigEndian;
    /** Simple packet blocks carry no timestamp; they get the last one seen in the section. */
    private long lastTimestampNanos;
    /** Re-filled per packet block: valid until the next call (see {@link Packet}). */
    private final Packet packet = new Packet();
    /** A block's fixed fields copied out of a buffer without an accessible array. */
    private final byte[] fields = new byte[PACKET_FIELDS];

    PcapngReader(CaptureLimits limits) {
        this.limits = limits;
    }

    List<CaptureInterface> interfaces() {
        return List.copyOf(interfaces);
    }

    CaptureRecord next(ByteBuffer in, long offset) {
        int avail = in.remaining();
        if (avail < 8) {
            return new NeedMore(8 - avail);
        }
        int pos = in.position();
        byte[] h;
        int i;
        if (in.hasArray()) { // type and length from the array after one bounds check, as PcapReader does
            h = in.array();
            i = in.arrayOffset() + Objects.checkFromIndexSize(pos, 8, in.limit());
        } else {
            in.get(pos, fields, 0, 8);
            h = fields;
            i = 0;
        }
        int type = (int) Endian.u32(h, i, bigEndian);
        if (type == SECTION_HEADER_TYPE) { // a palindrome: the same in either byte order
            return sectionHeader(in, offset);
        }
        long length = Endian.u32(h, i + 4, bigEndian);
        Optional<CaptureRecord> framing = checkFraming(in, offset, length, MIN_BLOCK);
        return framing.isPresent() ? framing.get() : block(in, offset, type, (int) length);
    }

    private CaptureRecord sectionHeader(ByteBuffer in, long offset) {
        int avail = in.remaining();
        if (avail < 12) {
            return new NeedMore(12 - avail);
        }
        int pos = in.position();
        int magic = Endian.i32(in, pos + 8, true);
        if (magic != BYTE_ORDER_MAGIC && magic != BYTE_ORDER_MAGIC_SWAPPED) {
            return new Malformed(
                    CaptureError.BAD_BYTE_ORDER_MAGIC,
                    offset + 8,
                    "byte-order magic is 0x" + Integer.toHexString(magic) + ", expected 0x1a2b3c4d in either order");
        }
        boolean sectionBigEndian = magic == BYTE_ORDER_MAGIC;
        long length = Endian.u32(in, pos + 4, sectionBigEndian);
        bigEndian = sectionBigEndian;
        Optional<CaptureRecord> framing = checkFraming(in, offset, length, MIN_SECTION_HEADER);
        if (framing.isPresent()) {
            return framing.get();
        }
        int major = Endian.u16(in, pos + 12, bigEndian);
        if (major != 1) {
            return new Malformed(
                    CaptureError.UNSUPPORTED_VERSION, offset + 12, "pcapng major version " + major + ", expected 1");
        }
        interfaces.clear();
        linkTypes.clear();
        return new Skipped(BlockKind.SECTION_HEADER, SECTION_HEADER_TYPE, (int) length);
    }

    /**
     * Checks a block's total length before waiting for its bytes: at least the minimum, a multiple
     * of 4 (3.1), within the limit, and repeated at the block's end. Empty when the block is whole
     * and consistent.
     */
    private Optional<CaptureRecord> checkFraming(ByteBuffer in, long offset, long length, int minimum) {
        if (length < minimum || length % 4 != 0) {
            return Optional.of(new Malformed(
                    CaptureError.BAD_BLOCK_LENGTH,
                    offset + 4,
                    "block length " + length + " is not a multiple of 4 of at least " + minimum));
        }
        if (length > limits.maxBlockBytes()) {
            return Optional.of(new Malformed(
                    CaptureError.BLOCK_TOO_LARGE,
                    offset + 4,
                    "block claims " + length + " bytes, limit " + limits.maxBlockBytes()));
        }
        int avail = in.remaining();
        if (avail < length) {
            return Optional.of(new NeedMore((int) length - avail));
        }
        long trailing = Endian.u32(in, in.position() + (int) length - 4, bigEndian);
        if (trailing != length) {
            return Optional.of(new Malformed(
                    CaptureError.BLOCK_LENGTH_MISMATCH,
                    offset + length - 4,
                    "block starts with length " + length + " but ends with " + trailing));
        }
        return Optional.empty();
    }

    private CaptureRecord block(ByteBuffer in, long offset, int type, int length) {
        return switch (type) {
            case 1 -> interfaceDescription(in, offset, length);
            case 2 -> packetBlock(in, offset, length, true);
            case 3 -> simplePacket(in, offset, length);
            case 6 -> packetBlock(in, offset, length, false);
            case 4 -> new Skipped(BlockKind.NAME_RESOLUTION, type, length);
            case 5 -> new Skipped(BlockKind.INTERFACE_STATISTICS, type, length);
            case 0x0A -> new Skipped(BlockKind.DECRYPTION_SECRETS, type, length);
            case 0x0BAD, 0x40000BAD -> new Skipped(BlockKind.CUSTOM, type, length);
            default -> new Skipped(BlockKind.UNKNOWN, type, length);
        };
    }

    private CaptureRecord interfaceDescription(ByteBuffer in, long offset, int length) {
        int body = length - MIN_BLOCK;
        if (body < 8) {
            return bodyError(offset, "interface description body has " + body + " bytes, needs 8");
        }
        if (interfaces.size() >= limits.maxInterfaces()) {
            return new Malformed(
                    CaptureError.TOO_MANY_INTERFACES,
                    offset,
                    "interface " + interfaces.size() + " exceeds the limit of " + limits.maxInterfaces()
                            + " per section");
        }
        int pos = in.position();
        int linkType = Endian.u16(in, pos + 8, bigEndian);
        long snap = Endian.u32(in, pos + 12, bigEndian);
        InterfaceOptions options = InterfaceOptions.read(in, pos + 16, pos + 8 + body, bigEndian);
        if (options.resolution().isEmpty()) {
            return new Malformed(
                    CaptureError.BAD_TIMESTAMP_RESOLUTION,
                    offset,
                    "if_tsresol 0x" + Integer.toHexString(options.rawResolution()) + " is finer than a long can count");
        }
        CaptureInterface added = new CaptureInterface(
                interfaces.size(),
                linkType,
                (int) Math.min(snap, Integer.MAX_VALUE),
                options.resolution().get(),
                options.timestampOffsetSeconds());
        interfaces.add(added);
        linkTypes.add(added.linkType());
        return new Skipped(BlockKind.INTERFACE_DESCRIPTION, 1, length);
    }

    /** Enhanced packet block (4.3), or with {@code obsolete} the 16-bit-interface packet block (appendix A). */
    private CaptureRecord packetBlock(ByteBuffer in, long offset, int length, boolean obsolete) {
        int body = length - MIN_BLOCK;
        if (body < 20) {
            return bodyError(offset, "packet block body has " + body + " bytes, needs 20");
        }
        int pos = in.position();
        // The fixed fields from the array after one bounds check (a copy for other buffers):
        // under C1, which analyze runs, each checked ByteBuffer read is a call.
        byte[] h;
        int i;
        if (in.hasArray()) {
            h = in.array();
            i = in.arrayOffset() + Objects.checkFromIndexSize(pos, PACKET_FIELDS, in.limit());
        } else {
            in.get(pos, fields, 0, PACKET_FIELDS);
            h = fields;
            i = 0;
        }
        long ifId = obsolete ? Endian.u16(h, i + 8, bigEndian) : Endian.u32(h, i + 8, bigEndian);
        if (ifId >= interfaces.size()) {
            return unknownInterface(offset, ifId);
        }
        long captured = Endian.u32(h, i + 20, bigEndian);
        if (captured > limits.maxPacketBytes()) {
            return new Malformed(
                    CaptureError.RECORD_TOO_LARGE,
                    offset + 20,
                    "packet claims " + captured + " captured bytes, limit " + limits.maxPacketBytes());
        }
        if (captured > body - 20) {
            return bodyError(offset + 20, "captured length " + captured + " exceeds the block body of " + body);
        }
        CaptureInterface iface = interfaces.get((int) ifId);
        long ticks = (Endian.u32(h, i + 12, bigEndian) << 32) | Endian.u32(h, i + 16, bigEndian);
        lastTimestampNanos = iface.toEpochNanos(ticks);
        long original = Math.min(Endian.u32(h, i + 24, bigEndian), Integer.MAX_VALUE);
        return packet.set(
                iface.id(),
                iface.linkTypeCode(),
                linkTypes.get((int) ifId),
                lastTimestampNanos,
                (int) original,
                pos + 28,
                (int) captured,
                length);
    }

    /** Simple packet block (4.4): interface 0, no timestamp, captured length from the block. */
    private CaptureRecord simplePacket(ByteBuffer in, long offset, int length) {
        int body = length - MIN_BLOCK;
        if (body < 4) {
            return bodyError(offset, "simple packet block body has " + body + " bytes, needs 4");
        }
        if (interfaces.isEmpty()) {
            return unknownInterface(offset, 0);
        }
        CaptureInterface iface = interfaces.get(0);
        int pos = in.position();
        long original = Endian.u32(in, pos + 8, bigEndian);
        long captured = Math.min(original, body - 4);
        if (iface.snapLength() > 0) {
            captured = Math.min(captured, iface.snapLength());
        }
        if (captured > limits.maxPacketBytes()) {
            return new Malformed(
                    CaptureError.RECORD_TOO_LARGE,
                    offset + 8,
                    "simple packet holds " + captured + " bytes, limit " + limits.maxPacketBytes());
        }
        return packet.set(
                0,
                iface.linkTypeCode(),
                linkTypes.get(0),
                lastTimestampNanos,
                (int) Math.min(original, Integer.MAX_VALUE),
                pos + 12,
                (int) captured,
                length);
    }

    private static Malformed bodyError(long offset, String detail) {
        return new Malformed(CaptureError.BAD_BLOCK_BODY, offset, detail);
    }

    private Malformed unknownInterface(long offset, long ifId) {
        return new Malformed(
                CaptureError.UNKNOWN_INTERFACE,
                offset + 8,
                "packet names interface " + ifId + " but the section declared " + interfaces.size());
    }
}
