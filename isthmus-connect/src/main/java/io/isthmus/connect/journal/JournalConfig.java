package io.isthmus.connect.journal;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a journal is told: where it lives, how durable an acknowledgement is, what happens
 * when it is full, and every size limit, in one place. Built with {@link #create}; the compact
 * constructor refuses combinations that could not work and says why.
 *
 * @param directory the journal's own directory; created if missing, locked while open
 * @param fsync when an append is acknowledged
 * @param whenFull what a full journal does with the next record
 * @param maxRecordBytes payload bytes of one record
 * @param maxSegmentBytes bytes of one segment file, header included; a new segment starts before
 *     a record would cross it
 * @param maxTotalBytes bytes of all segment files together; at least two segments' worth
 * @param maxSegments segment files at once
 * @param maxConsumers named consumer cursors
 * @param sequenceReservation sequence ids reserved (and persisted) ahead of use, so that ids stay
 *     unique after a crash even if the operating system lost written data; after an unclean
 *     shutdown up to this many ids are skipped
 * @param indexIntervalBytes distance between entries of each segment's in-memory sparse index
 * @param clock the source of append times in record envelopes and of event times
 */
public record JournalConfig(
        Path directory,
        FsyncPolicy fsync,
        FullPolicy whenFull,
        int maxRecordBytes,
        long maxSegmentBytes,
        long maxTotalBytes,
        int maxSegments,
        int maxConsumers,
        int sequenceReservation,
        int indexIntervalBytes,
        InstantSource clock) {

    public static final long MIN_SEGMENT_BYTES = 4 * 1024;
    public static final long MAX_SEGMENT_BYTES = 1024L * 1024 * 1024;

    public JournalConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(whenFull, "whenFull");
        Objects.requireNonNull(clock, "clock");
        requireRange("maxSegmentBytes", maxSegmentBytes, MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES);
        long largestFitting = maxSegmentBytes - SegmentHeader.SIZE - RecordFormat.OVERHEAD;
        if (maxRecordBytes < 1 || maxRecordBytes > largestFitting) {
            throw new IllegalArgumentException("maxRecordBytes is " + maxRecordBytes + "; it must be in 1.."
                    + largestFitting + " (a record and its " + RecordFormat.OVERHEAD
                    + " bytes of framing must fit in a segment of maxSegmentBytes " + maxSegmentBytes + " after its "
                    + SegmentHeader.SIZE + "-byte header)");
        }
        if (maxTotalBytes < 2 * maxSegmentBytes) {
            throw new IllegalArgumentException("maxTotalBytes " + maxTotalBytes + " is below two segments ("
                    + 2 * maxSegmentBytes + "); the journal needs room for the segment it writes and one more");
        }
        requireRange("maxSegments", maxSegments, 2, 1_000_000);
        requireRange("maxConsumers", maxConsumers, 1, 1024);
        requireRange("sequenceReservation", sequenceReservation, 1, 1 << 30);
        requireRange("indexIntervalBytes", indexIntervalBytes, 512, MAX_SEGMENT_BYTES);
    }

    /** The defaults for a directory, changed by {@code changes}. */
    public static JournalConfig create(Path directory, Consumer<Builder> changes) {
        Builder builder = new Builder(directory);
        changes.accept(builder);
        return builder.build();
    }

    public static JournalConfig defaults(Path directory) {
        return create(directory, b -> {});
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be in " + min + ".." + max);
        }
    }

    /** Defaults: fsync every record, drop oldest, 1 MiB records, 64 MiB segments, 1 GiB in all. */
    public static final class Builder {
        private final Path directory;
        private FsyncPolicy fsync = FsyncPolicy.everyRecord();
        private FullPolicy whenFull = FullPolicy.DROP_OLDEST;
        private int maxRecordBytes = 1024 * 1024;
        private long maxSegmentBytes = 64L * 1024 * 1024;
        private long maxTotalBytes = 1024L * 1024 * 1024;
        private int maxSegments = 1024;
        private int maxConsumers = 16;
        private int sequenceReservation = 65_536;
        private int indexIntervalBytes = 64 * 1024;
        private InstantSource clock = InstantSource.system();

        private Builder(Path directory) {
            this.directory = directory;
        }

        public Builder fsync(FsyncPolicy fsync) {
            this.fsync = fsync;
            return this;
        }

        public Builder whenFull(FullPolicy whenFull) {
            this.whenFull = whenFull;
            return this;
        }

        public Builder maxRecordBytes(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        public Builder maxSegmentBytes(long maxSegmentBytes) {
            this.maxSegmentBytes = maxSegmentBytes;
            return this;
        }

        public Builder maxTotalBytes(long maxTotalBytes) {
            this.maxTotalBytes = maxTotalBytes;
            return this;
        }

        public Builder maxSegments(int maxSegments) {
            this.maxSegments = maxSegments;
            return this;
        }

        public Builder maxConsumers(int maxConsumers) {
            this.maxConsumers = maxConsumers;
            return this;
        }

        public Builder sequenceReservation(int sequenceReservation) {
            this.sequenceReservation = sequenceReservation;
            return this;
        }

        public Builder indexIntervalBytes(int indexIntervalBytes) {
            this.indexIntervalBytes = indexIntervalBytes;
            return this;
        }

        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        public JournalConfig build() {
            return new JournalConfig(
                    directory,
                    fsync,
                    whenFull,
                    maxRecordBytes,
                    maxSegmentBytes,
                    maxTotalBytes,
                    maxSegments,
                    maxConsumers,
                    sequenceReservation,
                    indexIntervalBytes,
                    clock);
        }
    }
}
