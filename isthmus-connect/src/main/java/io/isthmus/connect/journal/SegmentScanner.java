package io.isthmus.connect.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the bytes of one segment and says which records are good and which bytes are not. Pure:
 * no files, no logging; every length read from the bytes is checked against the bytes left and the
 * configured maximum before it is used, so hostile or random bytes cost time, never memory.
 *
 * <p>After a bad record the scanner looks for the next offset where a valid record starts whose
 * sequence id follows the last good one. If it finds one, the bad bytes are a {@link Damage} in the
 * middle of the segment and scanning resumes; if not, they are the segment's {@link Tail}.
 */
final class SegmentScanner {
    private SegmentScanner() {}

    /** Told about every good record, in order. */
    @FunctionalInterface
    interface RecordVisitor {
        void record(long sequence, int offset, int size);
    }

    /** Unreadable bytes followed by good records: never truncated, always reported. */
    record Damage(int offset, int length, FrameError error, long lastGoodSequence, long nextGoodSequence) {}

    /** Unreadable bytes running to the end of the segment. */
    record Tail(int offset, int length, FrameError error, long lastGoodSequence) {}

    /**
     * What a scan found. When {@code headerError} is present the segment is unreadable and the
     * other fields describe no records.
     *
     * @param lastSequence the last good record's id, or {@code firstSequence - 1} if none
     * @param validEnd the offset just past the last good record (or the header when none)
     */
    record Result(
            Optional<HeaderError> headerError,
            long firstSequence,
            long lastSequence,
            long records,
            int validEnd,
            List<Damage> damages,
            Optional<Tail> tail) {

        static Result unreadable(HeaderError error, long expectedFirst) {
            return new Result(Optional.of(error), expectedFirst, expectedFirst - 1, 0, 0, List.of(), Optional.empty());
        }
    }

    /**
     * Scans {@code buf[0, limit)}.
     *
     * @param expectedFirst the first sequence id named by the segment's file name
     * @param ceiling no good record has an id at or above this (the next segment's first id)
     */
    static Result scan(
            ByteBuffer buf, int limit, long expectedFirst, long ceiling, int maxPayload, RecordVisitor visitor) {
        SegmentHeader header;
        switch (SegmentHeader.decode(buf, limit)) {
            case SegmentHeader.Valid v -> header = v.header();
            case SegmentHeader.Invalid i -> {
                return Result.unreadable(i.error(), expectedFirst);
            }
        }
        if (header.firstSequence() != expectedFirst) {
            return Result.unreadable(HeaderError.NAME_MISMATCH, expectedFirst);
        }
        long last = header.firstSequence() - 1;
        long records = 0;
        int pos = SegmentHeader.SIZE;
        List<Damage> damages = new ArrayList<>();
        while (pos < limit) {
            FrameError error;
            var decoded = RecordFormat.decode(buf, pos, limit, maxPayload);
            if (decoded instanceof RecordFormat.Frame f && f.sequence() > last && f.sequence() < ceiling) {
                visitor.record(f.sequence(), pos, f.size());
                last = f.sequence();
                records++;
                pos += f.size();
                continue;
            }
            error = switch (decoded) {
                case RecordFormat.Frame f -> FrameError.SEQUENCE_OUT_OF_ORDER;
                case RecordFormat.Truncated t -> FrameError.TRUNCATED;
                case RecordFormat.Invalid i -> i.error();
            };
            int next = resync(buf, pos + 1, limit, last, ceiling, maxPayload);
            if (next < 0) {
                var tail = new Tail(pos, limit - pos, error, last);
                return new Result(
                        Optional.empty(), header.firstSequence(), last, records, pos, damages, Optional.of(tail));
            }
            long nextSequence = buf.getLong(next + 4);
            damages.add(new Damage(pos, next - pos, error, last, nextSequence));
            pos = next;
        }
        return new Result(Optional.empty(), header.firstSequence(), last, records, pos, damages, Optional.empty());
    }

    /** The first offset at or after {@code from} where a valid record with a fitting id starts, or -1. */
    private static int resync(ByteBuffer buf, int from, int limit, long last, long ceiling, int maxPayload) {
        for (int p = from; p <= limit - RecordFormat.OVERHEAD; p++) {
            long length = Integer.toUnsignedLong(buf.getInt(p));
            if (length > maxPayload || length > limit - p - RecordFormat.OVERHEAD) {
                continue;
            }
            long sequence = buf.getLong(p + 4);
            if (sequence <= last || sequence >= ceiling || !knownType(buf.get(p + 12))) {
                continue;
            }
            if (RecordFormat.decode(buf, p, limit, maxPayload) instanceof RecordFormat.Frame) {
                return p;
            }
        }
        return -1;
    }

    private static boolean knownType(byte code) {
        return RecordType.fromCode(Byte.toUnsignedInt(code)).isPresent();
    }
}
