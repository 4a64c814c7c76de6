package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Reads acknowledged records in id order from a starting id, across segments, and follows the live
 * tail: when it has caught up, {@link #next()} returns nothing until more is acknowledged.
 *
 * <p>Ids are unique and increasing but not dense (ids reserved by a run that crashed are skipped),
 * so a reader moves to the next existing id. Records deleted under it (retention, DROP_OLDEST) are
 * skipped too; such deletions are counted and raised by the journal, not by each reader. Known
 * damage found at open is skipped; bytes that turn bad after open end in {@link
 * JournalCorruptionException}.
 *
 * <p>One reader belongs to one thread at a time. Close it to release its file handle.
 */
public final class JournalReader implements AutoCloseable {
    private static final int READ_AHEAD = 64 * 1024;

    private final Journal journal;
    private long position;
    private Segment segment;
    private FileChannel channel;
    private long offset;
    private ByteBuffer buf = ByteBuffer.allocate(READ_AHEAD).limit(0);
    private long bufStart;
    private boolean closed;
    /** Every record's checksum, reset for each. */
    private final CRC32C crc = new CRC32C();

    JournalReader(Journal journal, long fromSequence) {
        this.journal = journal;
        this.position = fromSequence;
    }

    /** The lowest id the next record can have. */
    public long position() {
        return position;
    }

    /** The next acknowledged record, or nothing if the reader has caught up. */
    public Optional<JournalRecord> next() {
        var frame = advance(Long.MAX_VALUE);
        return frame == null ? Optional.empty() : Optional.of(toRecord(frame));
    }

    /**
     * Appends to {@code into} up to {@code maxRecords} acknowledged records whose ids are below
     * {@code belowSequence}, as many as there are now; returns how many. The first record at or above
     * {@code belowSequence} is left for the next read. The bulk read of {@link #next()}: the same
     * records with the same checks, without an object per record.
     */
    public int readInto(RecordBlock into, int maxRecords, long belowSequence) {
        int read = 0;
        while (read < maxRecords) {
            var frame = advance(belowSequence);
            if (frame == null) {
                break;
            }
            into.add(
                    frame.sequence(),
                    frame.type().code(),
                    frame.appendMicros(),
                    buf.array(),
                    buf.arrayOffset() + frame.payloadOffset(),
                    frame.payloadLength());
            read++;
        }
        return read;
    }

    /**
     * Moves past the next acknowledged record and returns it (its payload in {@link #buf}), or null
     * if the reader has caught up or the next record's id is {@code belowSequence} or more (then it
     * stays unread).
     */
    private RecordFormat.Frame advance(long belowSequence) {
        requireUsable();
        while (true) {
            if (!positioned()) {
                return null;
            }
            long visibleEnd = segment.visibleEnd;
            if (offset >= visibleEnd) {
                Segment after = journal.segmentAfter(segment);
                if (after == null) {
                    return null;
                }
                moveTo(after, SegmentHeader.SIZE);
                continue;
            }
            var frame = frameAt(visibleEnd);
            if (frame == null) {
                continue;
            }
            if (frame.sequence() >= belowSequence) {
                return null;
            }
            offset += frame.size();
            if (frame.sequence() >= position) {
                position = frame.sequence() + 1;
                return frame;
            }
        }
    }

    /** Up to {@code maxRecords} records, as many as are acknowledged now; possibly none. */
    public List<JournalRecord> next(int maxRecords) {
        return next(maxRecords, Long.MAX_VALUE);
    }

    /**
     * Up to {@code maxRecords} records with ids below {@code belowSequence}, as many as are
     * acknowledged now; possibly none. The first record at or above {@code belowSequence} is left
     * for the next read.
     */
    public List<JournalRecord> next(int maxRecords, long belowSequence) {
        List<JournalRecord> records =
                new ArrayList<>(Math.clamp(maxRecords, 0, 4096)); // a forwarder's whole batch without regrowing
        while (records.size() < maxRecords) {
            var frame = advance(belowSequence);
            if (frame == null) {
                break;
            }
            records.add(toRecord(frame));
        }
        return records;
    }

    /** The next record, waiting up to {@code timeout} for one to be acknowledged. */
    public Optional<JournalRecord> next(Duration timeout) throws InterruptedException {
        var record = next();
        if (record.isPresent() || !journal.awaitSequence(position, timeout)) {
            return record;
        }
        return next();
    }

    @Override
    public void close() {
        closed = true;
        closeChannel();
    }

    /** Finds the segment holding {@link #position} if the reader has none or its segment was deleted. */
    private boolean positioned() {
        if (segment != null && !segment.deleted) {
            return true;
        }
        Segment found = journal.segmentFor(position);
        if (found == null) {
            closeChannel();
            segment = null;
            return false;
        }
        long start = found.firstSequence <= position ? found.index.floorOffset(position) : SegmentHeader.SIZE;
        moveTo(found, start);
        return true;
    }

    private void moveTo(Segment next, long startOffset) {
        closeChannel();
        segment = next;
        offset = Math.max(SegmentHeader.SIZE, startOffset);
        buf.limit(0);
        bufStart = offset;
    }

    /**
     * The valid record at {@link #offset}, or null after stepping over known damage (or off a
     * segment deleted meanwhile).
     */
    private RecordFormat.Frame frameAt(long visibleEnd) {
        int required = RecordFormat.HEADER_BYTES;
        while (true) {
            if (!buffer(required, visibleEnd)) {
                return null;
            }
            int relative = (int) (offset - bufStart);
            int limit = (int) (Math.min(visibleEnd, bufStart + buf.limit()) - bufStart);
            var decoded = RecordFormat.decode(buf, relative, limit, Integer.MAX_VALUE - RecordFormat.OVERHEAD, crc);
            if (decoded instanceof RecordFormat.Frame f) { // the usual case, before the switch's type dispatch
                return f;
            }
            switch (decoded) {
                case RecordFormat.Frame f -> {
                    return f;
                }
                case RecordFormat.Truncated t when offset + t.required() <= visibleEnd -> required = (int) t.required();
                case RecordFormat.Truncated t -> {
                    return skipDamage(FrameError.TRUNCATED);
                }
                case RecordFormat.Invalid i -> {
                    return skipDamage(i.error());
                }
            }
        }
    }

    private RecordFormat.Frame skipDamage(FrameError error) {
        var damage = segment.damageAt(offset);
        if (damage.isEmpty()) {
            throw new JournalCorruptionException(
                    segment.path, offset, error + ": a record that was valid or not yet written at open is now bad");
        }
        offset += damage.get().length();
        return null;
    }

    /**
     * Makes the buffer hold {@code [offset, offset + required)}, reading ahead up to the visible end.
     * False if the segment was deleted and the reader must find its position again.
     */
    private boolean buffer(int required, long visibleEnd) {
        if (offset >= bufStart && offset + required <= bufStart + buf.limit()) {
            return true;
        }
        int want = (int) Math.min(Math.max(required, READ_AHEAD), visibleEnd - offset);
        if (buf.capacity() < want) {
            buf = ByteBuffer.allocate(want);
        }
        buf.clear().limit(want);
        bufStart = offset;
        try {
            if (channel == null) {
                channel = FileChannel.open(segment.path, StandardOpenOption.READ);
            }
            while (buf.hasRemaining()) {
                if (channel.read(buf, bufStart + buf.position()) < 0) {
                    throw new JournalCorruptionException(
                            segment.path, bufStart + buf.position(), "the file ends before its acknowledged records");
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            buf.limit(0);
            if (segment.deleted) {
                return false;
            }
            throw new JournalCorruptionException(segment.path, 0, "the segment file vanished while it is retained");
        } catch (IOException e) {
            throw new JournalIoException("could not read " + segment.path, e);
        }
        buf.flip();
        return true;
    }

    private JournalRecord toRecord(RecordFormat.Frame frame) {
        byte[] payload = new byte[frame.payloadLength()];
        buf.get(frame.payloadOffset(), payload);
        return new JournalRecord(frame.sequence(), frame.type(), EpochMicros.instant(frame.appendMicros()), payload);
    }

    private void requireUsable() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
        journal.requireOpen();
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new JournalIoException("could not close " + segment.path, e);
        } finally {
            channel = null;
        }
    }
}
