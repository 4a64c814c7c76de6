package io.isthmus.connect.journal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Forwards a consumer's records after an outage without letting the backlog delay live values.
 *
 * <p>When it opens, everything after the consumer's committed id up to the newest acknowledged
 * record is the <em>backlog</em>; everything appended later is <em>live</em>. Each batch:
 *
 * <ol>
 *   <li>takes live records first, up to {@code maxRecords - minBacklogRecords} while a backlog
 *       remains (up to {@code maxRecords} once it is drained);
 *   <li>fills the rest of the batch from the backlog, oldest first: at least {@code
 *       minBacklogRecords}, and everything the live tail did not use.
 * </ol>
 *
 * <p>So a live record waits at most for the live records before it ({@code maxRecords -
 * minBacklogRecords} per batch), and the backlog moves at least {@code minBacklogRecords} per
 * batch, faster whenever the live tail is quiet. Live and backlog are each in id order, but the
 * batch as a whole is not: the receiver must accept records out of order, which is why
 * {@link IdempotentSink} tracks applied ids rather than only the highest.
 *
 * <p>The consumer's cursor only moves over what is contiguous: while the backlog lasts, up to the
 * backlog's position; after that, up to the newest live record sent. After a crash, records sent
 * live but not yet covered by the cursor are sent again; the idempotent sink drops them.
 */
public final class ForwardingReader implements AutoCloseable {
    private final ConsumerCursor cursor;
    private final ForwardingBudget budget;
    private final Journal journal;
    private final JournalReader live;
    private final JournalReader backlog;
    private final long liveStart;
    private boolean backlogDrained;
    private long backlogThrough;
    private long liveThrough;

    private ForwardingReader(Journal journal, ConsumerCursor cursor, ForwardingBudget budget) {
        this.journal = journal;
        this.cursor = cursor;
        this.budget = budget;
        long from = cursor.committed() + 1;
        this.liveStart = Math.max(from, journal.lastSequence() + 1);
        this.backlog = journal.read(from);
        this.live = journal.read(liveStart);
        this.backlogDrained = from >= liveStart;
        this.backlogThrough = cursor.committed();
        this.liveThrough = liveStart - 1;
    }

    /** Starts forwarding the consumer's records; the backlog is what it has not committed yet. */
    public static ForwardingReader open(Journal journal, ConsumerCursor cursor, ForwardingBudget budget) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(budget, "budget");
        return new ForwardingReader(journal, cursor, budget);
    }

    /** The next batch from what is acknowledged now; empty if there is nothing to send. */
    public ForwardBatch nextBatch() {
        int reserve = backlogDrained ? 0 : budget.minBacklogRecords();
        List<JournalRecord> liveRecords = live.next(budget.maxRecords() - reserve);
        if (!liveRecords.isEmpty()) {
            liveThrough = liveRecords.getLast().sequence();
        }
        List<JournalRecord> backlogRecords = readBacklog(budget.maxRecords() - liveRecords.size());
        long committable = backlogDrained ? liveThrough : backlogThrough;
        return new ForwardBatch(liveRecords, backlogRecords, committable);
    }

    /** Like {@link #nextBatch()}, but waits up to {@code maxWait} for a live record if there is nothing. */
    public ForwardBatch nextBatch(Duration maxWait) throws InterruptedException {
        ForwardBatch batch = nextBatch();
        if (batch.isEmpty() && journal.awaitSequence(live.position(), maxWait)) {
            return nextBatch();
        }
        return batch;
    }

    /**
     * Waits up to {@code maxWait} until a live record the reader has not returned yet is
     * acknowledged; true when there is one. Lets a forwarder start a short linger at the first new
     * record, so the rest of a poll cycle travels in the same batch.
     */
    public boolean awaitLive(Duration maxWait) throws InterruptedException {
        return journal.awaitSequence(live.position(), maxWait);
    }

    /** Stores in the consumer's cursor that the batch was delivered. */
    public void commit(ForwardBatch delivered) {
        if (delivered.committableThrough() > cursor.committed()) {
            cursor.commit(delivered.committableThrough());
        }
    }

    /** True while records from before the reader opened remain to be sent. */
    public boolean inBackfill() {
        return !backlogDrained;
    }

    /** The first live id: everything below it (and above the committed id at open) is backlog. */
    public long liveStart() {
        return liveStart;
    }

    @Override
    public void close() {
        live.close();
        backlog.close();
    }

    private List<JournalRecord> readBacklog(int room) {
        List<JournalRecord> records =
                new java.util.ArrayList<>(Math.min(room, 4096)); // the diode and HTTP forwarders read 4,096 at a time
        while (!backlogDrained && records.size() < room) {
            var next = backlog.next();
            if (next.isEmpty() || next.get().sequence() >= liveStart) {
                backlogDrained = true;
                backlogThrough = liveStart - 1;
                break;
            }
            records.add(next.get());
            backlogThrough = next.get().sequence();
        }
        return records;
    }
}
