package io.isthmus.connect.journal;

import io.isthmus.connect.journal.RecoveryReport.Corruption;
import io.isthmus.connect.journal.RecoveryReport.Finding;
import io.isthmus.connect.journal.RecoveryReport.MissingTail;
import io.isthmus.connect.journal.RecoveryReport.TornTail;
import io.isthmus.connect.journal.RecoveryReport.UncleanShutdown;
import io.isthmus.connect.journal.RecoveryReport.UnreadableSegment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opens what a previous run left: takes each segment from its seal when the seal verifies ({@link
 * SegmentSeals}), else scans it with {@link SegmentScanner}, truncates a torn tail of the last one,
 * keeps and reports damage anywhere else, and works out the next sequence id from the records found
 * and the persisted reservation. A scanned segment found whole is forced and sealed, so the next
 * open need not scan it again. Runs before the journal accepts appends.
 */
final class Recovery {
    static final String STATE_MAGIC = "ISTHSTAT";
    static final int CLEAN = 1;

    private final JournalConfig config;
    private final Path segmentsDir;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<UnreadableAt> unreadable = new ArrayList<>();
    private long lastRecord;
    private long highestNamed;
    private long records;
    private int sealedSegments;
    private int scannedSegments;

    /** What the journal starts from. */
    record Result(List<Segment> segments, RecoveryReport report, long nextSequence, long lastRecord) {}

    private record UnreadableAt(int findingIndex, Path path, HeaderError error, long bytes, long first, long ceiling) {}

    private Recovery(JournalConfig config, Path segmentsDir) {
        this.config = config;
        this.segmentsDir = segmentsDir;
    }

    static Result run(JournalConfig config, Path segmentsDir, Optional<AtomicFile.Contents> state) throws IOException {
        return new Recovery(config, segmentsDir).run(state);
    }

    private Result run(Optional<AtomicFile.Contents> state) throws IOException {
        List<Map.Entry<Long, Path>> files = new ArrayList<>(listSegments().entrySet());
        for (int i = 0; i < files.size(); i++) {
            boolean last = i == files.size() - 1;
            long ceiling = last ? Long.MAX_VALUE : files.get(i + 1).getKey();
            recover(files.get(i).getValue(), files.get(i).getKey(), ceiling, last);
        }
        long stateLast = state.map(s -> s.values()[0]).orElse(0L);
        long reserved = state.map(s -> s.values()[1]).orElse(0L);
        boolean clean = state.map(s -> (s.flags() & CLEAN) != 0).orElse(files.isEmpty());
        long next = Math.max(Math.max(lastRecord, highestNamed) + 1, Math.max(stateLast + 1, reserved));
        resolveUnreadable(next);
        if (!clean) {
            findings.add(new UncleanShutdown(lastRecord, next));
        } else if (stateLast > lastRecord) {
            findings.add(new MissingTail(new SequenceRange(lastRecord + 1, stateLast)));
        }
        long first = segments.stream()
                .filter(s -> !s.isEmpty())
                .mapToLong(s -> s.firstSequence)
                .findFirst()
                .orElse(0);
        var report = new RecoveryReport(
                clean, segments.size(), sealedSegments, scannedSegments, records, first, lastRecord, next, findings);
        return new Result(List.copyOf(segments), report, next, lastRecord);
    }

    private void recover(Path path, long first, long ceiling, boolean last) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Optional<Segment> sealed = SegmentSeals.open(ch, path, first, ceiling, config);
            if (sealed.isPresent()) {
                Segment segment = sealed.get();
                records += segment.records;
                lastRecord = Math.max(lastRecord, segment.lastSequence);
                segments.add(segment);
                sealedSegments++;
                return;
            }
            scannedSegments++;
            scan(ch, path, first, ceiling, last);
        }
    }

    private void scan(FileChannel ch, Path path, long first, long ceiling, boolean last) throws IOException {
        long size = ch.size();
        int limit = (int) Math.min(size, JournalConfig.MAX_SEGMENT_BYTES);
        ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, limit);
        SegmentIndex index = new SegmentIndex(config.indexIntervalBytes());
        long[] lastOffset = {0};
        var scan = SegmentScanner.scan(bytes, limit, first, ceiling, limit, (sequence, offset, recordBytes) -> {
            index.add(sequence, offset);
            lastOffset[0] = offset;
        });
        SegmentSeals.delete(path); // it did not verify; a whole segment gets a new one below
        if (scan.headerError().isPresent()) {
            unreadableSegment(ch, path, scan.headerError().get(), size, first, ceiling, last);
            return;
        }
        Segment segment = new Segment(path, first, index, scan.damages());
        for (var d : scan.damages()) {
            findings.add(new Corruption(
                    path, d.offset(), d.length(), d.error(), d.lastGoodSequence(), d.nextGoodSequence()));
        }
        long fileBytes = size;
        if (scan.tail().isPresent()) {
            var tail = scan.tail().get();
            if (last) {
                ch.truncate(tail.offset());
                fileBytes = tail.offset();
                findings.add(
                        new TornTail(path, tail.offset(), size - tail.offset(), tail.error(), tail.lastGoodSequence()));
            } else {
                findings.add(new Corruption(
                        path, tail.offset(), size - tail.offset(), tail.error(), tail.lastGoodSequence(), ceiling));
            }
        }
        boolean whole =
                scan.damages().isEmpty() && scan.tail().isEmpty() && scan.records() > 0 && scan.validEnd() == size;
        if (whole || (last && !(config.fsync() instanceof FsyncPolicy.Never))) {
            ch.force(true);
        }
        segment.opened(scan.lastSequence(), scan.records(), lastOffset[0], scan.validEnd(), fileBytes);
        records += scan.records();
        lastRecord = Math.max(lastRecord, scan.lastSequence());
        if (last && segment.isEmpty() && scan.damages().isEmpty()) {
            Files.delete(path);
            return;
        }
        if (whole) {
            segment.createdMicros = createdMicros(bytes, limit);
            SegmentSeals.write(segment);
        }
        segments.add(segment);
    }

    private static long createdMicros(ByteBuffer bytes, int limit) {
        return switch (SegmentHeader.decode(bytes, limit)) {
            case SegmentHeader.Valid v -> v.header().createdMicros();
            case SegmentHeader.Invalid i -> throw new IllegalStateException("a scanned segment's header is " + i);
        };
    }

    private void unreadableSegment(
            FileChannel ch, Path path, HeaderError error, long size, long first, long ceiling, boolean last)
            throws IOException {
        if (last && size <= SegmentHeader.SIZE) {
            ch.close();
            Files.delete(path);
            findings.add(new TornTail(path, 0, size, FrameError.TRUNCATED, lastRecord));
            return;
        }
        Segment segment = new Segment(path, first, new SegmentIndex(config.indexIntervalBytes()), List.of());
        segment.fileBytes = size;
        segment.writtenEnd = size;
        segment.visibleEnd = 0;
        segments.add(segment);
        highestNamed = Math.max(highestNamed, first);
        unreadable.add(new UnreadableAt(findings.size(), path, error, size, first, ceiling));
        findings.add(null);
    }

    /** Fills in the unreadable segments' findings, whose id ranges end where the next id starts. */
    private void resolveUnreadable(long next) {
        for (UnreadableAt u : unreadable) {
            long end = Math.min(u.ceiling(), next) - 1;
            Optional<SequenceRange> lost =
                    end >= u.first() ? Optional.of(new SequenceRange(u.first(), end)) : Optional.empty();
            findings.set(u.findingIndex(), new UnreadableSegment(u.path(), u.error(), u.bytes(), lost));
        }
    }

    /** The segment files by first id; deletes seals left without their segment (a crash in retention). */
    private TreeMap<Long, Path> listSegments() throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        List<Path> seals = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(segmentsDir)) {
            for (Path p : dir) {
                Segment.parseName(p.getFileName().toString()).ifPresent(first -> files.put(first, p));
                if (SegmentSeals.isSeal(p)) {
                    seals.add(p);
                }
            }
        }
        var present = new java.util.HashSet<>(files.values());
        for (Path seal : seals) {
            if (!present.contains(SegmentSeals.segmentFor(seal))) {
                Files.deleteIfExists(seal);
            }
        }
        return files;
    }
}
