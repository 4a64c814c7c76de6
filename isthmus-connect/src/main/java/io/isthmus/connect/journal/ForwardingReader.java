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
    /** The highest id a batch returned so far lets the cursor commit. */
    private long handedOut;

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
        this.handedOut = cursor.committed();
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
        List<JournalRecord> liveRecords = live.next(liveRoom());
        if (!liveRecords.isEmpty()) {
            liveThrough = liveRecords.getLast().sequence();
        }
        int room = budget.maxRecords() - liveRecords.size();
        List<JournalRecord> backlogRecords = backlogDrained ? List.of() : backlog.next(room, liveStart);
        backlogRead(
                backlogRecords.size(),
                room,
                backlogRecords.isEmpty() ? 0 : backlogRecords.getLast().sequence());
        return new ForwardBatch(liveRecords, backlogRecords, committable());
    }

    /**
     * The next batch as {@link #nextBatch()} takes it, read into {@code into} (cleared first) instead
     * of a {@link JournalRecord} per record: live records first, then backlog records. Returns the id
     * every record up to which is in this batch or an earlier one, for {@link #commit(long)} once the
     * batch is delivered.
     */
    public long nextBatch(RecordBlock into) {
        into.clear();
        int liveCount = live.readInto(into, liveRoom(), Long.MAX_VALUE);
        if (liveCount > 0) {
            liveThrough = into.sequence(liveCount - 1);
        }
        int room = budget.maxRecords() - liveCount;
        int read = backlogDrained ? 0 : backlog.readInto(into, room, liveStart);
        backlogRead(read, room, read == 0 ? 0 : into.sequence(into.size() - 1));
        return committable();
    }

    /** Like {@link #nextBatch(RecordBlock)}, but waits up to {@code maxWait} for a live record if there is nothing. */
    public long nextBatch(RecordBlock into, Duration maxWait) throws InterruptedException {
        long committable = nextBatch(into);
        if (into.isEmpty() && journal.awaitSequence(live.position(), maxWait)) {
            return nextBatch(into);
        }
        return committable;
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
        commit(delivered.committableThrough());
    }

    /**
     * Stores in the consumer's cursor that the batches up to the one for which {@link
     * #nextBatch(RecordBlock)} returned {@code committableThrough} were delivered.
     *
     * @throws IllegalArgumentException if no batch returned so far allows it
     */
    public void commit(long committableThrough) {
        if (committableThrough > handedOut) {
            throw new IllegalArgumentException("commit through " + committableThrough
                    + ", but the batches returned so far allow at most " + handedOut);
        }
        if (committableThrough > cursor.committed()) {
            cursor.commit(committableThrough);
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

    /** Live records the next batch may take: all of it once the backlog is drained, less the backlog's share before. */
    private int liveRoom() {
        return budget.maxRecords() - (backlogDrained ? 0 : budget.minBacklogRecords());
    }

    /** After reading {@code read} backlog records (the last with id {@code last}) into {@code room} places. */
    private void backlogRead(int read, int room, long last) {
        if (backlogDrained || room <= 0) {
            return;
        }
        if (read > 0) {
            backlogThrough = last;
        }
        if (read < room) { // caught up with the live start, or nothing more below it exists
            backlogDrained = true;
            backlogThrough = liveStart - 1;
        }
    }

    /** What the batch just read lets the cursor commit; remembered for {@link #commit(long)}'s check. */
    private long committable() {
        long committable = backlogDrained ? liveThrough : backlogThrough;
        handedOut = Math.max(handedOut, committable);
        return committable;
    }
}
