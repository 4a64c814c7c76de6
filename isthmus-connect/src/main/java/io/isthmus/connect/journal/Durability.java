package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: decides when written records are forced and tells appenders when theirs are
 * acknowledged. There is no syncing thread: the first appender that finds a force due becomes the
 * leader, forces outside the lock, and wakes everyone whose record the force covered. Appenders that
 * wrote while it forced are covered by the next one, so under load one fsync acknowledges many
 * records whatever the policy.
 *
 * <p>Acknowledged is also what readers may see: a record becomes visible when it is acknowledged,
 * so nothing is forwarded that a power cut could still take back (with an fsync policy).
 */
final class Durability {
    private final FsyncPolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();

    private long written;
    private volatile long acknowledged;
    private Segment writtenSegment;
    private FileChannel writtenChannel;
    private long writtenEnd;
    private boolean syncing;
    private boolean pendingSinceSnapshot;
    private long pendingSinceNanos;
    private IOException failure;
    private boolean closed;
    private long syncs;

    Durability(FsyncPolicy policy, long lastSequence) {
        this.policy = policy;
        this.written = lastSequence;
        this.acknowledged = lastSequence;
    }

    long acknowledged() {
        return acknowledged;
    }

    long syncs() {
        lock.lock();
        try {
            return syncs;
        } finally {
            lock.unlock();
        }
    }

    /** A record reached the channel; called in id order, under the journal's write lock. */
    void written(long sequence, Segment segment, FileChannel channel, long end) {
        lock.lock();
        try {
            if (!pendingSinceSnapshot) {
                pendingSinceSnapshot = true;
                pendingSinceNanos = System.nanoTime();
            }
            written = sequence;
            writtenSegment = segment;
            writtenChannel = channel;
            writtenEnd = end;
            if (policy instanceof FsyncPolicy.Never) {
                publish(sequence, segment, end);
                pendingSinceSnapshot = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns once {@code sequence} is acknowledged under the policy. Interrupts are kept, not obeyed. */
    void awaitAcknowledged(long sequence) {
        boolean interrupted = false;
        lock.lock();
        try {
            while (acknowledged < sequence) {
                if (failure != null) {
                    throw new JournalIoException(
                            "record " + sequence + " was written but could not be forced", failure);
                }
                if (!syncing && forceDue()) {
                    lead();
                    continue;
                }
                try {
                    if (syncing || policy instanceof FsyncPolicy.EveryRecord) {
                        advanced.await();
                    } else {
                        advanced.awaitNanos(nanosUntilDue());
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to {@code timeout} for {@code sequence} to become visible; true if it did. */
    boolean awaitVisible(long sequence, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (acknowledged < sequence && !closed && failure == null && remaining > 0) {
                remaining = advanced.awaitNanos(remaining);
            }
            return acknowledged >= sequence;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The segment is about to be closed because a new one starts: waits for a force in flight,
     * forces it (unless the policy never forces) and acknowledges everything in it.
     */
    void seal(Segment segment, FileChannel channel) throws IOException {
        lock.lock();
        try {
            while (syncing) {
                advanced.awaitUninterruptibly();
            }
            if (!(policy instanceof FsyncPolicy.Never)) {
                forceUnderLock(channel);
            }
            publish(segment.lastSequence, segment, segment.writtenEnd);
            pendingSinceSnapshot = false;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The journal closes: forces whatever is written (under every policy) and releases all waiters. */
    void close(Segment active, FileChannel channel) throws IOException {
        lock.lock();
        try {
            while (syncing) {
                advanced.awaitUninterruptibly();
            }
            if (active != null && channel != null && failure == null) {
                forceUnderLock(channel);
                publish(active.lastSequence, active, active.writtenEnd);
            }
            closed = true;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A write failed: nothing more is acknowledged, every waiter gets the failure. */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean forceDue() {
        if (written <= acknowledged) {
            return false;
        }
        return switch (policy) {
            case FsyncPolicy.EveryRecord e -> true;
            case FsyncPolicy.GroupCommit g -> written - acknowledged >= g.maxRecords() || nanosUntilDue() <= 0;
            case FsyncPolicy.Never n -> false;
        };
    }

    private long nanosUntilDue() {
        long maxDelay =
                policy instanceof FsyncPolicy.GroupCommit g ? g.maxDelay().toNanos() : 0;
        return pendingSinceNanos + maxDelay - System.nanoTime();
    }

    /** Forces outside the lock; called and returns with the lock held. */
    private void lead() {
        syncing = true;
        pendingSinceSnapshot = false;
        long target = written;
        long end = writtenEnd;
        Segment segment = writtenSegment;
        FileChannel channel = writtenChannel;
        lock.unlock();
        IOException error = null;
        try {
            channel.force(false);
        } catch (IOException e) {
            error = e;
        } finally {
            lock.lock();
        }
        syncing = false;
        syncs++;
        if (error != null) {
            failure = failure == null ? error : failure;
        } else {
            publish(target, segment, end);
        }
        advanced.signalAll();
    }

    private void forceUnderLock(FileChannel channel) throws IOException {
        try {
            channel.force(false);
            syncs++;
        } catch (IOException e) {
            failure = failure == null ? e : failure;
            throw e;
        }
    }

    private void publish(long sequence, Segment segment, long end) {
        if (segment != null && end > segment.visibleEnd) {
            segment.visibleEnd = end;
        }
        if (sequence > acknowledged) {
            acknowledged = sequence;
        }
        advanced.signalAll();
    }

    @Override
    public String toString() {
        return "Durability[" + policy + ", written=" + written + ", acknowledged=" + acknowledged + "]";
    }
}
