package io.isthmus.connect.journal;

import java.util.List;

/**
 * A snapshot of a journal's counters since it was opened (the loss counters include what recovery
 * found at open).
 *
 * @param firstSequence the oldest retained record's id, 0 if none
 * @param lastSequence the newest acknowledged record's id, 0 if none
 * @param syncs fsyncs issued; below {@code appendedRecords} when group commit batched appenders
 * @param droppedRecords records deleted unread by {@link FullPolicy#DROP_OLDEST}
 * @param rejectedRecords records refused by {@link FullPolicy#REJECT_NEW}
 * @param corruptRecords records found unreadable or missing at open (an upper bound)
 * @param recentLosses the latest losses, oldest first, at most {@link #RECENT_LOSSES}
 * @param listenerFailures events whose listener threw
 */
public record JournalStats(
        long firstSequence,
        long lastSequence,
        int segments,
        long totalBytes,
        long appendedRecords,
        long appendedBytes,
        long syncs,
        long droppedRecords,
        long rejectedRecords,
        long corruptRecords,
        List<Loss> recentLosses,
        long listenerFailures) {

    public static final int RECENT_LOSSES = 64;

    public JournalStats {
        recentLosses = List.copyOf(recentLosses);
    }

    /** Every record lost since open, whatever the cause. */
    public long lostRecords() {
        return droppedRecords + rejectedRecords + corruptRecords;
    }
}
