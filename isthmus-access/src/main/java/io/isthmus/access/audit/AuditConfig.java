package io.isthmus.access.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * How the audit log stores and signs.
 *
 * @param maxBytes capacity of the record file; an append beyond it is refused (fail closed: an
 *     action that cannot be audited must not happen)
 * @param warnAtFraction when the file reaches this fraction of {@code maxBytes} a warning is raised
 *     once (and written into the log as an audit-log event), so there is time to archive
 * @param checkpointEveryRecords a signed checkpoint at the latest after this many records
 * @param checkpointInterval and at the latest this long after the first unsigned record
 * @param limits bounds on one record
 * @param signing who signs a checkpoint that is due: the appending thread, or the log's own thread
 */
public record AuditConfig(
        long maxBytes,
        double warnAtFraction,
        int checkpointEveryRecords,
        Duration checkpointInterval,
        AuditLimits limits,
        Signing signing) {

    /**
     * Who signs a due checkpoint. Signing forces the record file to disk ({@code fdatasync}, up to
     * milliseconds on a busy disk) and computes an Ed25519 signature: with {@link #INLINE} the
     * append that makes the checkpoint due pays for it (one request in a thousand waits), with
     * {@link #BACKGROUND} a thread of the log does it while appends go on, and also signs an
     * unsigned tail once {@link #checkpointInterval()} has passed when no further record arrives.
     */
    public enum Signing {
        INLINE,
        BACKGROUND
    }

    /** 1 GiB, warn at 80 %, a checkpoint every 1,000 records or 5 s signed in the background, default limits. */
    public static final AuditConfig DEFAULT =
            new AuditConfig(1L << 30, 0.8, 1000, Duration.ofSeconds(5), AuditLimits.DEFAULT, Signing.BACKGROUND);

    public AuditConfig {
        if (maxBytes < 64 * 1024) {
            throw new IllegalArgumentException("audit maxBytes must be at least 64 KiB, was " + maxBytes);
        }
        if (!(warnAtFraction > 0 && warnAtFraction < 1)) {
            throw new IllegalArgumentException("audit warnAtFraction must be between 0 and 1, was " + warnAtFraction);
        }
        if (checkpointEveryRecords < 1 || checkpointEveryRecords > 1_000_000) {
            throw new IllegalArgumentException(
                    "audit checkpointEveryRecords must be 1..1000000, was " + checkpointEveryRecords);
        }
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("audit checkpointInterval must be positive, was " + checkpointInterval);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(signing, "signing");
    }

    public AuditConfig withMaxBytes(long bytes) {
        return new AuditConfig(bytes, warnAtFraction, checkpointEveryRecords, checkpointInterval, limits, signing);
    }

    public AuditConfig withCheckpointEvery(int records) {
        return new AuditConfig(maxBytes, warnAtFraction, records, checkpointInterval, limits, signing);
    }

    public AuditConfig withSigning(Signing how) {
        return new AuditConfig(maxBytes, warnAtFraction, checkpointEveryRecords, checkpointInterval, limits, how);
    }
}
