package io.isthmus.connect.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Journal#open} found and did. A journal that was closed cleanly and not touched since
 * opens with no findings; anything else is listed, with the file, the byte offset and the sequence
 * ids concerned, and (where data may be lost) also raised as a DATA_LOSS event.
 *
 * @param cleanShutdown the previous run closed the journal
 * @param segments the segments the journal holds after open
 * @param sealedSegments segment files taken from a seal that verified ({@link SegmentSeals}), without
 *     reading their records
 * @param scannedSegments segment files read record by record because they had no seal that verified
 *     (the one being written when the journal last closed or crashed, a seal that did not match);
 *     {@code sealedSegments + scannedSegments} is every segment file found, including unreadable ones
 * @param firstSequence the oldest record's id, 0 when the journal holds none
 * @param lastSequence the newest record's id, 0 when the journal holds none
 * @param nextSequence the id the next append gets
 */
public record RecoveryReport(
        boolean cleanShutdown,
        int segments,
        int sealedSegments,
        int scannedSegments,
        long records,
        long firstSequence,
        long lastSequence,
        long nextSequence,
        List<Finding> findings) {

    public RecoveryReport {
        if (sealedSegments < 0 || scannedSegments < 0) {
            throw new IllegalArgumentException(
                    "sealed " + sealedSegments + " and scanned " + scannedSegments + " segments must not be negative");
        }
        findings = List.copyOf(findings);
    }

    /**
     * One line for a log or a console: segments (from a seal / scanned), records and id range,
     * and how many findings.
     */
    public String summary() {
        return segments + " segments (" + sealedSegments + " from a seal, " + scannedSegments + " scanned), "
                + records + " records" + (records == 0 ? "" : " " + firstSequence + ".." + lastSequence)
                + ", next id " + nextSequence + (cleanShutdown ? ", closed cleanly" : ", not closed cleanly")
                + ", " + findings.size() + (findings.size() == 1 ? " finding" : " findings");
    }

    public <T extends Finding> List<T> findings(Class<T> kind) {
        return findings.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** True if a finding means records that had been written may be gone. */
    public boolean dataMayBeLost() {
        return findings.stream().anyMatch(Finding::dataMayBeLost);
    }

    /** One thing recovery found. */
    public sealed interface Finding {
        /** True if records that had been written may be gone. */
        boolean dataMayBeLost();
    }

    /**
     * The last segment ended in bytes that are not a whole valid record (a write cut short by a
     * crash); they were truncated. With an fsync policy, such a record was never acknowledged.
     *
     * @param offset where the truncated bytes started, now the segment's length (0 if the whole
     *     file, a segment whose header was cut short, was removed)
     * @param lastGoodSequence the last good record's id before them, 0 if none
     */
    public record TornTail(Path segment, long offset, long bytesTruncated, FrameError error, long lastGoodSequence)
            implements Finding {
        public TornTail {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean dataMayBeLost() {
            return false;
        }
    }

    /**
     * Bytes that are not valid records, with readable records after them (or in a segment that is
     * not the last). Never truncated: the file keeps the evidence, readers skip the bytes.
     *
     * @param lastGoodSequence the last good record's id before the bytes, 0 if none
     * @param nextGoodSequence the first good id after them (the next segment's first id when the
     *     bad bytes run to the end of the segment)
     */
    public record Corruption(
            Path segment, long offset, long length, FrameError error, long lastGoodSequence, long nextGoodSequence)
            implements Finding {
        public Corruption {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(error, "error");
        }

        /** The ids whose records may have been in the bad bytes; within a segment ids are dense. */
        public Optional<SequenceRange> lost() {
            long first = lastGoodSequence + 1;
            long last = nextGoodSequence - 1;
            return first >= 1 && last >= first ? Optional.of(new SequenceRange(first, last)) : Optional.empty();
        }

        @Override
        public boolean dataMayBeLost() {
            return lost().isPresent();
        }
    }

    /**
     * A segment whose header is not valid; none of its records can be trusted. Kept on disk.
     *
     * @param lost the ids the segment may have held, from its file name to the next segment's
     */
    public record UnreadableSegment(Path segment, HeaderError error, long bytes, Optional<SequenceRange> lost)
            implements Finding {
        public UnreadableSegment {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(lost, "lost");
        }

        @Override
        public boolean dataMayBeLost() {
            return lost.isPresent();
        }
    }

    /**
     * The journal was closed cleanly after writing {@code lost.last()}, but its newest records are
     * not on disk any more (a segment deleted or cut by something else).
     */
    public record MissingTail(SequenceRange lost) implements Finding {
        public MissingTail {
            Objects.requireNonNull(lost, "lost");
        }

        @Override
        public boolean dataMayBeLost() {
            return true;
        }
    }

    /**
     * The previous run did not close the journal. Ids continue after the highest id it may have
     * issued, so ids are never reused even if the operating system lost written records; the ids
     * in between are skipped, not lost.
     */
    public record UncleanShutdown(long lastFoundSequence, long nextSequence) implements Finding {
        @Override
        public boolean dataMayBeLost() {
            return false;
        }
    }
}
