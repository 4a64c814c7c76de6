package io.isthmus.wire.capture;

import io.isthmus.wire.capture.CaptureRecord.BlockKind;
import io.isthmus.wire.capture.CaptureRecord.Malformed;
import io.isthmus.wire.capture.CaptureRecord.NeedMore;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import io.isthmus.wire.capture.CaptureRecord.Skipped;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a capture stream record by record without seeking, so it reads standard input as well
 * as files. The format is recognised from the first four bytes (pcap magic in either byte order,
 * or a pcapng section header).
 *
 * <p>Protocol with the caller: pass a buffer whose position is at the next unread byte; the
 * decoder reads from position to limit and moves neither. On {@link Packet} or {@link Skipped}
 * advance the position by {@code consumed}; on {@link NeedMore} add at least that many bytes (at
 * most {@link CaptureLimits#maxRecordBytes()} are ever needed at once) and call again; {@link
 * Malformed} is final. When the input ends, {@link #finish} says whether it ended cleanly.
 *
 * <p>Not thread-safe; one decoder per stream.
 */
public final class CaptureDecoder {
    private static final int MAGIC_BYTES = 4;

    private final CaptureLimits limits;
    private long offset;
    private CaptureFormat format;
    private PcapReader pcap;
    private PcapngReader pcapng;
    private Malformed failure;

    public CaptureDecoder(CaptureLimits limits) {
        this.limits = limits;
    }

    public CaptureDecoder() {
        this(CaptureLimits.DEFAULT);
    }

    /** The next record at the buffer's position; see the class comment for the protocol. */
    public CaptureRecord next(ByteBuffer in) {
        if (failure != null) {
            return failure;
        }
        CaptureRecord record = format == null ? start(in) : continueFormat(in);
        // The common case first, by instanceof: analyze runs C1 only, where a pattern switch is an
        // invokedynamic call through method handles on every packet (docs/benchmarks.md, sixth session).
        if (record instanceof Packet p) {
            offset += p.consumed();
            return record;
        }
        switch (record) {
            case Packet p -> offset += p.consumed();
            case Skipped s -> offset += s.consumed();
            case Malformed m -> failure = m;
            case NeedMore n -> {}
        }
        return record;
    }

    /**
     * Tells the decoder the input ended with {@code rest} (position to limit) not consumed. Empty
     * when the capture ended on a record boundary; otherwise the one error to report, naming the
     * byte offset of the record that was cut short.
     */
    public Optional<Malformed> finish(ByteBuffer rest) {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (format == null && offset == 0 && !rest.hasRemaining()) {
            failure = new Malformed(CaptureError.EMPTY, 0, "no bytes at all");
        } else if (rest.hasRemaining() || format == null) {
            CaptureRecord pending = next(rest);
            if (pending instanceof NeedMore more) {
                failure = new Malformed(
                        CaptureError.TRUNCATED,
                        offset,
                        "the record starting here has " + rest.remaining() + " bytes, " + more.bytes()
                                + " more needed at least");
            }
        }
        return Optional.ofNullable(failure);
    }

    /** Stream offset of the next unread byte: the sum of everything consumed so far. */
    public long offset() {
        return offset;
    }

    /** The recognised format, empty before the first four bytes were seen. */
    public Optional<CaptureFormat> format() {
        return Optional.ofNullable(format);
    }

    /** The interfaces of the current section (the single one of a pcap file). */
    public List<CaptureInterface> interfaces() {
        if (pcap != null) {
            return List.of(pcap.iface());
        }
        return pcapng == null ? List.of() : pcapng.interfaces();
    }

    private CaptureRecord continueFormat(ByteBuffer in) {
        return pcap != null ? pcap.next(in, offset) : pcapng.next(in, offset);
    }

    private CaptureRecord start(ByteBuffer in) {
        int avail = in.remaining();
        if (avail < MAGIC_BYTES) {
            return new NeedMore(MAGIC_BYTES - avail);
        }
        int magic = Endian.i32(in, in.position(), true);
        return switch (magic) {
            case 0xA1B2C3D4 -> startPcap(in, true, CaptureFormat.PCAP_MICROSECONDS);
            case 0xD4C3B2A1 -> startPcap(in, false, CaptureFormat.PCAP_MICROSECONDS);
            case 0xA1B23C4D -> startPcap(in, true, CaptureFormat.PCAP_NANOSECONDS);
            case 0x4D3CB2A1 -> startPcap(in, false, CaptureFormat.PCAP_NANOSECONDS);
            case 0xA1B2CD34 -> startPcap(in, true, CaptureFormat.PCAP_MODIFIED);
            case 0x34CDB2A1 -> startPcap(in, false, CaptureFormat.PCAP_MODIFIED);
            case PcapngReader.SECTION_HEADER_TYPE -> startPcapng(in);
            default -> unknownFormat(magic);
        };
    }

    private CaptureRecord startPcap(ByteBuffer in, boolean bigEndian, CaptureFormat f) {
        int avail = in.remaining();
        if (avail < PcapReader.FILE_HEADER_BYTES) {
            return new NeedMore(PcapReader.FILE_HEADER_BYTES - avail);
        }
        Optional<Malformed> versionError = PcapReader.versionError(in, bigEndian, offset);
        if (versionError.isPresent()) {
            return versionError.get();
        }
        format = f;
        pcap = new PcapReader(in, bigEndian, f, limits);
        return new Skipped(BlockKind.PCAP_FILE_HEADER, 0, PcapReader.FILE_HEADER_BYTES);
    }

    private CaptureRecord startPcapng(ByteBuffer in) {
        PcapngReader reader = new PcapngReader(limits);
        CaptureRecord first = reader.next(in, offset);
        if (first instanceof Skipped) {
            format = CaptureFormat.PCAPNG;
            pcapng = reader;
        }
        return first;
    }

    private static Malformed unknownFormat(int magic) {
        if ((magic >>> 16) == 0x1F8B) {
            return new Malformed(
                    CaptureError.COMPRESSED, 0, "gzip magic 1f 8b; decompress it first (CaptureSource does)");
        }
        return new Malformed(
                CaptureError.UNKNOWN_FORMAT,
                0,
                String.format(
                        "first bytes %08x are neither a pcap magic (a1b2c3d4, a1b23c4d in either order) nor a pcapng"
                                + " section header (0a0d0d0a)",
                        magic));
    }
}
