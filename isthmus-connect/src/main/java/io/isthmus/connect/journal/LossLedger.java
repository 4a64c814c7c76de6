package io.isthmus.connect.journal;

import io.isthmus.connect.journal.RecoveryReport.Corruption;
import io.isthmus.connect.journal.RecoveryReport.MissingTail;
import io.isthmus.connect.journal.RecoveryReport.TornTail;
import io.isthmus.connect.journal.RecoveryReport.UncleanShutdown;
import io.isthmus.connect.journal.RecoveryReport.UnreadableSegment;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Counts every lost record and turns each loss into an {@link Event}. Events are queued while the
 * journal holds its lock and handed to the listener by {@link #dispatch()} after it lets go, so a
 * slow listener never blocks appenders that hold the lock.
 */
final class LossLedger {
    private final String journal;
    private final InstantSource clock;
    private final Consumer<Event> listener;
    private final ConcurrentLinkedQueue<Event> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock dispatching = new ReentrantLock();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final ArrayDeque<Loss> recent = new ArrayDeque<>();
    private long dropped;
    private long rejected;
    private long corrupt;
    private long rejectedInEpisode;
    private Instant episodeStart;

    LossLedger(String journal, InstantSource clock, Consumer<Event> listener) {
        this.journal = journal;
        this.clock = clock;
        this.listener = listener;
    }

    /** Records deleted unread because the journal was full. */
    synchronized void dropped(SequenceRange range, List<String> consumersBehind, long totalBytes, long maxTotal) {
        dropped += range.size();
        remember(new Loss(LossCause.DROPPED_OLDEST, Optional.of(range), range.size(), clock.instant()));
        raise(
                EventKind.DATA_LOSS,
                Severity.HIGH,
                "Journal full: dropped " + range.size() + " unread records (ids " + range + ")",
                Evidence.of("the journal reached its size limit and deleted its oldest segment (policy DROP_OLDEST)")
                        .with("cause", LossCause.DROPPED_OLDEST.name())
                        .with("first_sequence", Long.toString(range.first()))
                        .with("last_sequence", Long.toString(range.last()))
                        .with("records", Long.toString(range.size()))
                        .with("consumers_behind", String.join(",", consumersBehind))
                        .with("total_bytes", Long.toString(totalBytes))
                        .with("max_total_bytes", Long.toString(maxTotal)));
    }

    /** One record refused; raises an event when an episode of refusals starts. Returns the total refused. */
    synchronized long rejected(long totalBytes, long maxTotal) {
        rejected++;
        rejectedInEpisode++;
        if (rejectedInEpisode == 1) {
            episodeStart = clock.instant();
            raise(
                    EventKind.DATA_LOSS,
                    Severity.HIGH,
                    "Journal full: rejecting new records",
                    Evidence.of("the journal reached its size limit and refuses new records until consumers catch up"
                                    + " (policy REJECT_NEW)")
                            .with("cause", LossCause.REJECTED_NEW.name())
                            .with("total_bytes", Long.toString(totalBytes))
                            .with("max_total_bytes", Long.toString(maxTotal)));
        }
        return rejected;
    }

    /** A record was stored; ends an episode of refusals with a summary of what it cost. */
    synchronized void accepted() {
        if (rejectedInEpisode == 0) {
            return;
        }
        Instant now = clock.instant();
        remember(new Loss(LossCause.REJECTED_NEW, Optional.empty(), rejectedInEpisode, now));
        raise(
                EventKind.DATA_LOSS,
                Severity.HIGH,
                "Journal accepts records again after rejecting " + rejectedInEpisode,
                Evidence.of("records refused while the journal was full (policy REJECT_NEW)")
                        .with("cause", LossCause.REJECTED_NEW.name())
                        .with("records", Long.toString(rejectedInEpisode))
                        .with("since", episodeStart.toString())
                        .with("until", now.toString()));
        rejectedInEpisode = 0;
    }

    /** Counts and raises what recovery found. */
    synchronized void recovered(RecoveryReport report) {
        for (var finding : report.findings()) {
            switch (finding) {
                case Corruption c -> c.lost().ifPresent(lost -> lostAtOpen(LossCause.CORRUPTED, lost, corruption(c)));
                case UnreadableSegment u ->
                    u.lost().ifPresent(lost -> lostAtOpen(LossCause.CORRUPTED, lost, unreadable(u)));
                case MissingTail m ->
                    lostAtOpen(
                            LossCause.MISSING_TAIL,
                            m.lost(),
                            Evidence.of("the journal was closed cleanly but its newest records are gone")
                                    .with(
                                            "first_sequence",
                                            Long.toString(m.lost().first()))
                                    .with(
                                            "last_sequence",
                                            Long.toString(m.lost().last())));
                case TornTail t ->
                    raise(
                            EventKind.SYSTEM,
                            Severity.LOW,
                            "Journal recovery truncated a torn record at the end of "
                                    + t.segment().getFileName(),
                            Evidence.of("a write cut short by a crash; with an fsync policy it was never acknowledged")
                                    .with("segment", t.segment().toString())
                                    .with("offset", Long.toString(t.offset()))
                                    .with("bytes_truncated", Long.toString(t.bytesTruncated()))
                                    .with("error", t.error().name())
                                    .with("last_good_sequence", Long.toString(t.lastGoodSequence())));
                case UncleanShutdown u ->
                    raise(
                            EventKind.SYSTEM,
                            Severity.LOW,
                            "Journal was not closed cleanly; ids continue at " + u.nextSequence(),
                            Evidence.of("the previous run ended without closing the journal")
                                    .with("last_found_sequence", Long.toString(u.lastFoundSequence()))
                                    .with("next_sequence", Long.toString(u.nextSequence())));
            }
        }
    }

    synchronized long droppedRecords() {
        return dropped;
    }

    synchronized long rejectedRecords() {
        return rejected;
    }

    synchronized long corruptRecords() {
        return corrupt;
    }

    synchronized List<Loss> recentLosses() {
        return List.copyOf(recent);
    }

    long listenerFailures() {
        return listenerFailures.get();
    }

    /**
     * Hands queued events to the listener, in order. A listener that throws loses nothing but its
     * own event; the failure is counted in {@link JournalStats#listenerFailures()}.
     */
    void dispatch() {
        if (pending.isEmpty()) {
            return;
        }
        dispatching.lock();
        try {
            Event event;
            while ((event = pending.poll()) != null) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    listenerFailures.incrementAndGet();
                }
            }
        } finally {
            dispatching.unlock();
        }
    }

    private void lostAtOpen(LossCause cause, SequenceRange lost, Evidence evidence) {
        corrupt += lost.size();
        remember(new Loss(cause, Optional.of(lost), lost.size(), clock.instant()));
        raise(EventKind.DATA_LOSS, Severity.HIGH, "Journal recovery: records lost (ids " + lost + ")", evidence);
    }

    private static Evidence corruption(Corruption c) {
        return Evidence.of("bytes in the middle of the journal are not valid records")
                .with("cause", LossCause.CORRUPTED.name())
                .with("segment", c.segment().toString())
                .with("offset", Long.toString(c.offset()))
                .with("length", Long.toString(c.length()))
                .with("error", c.error().name())
                .with("last_good_sequence", Long.toString(c.lastGoodSequence()))
                .with("next_good_sequence", Long.toString(c.nextGoodSequence()));
    }

    private static Evidence unreadable(UnreadableSegment u) {
        return Evidence.of("a segment's header is not valid; none of its records can be read")
                .with("cause", LossCause.CORRUPTED.name())
                .with("segment", u.segment().toString())
                .with("error", u.error().name())
                .with("bytes", Long.toString(u.bytes()));
    }

    private void remember(Loss loss) {
        if (recent.size() == JournalStats.RECENT_LOSSES) {
            recent.removeFirst();
        }
        recent.addLast(loss);
    }

    private void raise(EventKind kind, Severity severity, String title, Evidence evidence) {
        pending.add(new Event(
                clock.instant(), kind, severity, title, List.of(), List.of(), evidence.with("journal", journal)));
    }
}
