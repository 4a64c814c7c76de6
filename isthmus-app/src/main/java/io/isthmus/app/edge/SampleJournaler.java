package io.isthmus.app.edge;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalClosedException;
import io.isthmus.connect.journal.JournalFullException;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.transfer.EventCodec;
import io.isthmus.model.Event;
import io.isthmus.model.Sample;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the drivers' samples into journal records: one {@code SAMPLE_BATCH} record per {@link
 * #LINGER} or {@link #MAX_BATCH} samples, so one fsync covers many samples, and one {@code EVENT}
 * record per event. A single thread appends; drivers hand samples over through a bounded queue and
 * block when it is full (back-pressure reaches the pollers, never memory).
 *
 * <p>When the journal refuses records (full, policy REJECT_NEW) the samples are dropped and counted
 * here, and the journal raises the DATA_LOSS event itself; events wait (at most {@link
 * #MAX_PENDING_EVENTS}, the rest counted) until the journal takes records again.
 */
final class SampleJournaler implements AutoCloseable {
    static final int MAX_BATCH = 1000;
    /**
     * From the first queued sample, how long to gather more into the same record (one fsync, and at
     * the hub one ingest transaction). 50 ms covers a poll cycle of a source (its blocks are read
     * back to back) and keeps the journal's share of a value's way to the console small (issue 9:
     * under 1 s end to end; it was 100 ms), while capping records at 20/s when six sources poll at
     * 250 ms out of phase.
     */
    static final Duration LINGER = Duration.ofMillis(50);

    static final int QUEUE = 65_536;
    static final int MAX_PENDING_EVENTS = 1024;
    private static final Logger log = LoggerFactory.getLogger(SampleJournaler.class);

    private final Journal journal;
    private final Consumer<Journaled> appended;
    private final SampleBatchCodec codec = SampleBatchCodec.withDefaults();
    private final EventCodec events = EventCodec.withBundledAttack();
    private final BlockingQueue<Sample> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ArrayDeque<Event> pendingEvents = new ArrayDeque<>();
    private final LongAdder samplesJournaled = new LongAdder();
    private final LongAdder samplesDropped = new LongAdder();
    private final LongAdder eventsJournaled = new LongAdder();
    private final LongAdder eventsDropped = new LongAdder();
    private volatile boolean running = true;
    private Thread thread;

    SampleJournaler(Journal journal, Consumer<Journaled> appended) {
        this.journal = journal;
        this.appended = appended;
    }

    SampleJournaler start() {
        thread = Thread.ofPlatform().daemon().name("isthmus-edge-journaler").start(this::run);
        return this;
    }

    /** A driver's sample; blocks while the queue is full. */
    void accept(Sample s) {
        try {
            queue.put(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event to forward; never blocks (the journal's listener calls it). */
    void raise(Event e) {
        synchronized (pendingEvents) {
            if (pendingEvents.size() >= MAX_PENDING_EVENTS) {
                eventsDropped.increment();
                return;
            }
            pendingEvents.add(e);
        }
    }

    long samplesJournaled() {
        return samplesJournaled.sum();
    }

    long samplesDropped() {
        return samplesDropped.sum();
    }

    long eventsJournaled() {
        return eventsJournaled.sum();
    }

    long eventsDropped() {
        return eventsDropped.sum();
    }

    private void run() {
        List<Sample> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (running || !queue.isEmpty()) {
                collect(batch);
                appendEvents();
                if (!batch.isEmpty()) {
                    appendSamples(batch);
                    batch.clear();
                }
            }
            appendEvents();
        } catch (InterruptedException e) {
            // closed
        } catch (JournalClosedException e) {
            log.debug("journal closed while samples were pending: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("the edge can no longer journal samples: {}", e.toString(), e);
        }
    }

    private void collect(List<Sample> batch) throws InterruptedException {
        Sample first = queue.poll(LINGER.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            Sample s = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (s == null) {
                return;
            }
            batch.add(s);
        }
    }

    private void appendSamples(List<Sample> batch) {
        byte[] payload = codec.encode(batch);
        if (payload.length > journal.config().maxRecordBytes() && batch.size() > 1) {
            // a small journal's records are small: split until each half fits
            appendSamples(batch.subList(0, batch.size() / 2));
            appendSamples(batch.subList(batch.size() / 2, batch.size()));
            return;
        }
        try {
            long sequence = journal.append(RecordType.SAMPLE_BATCH, payload);
            samplesJournaled.add(batch.size());
            appended.accept(new Journaled(sequence, List.copyOf(batch)));
        } catch (JournalFullException e) {
            long before = samplesDropped.sum();
            samplesDropped.add(batch.size());
            if (before == 0 || Long.numberOfTrailingZeros(before) >= 10) {
                log.warn("journal full: {} sample(s) dropped so far ({})", samplesDropped.sum(), e.getMessage());
            }
        }
    }

    private void appendEvents() {
        while (true) {
            Event e;
            synchronized (pendingEvents) {
                e = pendingEvents.peek();
            }
            if (e == null) {
                return;
            }
            try {
                journal.append(RecordType.EVENT, events.encode(e));
            } catch (JournalFullException full) {
                return; // kept; tried again with the next batch
            }
            eventsJournaled.increment();
            synchronized (pendingEvents) {
                pendingEvents.poll();
            }
        }
    }

    /** Journals what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
