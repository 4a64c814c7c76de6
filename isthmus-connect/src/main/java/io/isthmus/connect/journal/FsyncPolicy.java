package io.isthmus.connect.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link Journal#append} forces records to stable storage, and so when it acknowledges them.
 *
 * <p>Whatever the policy, concurrent appenders share fsyncs: one {@code force} covers every record
 * written before it started (group commit). What the policy decides is how long an appender may
 * wait for company before a force is issued, and whether one is issued at all.
 */
public sealed interface FsyncPolicy {

    /** Acknowledge a record once an fsync has covered it; no record waits for others to arrive. */
    record EveryRecord() implements FsyncPolicy {}

    /**
     * Acknowledge a record once an fsync has covered it, issuing that fsync when {@code maxRecords}
     * records are pending or the oldest pending record has waited {@code maxDelay}, whichever comes
     * first. Fewer fsyncs, more latency: a lone appender waits {@code maxDelay} per record.
     */
    record GroupCommit(int maxRecords, Duration maxDelay) implements FsyncPolicy {
        public GroupCommit {
            if (maxRecords < 1) {
                throw new IllegalArgumentException("group commit maxRecords is " + maxRecords + "; at least 1");
            }
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxDelay.isNegative() || maxDelay.isZero() || maxDelay.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException(
                        "group commit maxDelay is " + maxDelay + "; it must be above zero and at most 1 minute");
            }
        }
    }

    /**
     * Acknowledge a record once the operating system has it (written, not forced). Survives the
     * process being killed, not the machine losing power. Segments are still forced on close, and
     * each full segment once when the next one starts (so that its seal may be trusted at open).
     */
    record Never() implements FsyncPolicy {}

    static FsyncPolicy everyRecord() {
        return new EveryRecord();
    }

    /** EVERY_N_RECORDS: force after {@code n} records, or after {@code maxDelay} at the latest. */
    static FsyncPolicy everyNRecords(int n, Duration maxDelay) {
        return new GroupCommit(n, maxDelay);
    }

    /** INTERVAL: force at most {@code interval} after a record was written. */
    static FsyncPolicy interval(Duration interval) {
        return new GroupCommit(Integer.MAX_VALUE, interval);
    }

    static FsyncPolicy never() {
        return new Never();
    }
}
