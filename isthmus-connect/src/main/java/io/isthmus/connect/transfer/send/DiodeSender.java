package io.isthmus.connect.transfer.send;

import io.isthmus.connect.journal.EpochMicros;
import io.isthmus.connect.journal.ForwardingBudget;
import io.isthmus.connect.journal.ForwardingReader;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalReader;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordBlock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The OT side of the one-way transfer: reads the journal through its consumer cursor, frames and
 * erasure-codes batches, paces them with a token bucket and sends them; heartbeats say how far it
 * got. It only ever sends: no listening socket, no read from the network, no acknowledgement.
 *
 * <p>The cursor moves once a batch is handed to the kernel, because nothing better can be known on
 * a diode: what the link loses after that is reported by the receiver as a gap, and an operator can
 * {@link #replay} it. A restarted sender takes a new epoch and resends what was not committed.
 *
 * <p>With {@link SenderConfig#handOffBatches()} above 0 the calling thread only reads and encodes;
 * a sending thread of its own paces and sends the encoded batches and heartbeats in the order they
 * were encoded, with at most that many batches between the two. The cursor still moves only once a
 * batch's datagrams were handed to the kernel: the calling thread commits a journal batch when the
 * sending thread has sent all of it, and {@link #replay}, {@link #finish} and {@link #close} return
 * only after everything encoded was sent.
 *
 * <p>One sender belongs to one thread; {@link #status()} may be read from any thread.
 */
public final class DiodeSender implements AutoCloseable {
    private static final System.Logger log = System.getLogger(DiodeSender.class.getName());
    private static final int IP_UDP_HEADERS = 28;
    /**
     * The shortest pause the pacing takes. Sleeping for one datagram's worth of tokens (11 µs at 1
     * Gbit/s) would cost a system call and a timer per datagram and overshoot by the kernel's timer
     * slack anyway; sleeping at least this long lets the bucket refill and the next datagrams go
     * out in a burst of about this duration, which the bucket's own burst allowance already covers.
     */
    static final long MIN_PAUSE_NANOS = 1_000_000;
    /** Records read from the journal at a time (one {@link ForwardingReader} batch). */
    private static final int READ_RECORDS = 4096;

    private static final AtomicLong LAST_EPOCH = new AtomicLong();

    private final SenderConfig config;
    private final DatagramOut out;
    private final BatchEncoder encoder;
    /** What the forwarding and replay loops read into, reused from read to read. */
    private final RecordBlock block = new RecordBlock(READ_RECORDS, READ_RECORDS * 1024);

    private final long epoch;
    private final TokenBucket bucket;
    private final long startNanos = System.nanoTime();
    private long nextHeartbeatNanos;
    /** Null when the calling thread sends itself ({@code handOffBatches} 0). */
    private final HandOff handOff;
    /** The last batch sequence and journal id encoded (the calling thread's view, for heartbeats). */
    private long encodedSequence;

    private long encodedLastRecord;
    private volatile long sequence;
    private volatile long lastRecord;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong payloadBytes = new AtomicLong();
    private final AtomicLong datagrams = new AtomicLong();
    private final AtomicLong wireBytes = new AtomicLong();
    private final AtomicLong oversize = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();

    public DiodeSender(SenderConfig config, DatagramOut out) {
        this(config, out, newEpoch());
    }

    public DiodeSender(SenderConfig config, DatagramOut out, long epoch) {
        this.config = config;
        this.out = out;
        this.encoder = new BatchEncoder(config);
        this.epoch = epoch;
        long bytesPerSecond = Math.max(1, config.rateBitsPerSecond() / 8);
        // a burst of 5 ms of the rate (at least MIN_PAUSE_NANOS' worth), never less than four datagrams
        long burst = Math.max(4L * config.limits().maxDatagramBytes(), bytesPerSecond / 200);
        this.bucket = new TokenBucket(bytesPerSecond, burst, config.ramp(), startNanos);
        this.handOff = config.handOffBatches() == 0
                ? null
                : new HandOff(config.handOffBatches(), "diode-send-" + config.consumerName(), this::sendUnit);
    }

    /** A sender over UDP to {@link SenderConfig#destination()}. */
    public static DiodeSender udp(SenderConfig config) throws IOException {
        return new DiodeSender(config, new UdpOut(config.destination()));
    }

    /**
     * A new session epoch: microseconds since 1970 at start, so a restarted sender always has a
     * larger one (a clock stepped backwards still gets a fresh value within this JVM).
     */
    public static long newEpoch() {
        long now = EpochMicros.micros(Instant.now());
        return LAST_EPOCH.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    public long epoch() {
        return epoch;
    }

    /**
     * Forwards the journal through consumer {@link SenderConfig#consumerName()} until {@code running}
     * says stop: backlog and live records, heartbeats while idle.
     */
    public void forward(Journal journal, BooleanSupplier running) throws InterruptedException {
        forward(journal, running, null);
    }

    /**
     * Like {@link #forward(Journal, BooleanSupplier)}, and between batches also serves the replay
     * requests an operator queued in {@code requests} (null for none).
     */
    public void forward(Journal journal, BooleanSupplier running, ReplayRequests requests) throws InterruptedException {
        try (var reader = ForwardingReader.open(
                journal, journal.consumer(config.consumerName()), ForwardingBudget.of(READ_RECORDS))) {
            var unsent = new ArrayDeque<Unsent>();
            while (running.getAsBoolean()) {
                long committable = reader.nextBatch(block, config.heartbeatInterval());
                if (!block.isEmpty()) {
                    send(block, false);
                    if (handOff == null) {
                        reader.commit(committable);
                    } else {
                        unsent.add(new Unsent(handOff.published(), committable));
                    }
                }
                commitSent(reader, unsent);
                heartbeatIfDue();
                if (requests != null) {
                    for (var request : requests.pending()) {
                        long sent = replayRange(journal, request.from(), request.to());
                        drain();
                        requests.done(
                                request,
                                "re-sent " + sent + " records of " + request.from() + ".." + request.to() + " in epoch "
                                        + epoch);
                    }
                }
            }
            drain();
            commitSent(reader, unsent);
        }
        finish();
    }

    /** A journal batch encoded and handed to the sending thread, committed once {@code ticket} was sent. */
    private record Unsent(long ticket, long committableThrough) {}

    private void commitSent(ForwardingReader reader, ArrayDeque<Unsent> unsent) {
        long sent = handOff == null ? Long.MAX_VALUE : handOff.sentThrough();
        while (!unsent.isEmpty() && unsent.peekFirst().ticket() <= sent) {
            reader.commit(unsent.pollFirst().committableThrough());
        }
    }

    /** Returns once every datagram encoded so far was handed to the kernel. */
    private void drain() {
        if (handOff != null) {
            handOff.drain();
        }
    }

    /**
     * Re-sends journal ids {@code from..to} (inclusive) as replay batches: the operator's answer to a
     * gap the receiver reported. Returns the records sent; ids that no longer exist are skipped.
     */
    public long replay(Journal journal, long from, long to) {
        long sent = replayRange(journal, from, to);
        finish();
        return sent;
    }

    private long replayRange(Journal journal, long from, long to) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("replay range " + from + ".." + to + " must have 1 <= from <= to");
        }
        long sent = 0;
        long below = to == Long.MAX_VALUE ? Long.MAX_VALUE : to + 1;
        try (JournalReader reader = journal.read(from)) {
            while (true) {
                block.clear();
                if (reader.readInto(block, READ_RECORDS, below) == 0) {
                    break;
                }
                sent += block.size();
                send(block, true);
                heartbeatIfDue();
            }
        }
        return sent;
    }

    /** Frames, codes, paces and sends {@code batchRecords}, cut into batches as needed. */
    public void send(List<JournalRecord> batchRecords, boolean replay) {
        send(RecordBlock.of(batchRecords), replay);
    }

    /**
     * Frames, codes, paces and sends the records of {@code records}, cut into batches as needed; a
     * record too large for any batch is counted, logged and taken out of the block.
     */
    public void send(RecordBlock records, boolean replay) {
        encoder.dropOversize(records, i -> oversize(records.sequence(i), records.payloadLength(i)));
        for (int from = 0, to; from < records.size(); from = to) {
            to = encoder.batchEnd(records, from);
            long seq = encodedSequence + 1;
            long bytes = payloadBytes(records, from, to);
            long last = Math.max(encodedLastRecord, BatchEncoder.lastRecord(records, from, to));
            if (handOff == null) {
                for (int copy = 0; copy < config.redundancy(); copy++) {
                    encoder.encode(epoch, seq, replay, records, from, to, this::sendPaced);
                }
                countSent(seq, to - from, bytes, last);
            } else {
                HandOff.Unit unit = handOff.claim();
                for (int copy = 0; copy < config.redundancy(); copy++) {
                    encoder.encode(epoch, seq, replay, records, from, to, unit::add);
                }
                unit.sequence = seq;
                unit.records = to - from;
                unit.payloadBytes = bytes;
                unit.lastRecord = last;
                handOff.publish(unit);
            }
            encodedSequence = seq;
            encodedLastRecord = last;
        }
    }

    // loops in methods of their own, so that the JIT never compiles send() on stack with the whole
    // encoder inlined into it (BatchEncoder.Block says why)
    private static long payloadBytes(RecordBlock records, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += records.payloadLength(i);
        }
        return bytes;
    }

    /** Status after a batch's datagrams went to the kernel; on the thread that sent them. */
    private void countSent(long seq, long batchRecords, long bytes, long last) {
        sequence = seq;
        batches.incrementAndGet();
        records.addAndGet(batchRecords);
        payloadBytes.addAndGet(bytes);
        lastRecord = Math.max(lastRecord, last);
    }

    /** The sending thread's work: one batch's (or heartbeat's) datagrams, paced, in order. */
    private void sendUnit(HandOff.Unit unit) {
        byte[] bytes = unit.bytes();
        if (unit.heartbeat) {
            sendUnpaced(bytes, 0, unit.end(0));
            return;
        }
        for (int i = 0; i < unit.count(); i++) {
            sendPaced(bytes, unit.start(i), unit.end(i) - unit.start(i));
        }
        if (unit.sequence > 0) {
            countSent(unit.sequence, unit.records, unit.payloadBytes, unit.lastRecord);
        }
    }

    /**
     * Sends a heartbeat now (with a sending thread: after what was encoded before it). Heartbeats are
     * not paced: one small datagram per interval is nothing against the rate, and one held back by
     * the pacing's debt (a start-up ramp's low rate above all) would tell the receiver late.
     */
    public void heartbeat() {
        byte[] hb = encoder.heartbeat(epoch, encodedSequence, EpochMicros.micros(Instant.now()), encodedLastRecord);
        if (handOff == null) {
            sendUnpaced(hb, 0, hb.length);
        } else {
            HandOff.Unit unit = handOff.claim();
            unit.heartbeat = true;
            unit.add(hb, hb.length);
            handOff.publish(unit);
        }
        nextHeartbeatNanos = System.nanoTime() + config.heartbeatInterval().toNanos();
    }

    public void heartbeatIfDue() {
        if (System.nanoTime() - nextHeartbeatNanos >= 0) {
            heartbeat();
        }
    }

    public SenderStatus status() {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        return new SenderStatus(
                epoch,
                sequence,
                lastRecord,
                batches.get(),
                records.get(),
                payloadBytes.get(),
                datagrams.get(),
                wireBytes.get(),
                oversize.get(),
                sendErrors.get(),
                payloadBytes.get() * 8 / seconds);
    }

    /**
     * Three closing heartbeats, so the receiver learns the last sequence even if one is lost; returns
     * once they and everything before them were sent.
     */
    public void finish() {
        for (int i = 0; i < 3; i++) {
            heartbeat();
        }
        drain();
    }

    /** Sends what was encoded, stops the sending thread, closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (handOff != null) {
                handOff.close();
            }
        } finally {
            out.close();
        }
    }

    /** False on a transient send error (ENOBUFS, no route for a moment); logged once per 1000. */
    private boolean trySend(byte[] datagram, int offset, int length) {
        try {
            out.send(datagram, offset, length);
            return true;
        } catch (IOException e) {
            if (sendErrors.get() % 1000 == 0) {
                log.log(System.Logger.Level.WARNING, "could not send to " + config.destination() + ": " + e);
            }
            return false;
        }
    }

    private void oversize(long sequence, int payloadLength) {
        oversize.incrementAndGet();
        log.log(
                System.Logger.Level.WARNING,
                "journal record {0} has {1} bytes, more than one batch carries ({2}); it is not sent",
                sequence,
                payloadLength,
                encoder.maxRecordPayload());
    }

    private void sendPaced(byte[] datagram, int length) {
        sendPaced(datagram, 0, length);
    }

    private void sendPaced(byte[] datagram, int offset, int length) {
        long wait = bucket.take(length + IP_UDP_HEADERS, System.nanoTime());
        if (wait > 0) {
            long until = System.nanoTime() + Math.max(wait, MIN_PAUSE_NANOS);
            for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
        sendUnpaced(datagram, offset, length);
    }

    private void sendUnpaced(byte[] datagram, int offset, int length) {
        if (!trySend(datagram, offset, length)) {
            LockSupport.parkNanos(1_000_000);
            if (!trySend(datagram, offset, length)) {
                // the datagram is lost like any other: the erasure code or a gap report covers it
                sendErrors.incrementAndGet();
                return;
            }
        }
        datagrams.incrementAndGet();
        wireBytes.addAndGet(length);
    }
}
