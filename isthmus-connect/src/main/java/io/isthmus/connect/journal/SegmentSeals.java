package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The seal files beside the segments ({@link SegmentSeal}): written, once its bytes are forced, for
 * a segment the journal has finished with (full when the next one starts, or found whole by the
 * scan at open), and read at open in place of a scan when they verify. The segment being written
 * when the journal closes gets none: the next open scans it (it is where a crash tears records)
 * and seals it then.
 *
 * <p>Why a seal can be trusted without reading the segment: it is written only after the segment's
 * bytes are forced, so a seal on disk describes bytes that were on stable storage before it. A
 * crash while writing one leaves no seal or a seal whose checksum fails, and the segment is then
 * scanned, so the seal itself need not be forced. At open it must also match the file: the same
 * size, a valid header with the same first id and creation time, and a valid last record with the
 * sealed id ending exactly at the end of the file. Bytes that turn bad inside a sealed segment
 * afterwards (the medium, not a crash) are not looked for at open; a reader meets them as
 * {@link JournalCorruptionException}, as it does bytes that turn bad after a scan.
 */
final class SegmentSeals {
    private static final String SEGMENT_SUFFIX = ".seg";
    private static final String SUFFIX = ".seal";

    private SegmentSeals() {}

    static Path pathFor(Path segment) {
        String name = segment.getFileName().toString();
        return segment.resolveSibling(name.substring(0, name.length() - SEGMENT_SUFFIX.length()) + SUFFIX);
    }

    /** True for a seal file's name; its segment is {@link #segmentFor}. */
    static boolean isSeal(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    static Path segmentFor(Path seal) {
        String name = seal.getFileName().toString();
        return seal.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + SEGMENT_SUFFIX);
    }

    /**
     * Writes the seal of a segment holding at least one record, whose bytes the caller has forced.
     * Replaces an older seal of the same file, if any (a segment recovered and then sealed at open).
     */
    static void write(Segment segment) throws IOException {
        var seal = new SegmentSeal(
                segment.firstSequence,
                segment.createdMicros,
                segment.lastSequence,
                segment.records,
                segment.fileBytes,
                (int) segment.lastRecordOffset,
                segment.index.interval(),
                segment.index.entries());
        ByteBuffer buf = seal.encode();
        try (FileChannel ch = FileChannel.open(
                pathFor(segment.path),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    static void delete(Path segment) throws IOException {
        Files.deleteIfExists(pathFor(segment));
    }

    /**
     * The segment as its seal describes it, if there is a seal and it verifies against the open
     * file {@code ch}; empty means scan the segment.
     *
     * @param ceiling every record of the segment has an id below this (the next segment's first)
     */
    static Optional<Segment> open(FileChannel ch, Path path, long first, long ceiling, JournalConfig config)
            throws IOException {
        Optional<SegmentSeal> read = read(pathFor(path), config);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        SegmentSeal seal = read.get();
        if (verify(seal, ch, first, ceiling, config).isPresent()) {
            return Optional.empty();
        }
        Segment segment = new Segment(path, first, SegmentIndex.of(seal.indexInterval(), seal.index()), List.of());
        segment.opened(
                seal.lastSequence(), seal.records(), seal.lastRecordOffset(), seal.segmentBytes(), seal.segmentBytes());
        segment.createdMicros = seal.createdMicros();
        return Optional.of(segment);
    }

    /** The seal, if the file exists, is no larger than this configuration's seals and decodes. */
    private static Optional<SegmentSeal> read(Path file, JournalConfig config) throws IOException {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > SegmentSeal.maxBytes(config.maxSegmentBytes(), config.indexIntervalBytes())) {
                return Optional.empty();
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    return Optional.empty();
                }
            }
            bytes = buf.array();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return switch (SegmentSeal.decode(bytes)) {
            case SegmentSeal.Valid v -> Optional.of(v.seal());
            case SegmentSeal.Invalid i -> Optional.empty();
        };
    }

    /** Why the seal does not describe the segment file, or empty if it does. */
    static Optional<SealError> verify(SegmentSeal seal, FileChannel ch, long first, long ceiling, JournalConfig config)
            throws IOException {
        long lastRecordBytes = seal.segmentBytes() - seal.lastRecordOffset();
        if (seal.firstSequence() != first
                || seal.lastSequence() >= ceiling
                || ch.size() != seal.segmentBytes()
                || lastRecordBytes > RecordFormat.size(config.maxRecordBytes())) {
            return Optional.of(SealError.STALE);
        }
        ByteBuffer header = readAt(ch, 0, SegmentHeader.SIZE);
        boolean headerMatches = switch (SegmentHeader.decode(header, header.limit())) {
            case SegmentHeader.Valid v -> v.header().equals(new SegmentHeader(first, seal.createdMicros()));
            case SegmentHeader.Invalid i -> false;
        };
        ByteBuffer last = readAt(ch, seal.lastRecordOffset(), (int) lastRecordBytes);
        var decoded = RecordFormat.decode(last, 0, last.limit(), config.maxRecordBytes());
        boolean lastMatches = decoded instanceof RecordFormat.Frame f
                && f.sequence() == seal.lastSequence()
                && f.size() == lastRecordBytes;
        return headerMatches && lastMatches ? Optional.empty() : Optional.of(SealError.STALE);
    }

    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        return buf.flip();
    }
}
