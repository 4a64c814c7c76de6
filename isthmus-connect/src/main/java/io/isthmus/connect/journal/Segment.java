package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One segment file as the journal knows it. Readers use the volatile fields without a lock; the
 * rest belongs to the writer and is changed under the journal's lock.
 */
final class Segment {
    private static final String SUFFIX = ".seg";

    final Path path;
    final long firstSequence;
    final SegmentIndex index;
    /** Bad bytes found in the middle of this segment at open; readers jump over them. */
    final List<SegmentScanner.Damage> damages;

    /** The last record's id, {@code firstSequence - 1} while there is none. */
    volatile long lastSequence;
    /** Readers may read records in {@code [header, visibleEnd)}: written and, per policy, durable. */
    volatile long visibleEnd;

    volatile boolean deleted;

    /** Bytes of the file, header and any unreadable bytes included. Writer only. */
    long fileBytes;
    /** Records in the file, and where the last one starts. Writer only. */
    long records;

    long lastRecordOffset;
    /** The header's creation time, which a seal repeats. Writer only. */
    long createdMicros;
    /** Where the next record goes. Writer only. */
    long writtenEnd;
    /** Open while this is the segment being written. Writer only. */
    FileChannel channel;

    Segment(Path path, long firstSequence, SegmentIndex index, List<SegmentScanner.Damage> damages) {
        this.path = path;
        this.firstSequence = firstSequence;
        this.index = index;
        this.damages = List.copyOf(damages);
        this.lastSequence = firstSequence - 1;
    }

    static String fileName(long firstSequence) {
        return String.format("%020d%s", firstSequence, SUFFIX);
    }

    /** The first sequence id named by a segment file name, or nothing if it is not one. */
    static OptionalLong parseName(String name) {
        if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < 20; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            long first = Long.parseLong(name.substring(0, 20));
            return first >= 1 ? OptionalLong.of(first) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Sets what open found, by a scan ({@link Recovery}) or from a verified seal ({@link SegmentSeals}):
     * records readable and written up to {@code end}, the file {@code fileBytes} long.
     */
    void opened(long lastSequence, long records, long lastRecordOffset, long end, long fileBytes) {
        this.lastSequence = lastSequence;
        this.records = records;
        this.lastRecordOffset = lastRecordOffset;
        this.visibleEnd = end;
        this.writtenEnd = end;
        this.fileBytes = fileBytes;
    }

    boolean isEmpty() {
        return lastSequence < firstSequence;
    }

    /** The known damage starting exactly at {@code offset}, if any. */
    Optional<SegmentScanner.Damage> damageAt(long offset) {
        return damages.stream().filter(d -> d.offset() == offset).findFirst();
    }

    void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public String toString() {
        return path.getFileName() + "[" + firstSequence + ".." + lastSequence + "]";
    }
}
