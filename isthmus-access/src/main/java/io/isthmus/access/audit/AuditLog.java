package io.isthmus.access.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The append-only audit log: records to {@code audit.log}, signed checkpoints to {@code
 * checkpoints.log}, keys beside them ({@link AuditKeys}).
 *
 * <p>Opening verifies what is on disk with {@link AuditVerifier} and refuses to go on from a log
 * that fails (fail closed), after cutting off a torn last line a crash may have left. Appends are
 * written at once (to the operating system, so a crash of the process loses none);
 * {@link #append(AuditEvent, boolean) durable} ones are forced to disk before the call returns, which
 * is what the gateway does before it executes anything. A checkpoint is signed after {@link
 * AuditConfig#checkpointEveryRecords()} records or {@link AuditConfig#checkpointInterval()}, and on
 * close; with {@link AuditConfig.Signing#BACKGROUND} by the log's own thread, so that no append waits
 * for the {@code fdatasync} and the signature of a checkpoint (docs/benchmarks.md, "Gateway tail").
 * Thread-safe: appends take the log's monitor; signing takes {@code signing} first and the monitor
 * only to take a snapshot (size, root) and to publish the checkpoint, so appends go on meanwhile.
 */
public final class AuditLog implements AutoCloseable {
    private final Path dir;
    private final AuditConfig config;
    private final Clock clock;
    private final Consumer<AuditWarning> warnings;
    private final KeyPair keys;
    private final AuditLineCodec codec;
    private final MerkleTree tree = new MerkleTree();
    private final FileChannel records;
    private final FileChannel checkpoints;
    private long bytes;
    private long signedSize;
    private Instant firstUnsigned;
    private boolean warned;
    private Optional<Checkpoint> latest;
    private boolean closed;
    /** Held while a checkpoint is signed and written, so checkpoints are written in order. */
    private final Object signing = new Object();
    /** The background signer's failure: every later append fails with it (fail closed). */
    private IOException signerFailure;

    private Thread signer;
    /**
     * Set by close: the signer finishes the checkpoint it is signing and stops (it is never
     * interrupted, which would close the files under it).
     */
    private boolean stopping;

    private AuditLog(
            Path dir,
            AuditConfig config,
            Clock clock,
            Consumer<AuditWarning> warnings,
            KeyPair keys,
            FileChannel records,
            FileChannel checkpoints) {
        this.dir = dir;
        this.config = config;
        this.clock = clock;
        this.warnings = warnings;
        this.keys = keys;
        this.codec = new AuditLineCodec(config.limits());
        this.records = records;
        this.checkpoints = checkpoints;
    }

    /**
     * Opens (or creates) the log in {@code dir}.
     *
     * @throws AuditTamperedException when the log on disk fails verification with its own key
     */
    public static AuditLog open(Path dir, AuditConfig config, Clock clock, Consumer<AuditWarning> warnings)
            throws IOException {
        Files.createDirectories(dir);
        KeyPair keys = AuditKeys.loadOrCreate(dir);
        Path recordFile = dir.resolve(AuditFiles.RECORDS);
        VerificationReport report = new AuditVerifier(config.limits()).verify(dir, keys.getPublic(), Optional.empty());
        if (!report.ok()) {
            throw new AuditTamperedException(dir.toString(), report.findings());
        }
        FileChannel records = FileChannel.open(
                recordFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileChannel checkpoints = null;
        try {
            checkpoints = FileChannel.open(
                    dir.resolve(AuditFiles.CHECKPOINTS), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            AuditLog log = new AuditLog(dir, config, clock, warnings, keys, records, checkpoints);
            log.load(report);
            if (config.signing() == AuditConfig.Signing.BACKGROUND) {
                log.signer = Thread.ofPlatform()
                        .daemon()
                        .name("audit-checkpoint " + dir.getFileName())
                        .start(log::signLoop);
            }
            return log;
        } catch (IOException | RuntimeException e) {
            records.close();
            if (checkpoints != null) {
                checkpoints.close();
            }
            throw e;
        }
    }

    /** Rebuilds the tree from the verified file and cuts off a torn last line. */
    private void load(VerificationReport report) throws IOException {
        long[] good = {0};
        AuditFiles.readLines(dir.resolve(AuditFiles.RECORDS), config.limits().maxLineBytes(), line -> {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            tree.append(b);
            good[0] += b.length + 1;
        });
        if (records.size() > good[0]) {
            records.truncate(good[0]);
            records.force(true);
        }
        records.position(good[0]);
        bytes = good[0];
        latest = report.latest();
        signedSize = latest.map(Checkpoint::size).orElse(0L);
        if (tree.size() > signedSize) {
            firstUnsigned = clock.instant();
        }
        warned = bytes >= config.maxBytes() * config.warnAtFraction();
    }

    /**
     * Appends an event as the next record.
     *
     * @param durable force the record to disk before returning
     * @return the record's sequence number
     * @throws AuditLogFullException when the log is at capacity (the caller must not proceed)
     */
    public long append(AuditEvent event, boolean durable) throws IOException {
        long seq;
        synchronized (this) {
            seq = appendLocked(event, durable);
            if (!due()) {
                return seq;
            }
            if (signer != null) {
                notifyAll(); // the signer takes it from here; this append does not wait
                return seq;
            }
        }
        checkpoint();
        return seq;
    }

    private long appendLocked(AuditEvent event, boolean durable) throws IOException {
        if (closed) {
            throw new IllegalStateException("the audit log is closed");
        }
        if (signerFailure != null) {
            throw new IOException("the audit log could not sign a checkpoint", signerFailure);
        }
        long seq = write(event);
        if (!warned && bytes >= config.maxBytes() * config.warnAtFraction()) {
            warned = true;
            AuditWarning w = new AuditWarning(
                    "the audit log in " + dir + " is " + (100 * bytes / config.maxBytes())
                            + " % full; archive it before it refuses new records",
                    bytes,
                    config.maxBytes());
            write(AuditEvent.of(
                    clock.instant(),
                    "isthmus-audit",
                    AuditCategory.AUDIT_LOG,
                    "capacity.warning",
                    "",
                    AuditResult.SUCCESS,
                    Map.of("usedBytes", Long.toString(bytes), "maxBytes", Long.toString(config.maxBytes()))));
            warnings.accept(w);
        }
        if (durable) {
            records.force(false);
        }
        return seq;
    }

    /** Whether unsigned records wait for a checkpoint (by count or by age). Under the monitor. */
    private boolean due() {
        return tree.size() > signedSize
                && (tree.size() - signedSize >= config.checkpointEveryRecords()
                        || !clock.instant().isBefore(firstUnsigned.plus(config.checkpointInterval())));
    }

    /** The background signer: waits until a checkpoint is due, signs it, until the log closes. */
    private void signLoop() {
        try {
            while (true) {
                synchronized (this) {
                    while (!closed && !stopping && !due()) {
                        wait(Math.max(1, untilDue().toMillis()));
                    }
                    if (closed || stopping) {
                        return;
                    }
                }
                sign(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                signerFailure = e instanceof IOException io ? io : new IOException(e);
            }
        }
    }

    /** How long until the unsigned tail is due by age (the interval when nothing is unsigned). */
    private java.time.Duration untilDue() {
        if (tree.size() == signedSize || firstUnsigned == null) {
            return config.checkpointInterval();
        }
        return java.time.Duration.between(clock.instant(), firstUnsigned.plus(config.checkpointInterval()));
    }

    private long write(AuditEvent event) throws IOException {
        long seq = tree.size();
        byte[] line = codec.encode(new AuditRecord(seq, event)).getBytes(StandardCharsets.UTF_8);
        if (bytes + line.length + 1 > config.maxBytes()) {
            throw new AuditLogFullException("the audit log in " + dir + " is full (" + bytes + " of "
                    + config.maxBytes() + " bytes); archive it and start a new one");
        }
        ByteBuffer buf =
                ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        while (buf.hasRemaining()) {
            records.write(buf);
        }
        bytes += line.length + 1;
        tree.append(line);
        if (firstUnsigned == null || tree.size() - 1 == signedSize) {
            firstUnsigned = clock.instant();
        }
        return seq;
    }

    /** Signs the current state now (records forced to disk first); a no-op when nothing is new. */
    public Optional<Checkpoint> checkpoint() throws IOException {
        return sign(false);
    }

    /**
     * Signs a snapshot (size, root) taken under the monitor; forcing the records, signing and
     * writing the checkpoint happen outside it, so appends are not held up. {@code last} closes the
     * log for appends at the snapshot, so the last checkpoint covers every record.
     */
    private Optional<Checkpoint> sign(boolean last) throws IOException {
        synchronized (signing) {
            long size;
            byte[] root;
            synchronized (this) {
                if (closed) {
                    return latest;
                }
                closed = last;
                if (tree.size() == signedSize && latest.isPresent()) {
                    return latest;
                }
                size = tree.size();
                root = tree.root();
            }
            records.force(false);
            Checkpoint c = Checkpoint.sign(size, root, clock.instant(), keys.getPrivate());
            ByteBuffer buf = ByteBuffer.wrap((c.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                checkpoints.write(buf);
            }
            checkpoints.force(false);
            synchronized (this) {
                signedSize = size;
                latest = Optional.of(c);
                if (tree.size() > size) {
                    firstUnsigned = clock.instant(); // records appended while this one was signed
                }
                return latest;
            }
        }
    }

    /** Proof that record {@code sequence} is in the tree as it is now. */
    public synchronized InclusionProof prove(long sequence) {
        long size = tree.size();
        List<byte[]> path = tree.inclusionProof(sequence, size);
        return new InclusionProof(sequence, size, leafOf(sequence), path, tree.rootAt(size));
    }

    /** Proof that the log now extends the state of {@code older}. */
    public synchronized List<byte[]> consistencyWith(Checkpoint older) {
        return tree.consistencyProof(older.size(), tree.size());
    }

    private byte[] leafOf(long sequence) {
        // A one-leaf subtree's hash is the leaf hash: the audit path of a one-leaf tree is empty.
        return tree.leafAt(sequence);
    }

    public synchronized long size() {
        return tree.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized Optional<Checkpoint> latestCheckpoint() {
        return latest;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Every record written so far, in order: what a component rebuilds its state from after a
     * restart (the gateway's open approvals). Appends wait until the replay has finished, so no
     * record is seen half written.
     */
    public synchronized void replay(Consumer<AuditRecord> each) throws IOException {
        AuditLineCodec reader = new AuditLineCodec(config.limits());
        AuditFiles.readLines(dir.resolve(AuditFiles.RECORDS), config.limits().maxLineBytes(), line -> {
            switch (reader.decode(line)) {
                case AuditLineCodec.LineResult.Parsed p -> each.accept(p.record());
                case AuditLineCodec.LineResult.Invalid bad -> {
                    // verified on open: only a torn tail (already cut off) could be invalid
                }
            }
        });
    }

    /** Stops the signer, signs what is unsigned and closes the files. */
    @Override
    public void close() throws IOException {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            stopping = true;
            notifyAll();
            t = signer;
        }
        try {
            if (t != null) {
                t.join();
            }
            sign(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while closing the audit log");
        } finally {
            synchronized (this) {
                closed = true;
                records.close();
                checkpoints.close();
            }
        }
    }
}
