package io.isthmus.connect.journal;

import io.isthmus.model.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The store-and-forward journal on the OT side: drivers append records, the diode sender and the
 * historian read them by sequence id, each through a named {@link ConsumerCursor}.
 *
 * <p>Guarantees, with the details in {@code docs/connect.md}:
 *
 * <ul>
 *   <li>{@link #append} returns an id only when the record is acknowledged under the {@link
 *       FsyncPolicy}; an acknowledged record survives {@code kill -9} (every policy) and power loss
 *       (fsync policies).
 *   <li>Ids are strictly increasing and never reused, across restarts, crashes and truncation.
 *   <li>{@link #open} scans every segment that has no valid seal: a torn tail is truncated, damage
 *       anywhere else is kept and skipped by readers; both are listed in the {@link RecoveryReport},
 *       and possible loss is raised as a DATA_LOSS event. A segment that was full when the next
 *       one started, or that a scan at open found whole, is forced and sealed ({@link
 *       SegmentSeals}); the next open takes it from its seal instead of scanning it. The segment
 *       being written when the journal closed or crashed has no seal and is always scanned.
 *   <li>Size is bounded; when full, the {@link FullPolicy} drops the oldest segment or rejects the
 *       record, and either way the loss is counted and raised as a DATA_LOSS event.
 * </ul>
 *
 * <p>Thread-safe. Appenders may be many virtual threads; they share fsyncs (group commit).
 *
 * <p>On disk, in the configured directory: {@code journal.lock}, {@code journal.state} (id
 * reservation and clean-shutdown mark), {@code segments/<first id>.seg} and its {@code .seal},
 * {@code consumers/<name>.cursor}.
 */
public final class Journal implements AutoCloseable {
    private static final String LOCK_FILE = "journal.lock";
    private static final String STATE_FILE = "journal.state";

    private final JournalConfig config;
    private final Path segmentsDir;
    private final Path stateFile;
    private final FileChannel lockChannel;
    /** Held while open; released when {@link #lockChannel} closes. */
    private final FileLock fileLock;

    private final RecoveryReport report;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Durability durability;
    private final LossLedger ledger;
    private final ConsumerRegistry consumers;

    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private Segment active;
    private long nextSequence;
    private long reservedUpTo;
    private long lastWritten;
    private long totalBytes;
    private long appendedRecords;
    private long appendedBytes;
    private volatile boolean closed;
    private IOException failure;

    private Journal(
            JournalConfig config,
            FileChannel lockChannel,
            FileLock fileLock,
            Recovery.Result recovered,
            Consumer<Event> events) {
        this.config = config;
        this.segmentsDir = config.directory().resolve("segments");
        this.stateFile = config.directory().resolve(STATE_FILE);
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.report = recovered.report();
        for (Segment s : recovered.segments()) {
            segments.put(s.firstSequence, s);
            totalBytes += s.fileBytes;
        }
        this.nextSequence = recovered.nextSequence();
        this.lastWritten = recovered.lastRecord();
        this.durability = new Durability(config.fsync(), recovered.lastRecord());
        this.ledger = new LossLedger(config.directory().toString(), config.clock(), events);
        this.consumers = new ConsumerRegistry(this, config.directory().resolve("consumers"), config.maxConsumers());
    }

    /** Opens (or creates) a journal, dropping its events. See {@link #open(JournalConfig, Consumer)}. */
    public static Journal open(JournalConfig config) {
        return open(config, event -> {});
    }

    /**
     * Opens the journal in {@code config.directory()}, creating it if needed, and recovers what a
     * previous run left (see {@link #recoveryReport()}).
     *
     * @param events receives DATA_LOSS events (and SYSTEM events about recovery); called outside
     *     the journal's locks, must not block for long, should not throw
     * @throws JournalLockedException if the directory is open elsewhere
     * @throws JournalCorruptionException if the state or a cursor file is damaged; the message names
     *     it (delete it to start that file afresh, accepting what it held is lost)
     */
    public static Journal open(JournalConfig config, Consumer<Event> events) {
        Objects.requireNonNull(events, "events");
        Path dir = config.directory();
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir.resolve("segments"));
            Files.createDirectories(dir.resolve("consumers"));
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new JournalLockedException(dir);
            }
            var state = AtomicFile.read(dir.resolve(STATE_FILE), Recovery.STATE_MAGIC, 2);
            var recovered = Recovery.run(config, dir.resolve("segments"), state);
            Journal journal = new Journal(config, lockChannel, lock, recovered, events);
            journal.consumers.load();
            journal.reserve(recovered.nextSequence());
            journal.ledger.recovered(recovered.report());
            journal.ledger.dispatch();
            return journal;
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel, e);
            if (e instanceof IOException io) {
                throw new JournalIoException("could not open journal " + dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Appends one record and returns its id once it is acknowledged under the fsync policy.
     *
     * @throws RecordTooLargeException if the payload exceeds {@link JournalConfig#maxRecordBytes()}
     * @throws JournalFullException if the journal is full and its policy is REJECT_NEW
     * @throws JournalIoException if the record could not be written or forced; the journal then
     *     refuses further appends until it is reopened
     * @throws JournalClosedException after {@link #close()}
     */
    public long append(RecordType type, byte[] payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (payload.length > config.maxRecordBytes()) {
            throw new RecordTooLargeException(payload.length, config.maxRecordBytes());
        }
        long sequence;
        writeLock.lock();
        try {
            requireWritable();
            int size = RecordFormat.size(payload.length);
            makeRoom(size);
            sequence = nextSequence;
            if (sequence >= reservedUpTo) {
                reserve(sequence);
            }
            write(sequence, type, payload, size);
            nextSequence = sequence + 1;
            ledger.accepted();
        } catch (IOException e) {
            throw fail("append to journal " + config.directory() + " failed", e);
        } finally {
            writeLock.unlock();
            ledger.dispatch();
        }
        durability.awaitAcknowledged(sequence);
        return sequence;
    }

    /** A reader that returns acknowledged records with ids at or above {@code fromSequence}, in id order. */
    public JournalReader read(long fromSequence) {
        requireOpen();
        return new JournalReader(this, Math.max(1, fromSequence));
    }

    /**
     * The named consumer's cursor, created (and persisted) on first use just before the oldest
     * retained record, so a new consumer reads everything still in the journal.
     *
     * @throws IllegalArgumentException if the name is not 1-64 of {@code [a-z0-9_-]}
     * @throws IllegalStateException if creating it would exceed {@link JournalConfig#maxConsumers()}
     */
    public ConsumerCursor consumer(String name) {
        requireOpen();
        long first = firstSequence();
        return consumers.getOrCreate(name, first == 0 ? lastSequence() : first - 1);
    }

    /** Forgets a consumer so it no longer holds back retention; true if it existed. */
    public boolean removeConsumer(String name) {
        requireOpen();
        try {
            boolean removed = consumers.remove(name);
            applyRetention();
            return removed;
        } catch (IOException e) {
            throw new JournalIoException("could not remove consumer '" + name + "'", e);
        }
    }

    public Set<String> consumers() {
        return consumers.names();
    }

    /** The newest acknowledged record's id (what readers can see), 0 if there never was one. */
    public long lastSequence() {
        return durability.acknowledged();
    }

    /** The oldest retained record's id, 0 if the journal holds none. */
    public long firstSequence() {
        return segments.values().stream()
                .filter(s -> !s.isEmpty() && s.visibleEnd > SegmentHeader.SIZE)
                .mapToLong(s -> s.firstSequence)
                .findFirst()
                .orElse(0);
    }

    /**
     * Waits until a record with an id at or above {@code sequence} is acknowledged; for readers
     * that follow the live tail. Returns false on timeout or close.
     */
    public boolean awaitSequence(long sequence, Duration timeout) throws InterruptedException {
        return durability.awaitVisible(sequence, timeout);
    }

    public RecoveryReport recoveryReport() {
        return report;
    }

    public JournalConfig config() {
        return config;
    }

    public JournalStats stats() {
        writeLock.lock();
        try {
            return new JournalStats(
                    firstSequence(),
                    lastSequence(),
                    segments.size(),
                    totalBytes,
                    appendedRecords,
                    appendedBytes,
                    durability.syncs(),
                    ledger.droppedRecords(),
                    ledger.rejectedRecords(),
                    ledger.corruptRecords(),
                    ledger.recentLosses(),
                    ledger.listenerFailures());
        } finally {
            writeLock.unlock();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Forces what was written, marks the journal cleanly closed and releases the directory.
     * Waiting appenders are acknowledged; later calls fail with {@link JournalClosedException}.
     */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                durability.close(active, active == null ? null : active.channel);
                for (Segment s : segments.values()) {
                    s.closeChannel();
                }
                if (failure == null) {
                    AtomicFile.write(stateFile, Recovery.STATE_MAGIC, Recovery.CLEAN, lastWritten, nextSequence);
                }
                lockChannel.close();
            } catch (IOException e) {
                closeQuietly(lockChannel, e);
                throw new JournalIoException("could not close journal " + config.directory() + " cleanly", e);
            }
        } finally {
            writeLock.unlock();
            ledger.dispatch();
        }
    }

    // ---- package-private: readers and cursors ----

    Segment segmentFor(long sequence) {
        Map.Entry<Long, Segment> e = segments.floorEntry(sequence);
        if (e == null) {
            e = segments.firstEntry();
        }
        return e == null ? null : e.getValue();
    }

    Segment segmentAfter(Segment segment) {
        Map.Entry<Long, Segment> e = segments.higherEntry(segment.firstSequence);
        return e == null ? null : e.getValue();
    }

    /** Deletes the oldest segments every consumer has committed; never the newest segment. */
    void applyRetention() {
        writeLock.lock();
        try {
            OptionalLong min = consumers.minCommitted();
            if (closed || min.isEmpty()) {
                return;
            }
            while (segments.size() > 1) {
                Segment oldest = segments.firstEntry().getValue();
                if (oldest == active || oldest.lastSequence > min.getAsLong()) {
                    break;
                }
                delete(oldest);
            }
        } catch (IOException e) {
            throw new JournalIoException("retention could not delete a segment of " + config.directory(), e);
        } finally {
            writeLock.unlock();
        }
    }

    void requireOpen() {
        if (closed) {
            throw new JournalClosedException("journal " + config.directory() + " is closed");
        }
    }

    // ---- the write path, under writeLock ----

    private void requireWritable() {
        requireOpen();
        if (failure != null) {
            throw new JournalIoException(
                    "journal " + config.directory() + " failed earlier and accepts no appends; reopen it", failure);
        }
    }

    private void makeRoom(int size) throws IOException {
        boolean roll = active == null || active.writtenEnd + size > config.maxSegmentBytes();
        if (config.whenFull() == FullPolicy.REJECT_NEW) {
            long needed = size + (roll ? SegmentHeader.SIZE : 0);
            boolean tooManySegments = roll && segments.size() + 1 > config.maxSegments();
            if (totalBytes + needed > config.maxTotalBytes() || tooManySegments) {
                long rejected = ledger.rejected(totalBytes, config.maxTotalBytes());
                throw new JournalFullException(
                        "journal " + config.directory() + " is full (" + totalBytes + " of " + config.maxTotalBytes()
                                + " bytes, " + segments.size() + " of " + config.maxSegments()
                                + " segments) and its policy is REJECT_NEW",
                        totalBytes,
                        rejected);
            }
        }
        if (roll) {
            roll(nextSequence);
        }
        while ((totalBytes + size > config.maxTotalBytes() || segments.size() > config.maxSegments())
                && segments.size() > 1) {
            dropOldest();
        }
    }

    private void roll(long firstSequence) throws IOException {
        if (active != null) {
            durability.seal(active, active.channel);
            if (config.fsync() instanceof FsyncPolicy.Never) {
                active.channel.force(true); // a seal may only describe forced bytes
            }
            if (!active.isEmpty()) {
                SegmentSeals.write(active);
            }
            active.closeChannel();
        }
        Path path = segmentsDir.resolve(Segment.fileName(firstSequence));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        var header = new SegmentHeader(
                firstSequence, EpochMicros.micros(config.clock().instant()));
        try {
            writeFully(channel, header.encode(), 0);
            if (!(config.fsync() instanceof FsyncPolicy.Never)) {
                channel.force(true);
                AtomicFile.forceDirectory(segmentsDir);
            }
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw e;
        }
        Segment segment = new Segment(path, firstSequence, new SegmentIndex(config.indexIntervalBytes()), List.of());
        segment.channel = channel;
        segment.createdMicros = header.createdMicros();
        segment.writtenEnd = SegmentHeader.SIZE;
        segment.fileBytes = SegmentHeader.SIZE;
        segment.visibleEnd = SegmentHeader.SIZE;
        segments.put(firstSequence, segment);
        totalBytes += SegmentHeader.SIZE;
        active = segment;
    }

    private void write(long sequence, RecordType type, byte[] payload, int size) throws IOException {
        if (writeBuffer.capacity() < size) {
            writeBuffer = ByteBuffer.allocateDirect(Math.max(size, writeBuffer.capacity() * 2));
        }
        ByteBuffer buf = writeBuffer.clear();
        RecordFormat.encode(
                buf, sequence, type, EpochMicros.micros(config.clock().instant()), payload);
        buf.flip();
        Segment segment = active;
        long offset = segment.writtenEnd;
        writeFully(segment.channel, buf, offset);
        segment.index.add(sequence, (int) offset);
        segment.records++;
        segment.lastRecordOffset = offset;
        segment.writtenEnd = offset + size;
        segment.fileBytes = segment.writtenEnd;
        segment.lastSequence = sequence;
        totalBytes += size;
        appendedRecords++;
        appendedBytes += payload.length;
        lastWritten = sequence;
        durability.written(sequence, segment, segment.channel, segment.writtenEnd);
    }

    /** DROP_OLDEST: deletes the oldest segment; what some consumer had not committed is counted and raised. */
    private void dropOldest() throws IOException {
        Segment oldest = segments.firstEntry().getValue();
        long committed = consumers.minCommitted().orElse(0);
        delete(oldest);
        if (!oldest.isEmpty() && oldest.lastSequence > committed) {
            var range = new SequenceRange(Math.max(oldest.firstSequence, committed + 1), oldest.lastSequence);
            ledger.dropped(range, consumers.behind(oldest.lastSequence), totalBytes, config.maxTotalBytes());
        }
    }

    private void delete(Segment segment) throws IOException {
        segments.remove(segment.firstSequence);
        segment.deleted = true;
        totalBytes -= segment.fileBytes;
        segment.closeChannel();
        SegmentSeals.delete(segment.path);
        Files.deleteIfExists(segment.path);
    }

    /** Persists that ids below {@code from + sequenceReservation} may be in use, before using them. */
    private void reserve(long from) throws IOException {
        long upTo = from + config.sequenceReservation();
        AtomicFile.write(stateFile, Recovery.STATE_MAGIC, 0, lastWritten, upTo);
        reservedUpTo = upTo;
    }

    private JournalIoException fail(String message, IOException cause) {
        failure = cause;
        durability.fail(cause);
        return new JournalIoException(message, cause);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(java.io.Closeable closeable, Exception primary) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "Journal[" + config.directory() + ", next " + nextSequence + ", " + segments.size() + " segments]";
    }
}
