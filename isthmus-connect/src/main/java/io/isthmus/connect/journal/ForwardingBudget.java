package io.isthmus.connect.journal;

/**
 * How a {@link ForwardingReader} shares one batch between live records and the backlog.
 *
 * @param maxRecords records per batch, what the link can take per send
 * @param minBacklogRecords records of every batch reserved for the backlog while there is one, so
 *     a busy live tail can slow the backfill but never stop it
 */
public record ForwardingBudget(int maxRecords, int minBacklogRecords) {
    public ForwardingBudget {
        if (maxRecords < 2) {
            throw new IllegalArgumentException("maxRecords is " + maxRecords + "; at least 2 (one live, one backlog)");
        }
        if (minBacklogRecords < 1 || minBacklogRecords >= maxRecords) {
            throw new IllegalArgumentException("minBacklogRecords is " + minBacklogRecords
                    + "; it must be at least 1 and below maxRecords " + maxRecords + ", or one side would starve");
        }
    }

    /** Batches of {@code maxRecords}, a tenth (at least one) reserved for the backlog. */
    public static ForwardingBudget of(int maxRecords) {
        return new ForwardingBudget(maxRecords, Math.max(1, maxRecords / 10));
    }
}
