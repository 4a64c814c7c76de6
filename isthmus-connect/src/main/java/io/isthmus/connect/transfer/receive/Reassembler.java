package io.isthmus.connect.transfer.receive;

import io.isthmus.connect.journal.EpochMicros;
import io.isthmus.connect.transfer.fec.CauchyXorCode;
import io.isthmus.connect.transfer.frame.BatchBody;
import io.isthmus.connect.transfer.frame.DiodeFrame;
import io.isthmus.connect.transfer.frame.FrameCodec;
import io.isthmus.connect.transfer.frame.FrameDecoding;
import io.isthmus.connect.transfer.frame.FrameError;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiver's logic without the socket: datagrams in, verified batches and gaps out to a {@link
 * TransferSink}. Per sender epoch it collects fragments, rebuilds missing data fragments with the
 * erasure code once any {@code k} of {@code k + m} are there, checks the body's SHA-256, drops
 * duplicates, and delivers batches in sequence order.
 *
 * <p>A batch is given up, and reported in a {@link Gap}, when a batch {@link
 * ReceiverConfig#reorderWindow} sequences later has been seen, or {@link ReceiverConfig#gapTimeout}
 * after a later batch or a heartbeat showed that it exists. Consecutive lost batches make one gap.
 * Time comes in as a number ({@link System#nanoTime()} in production), so tests drive it.
 *
 * <p>Memory is bounded: the bytes held for batches not yet delivered by {@link
 * ReceiverConfig#maxBufferedBytes} (fragments of incomplete batches, and the bodies of complete ones
 * that wait behind a missing batch: beyond it the oldest missing or incomplete batch is given up,
 * so a gap after a stall holds back at most that much, however large the batches, where the reorder
 * window alone let 512 batches of 47 jumbo fragments, about 200 MB, wait for up to 1.4 s at
 * 1.2 Gbit/s), sessions by {@link ReceiverConfig#maxSessions}, and each session's window by the
 * reorder window. Not thread-safe: the receiver's thread owns it; {@link #status()} is a snapshot
 * taken on that thread.
 */
public final class Reassembler {
    private static final int RECENT_GAPS = 32;
    private static final int MAX_GAP_TAGS = 64;

    private final ReceiverConfig config;
    private final TransferSink sink;
    private final InstantSource clock;
    private final FrameCodec codec;
    private final BatchBody bodies;
    private final Map<Long, CauchyXorCode> codes = new HashMap<>();
    private final LinkedHashMap<Long, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private final EnumMap<FrameError, Long> badFrames = new EnumMap<>(FrameError.class);
    private final ArrayDeque<Gap> recentGaps = new ArrayDeque<>();
    private final long startNanos;
    private long bufferedBytes;
    private long lastEpoch;
    private long lastDelivered;
    private long batches;
    private long records;
    private long payloadBytes;
    private long datagrams;
    private long recovered;
    private long lostBatches;
    private long duplicates;
    private long corrupt;
    private long lastNanos;
    private long recoveredFragments;
    private java.time.Instant lastHeartbeat;

    public Reassembler(ReceiverConfig config, TransferSink sink, InstantSource clock, long nowNanos) {
        this.config = config;
        this.sink = sink;
        this.clock = clock;
        this.codec = new FrameCodec(config.limits());
        this.bodies = new BatchBody(config.limits());
        this.startNanos = nowNanos;
        this.lastNanos = nowNanos;
    }

    /** Takes one datagram as it came off the socket. */
    public void accept(byte[] buf, int offset, int length, long nowNanos) {
        lastNanos = nowNanos;
        datagrams++;
        if (alreadyHave(buf, offset, length)) {
            duplicates++;
            return;
        }
        switch (codec.decode(buf, offset, length)) {
            case FrameDecoding.Malformed m -> badFrames.merge(m.error(), 1L, Long::sum);
            case FrameDecoding.Decoded d -> accept(d.frame(), nowNanos);
        }
    }

    /**
     * Whether the datagram claims a batch that was already delivered, given up or rebuilt: such a
     * copy is dropped before its CRC is checked and its shard copied ({@link
     * FrameCodec#claimsBatchFrame}), since the full decode would only have counted it as a duplicate.
     */
    private boolean alreadyHave(byte[] buf, int offset, int length) {
        if (!FrameCodec.claimsBatchFrame(buf, offset, length)) {
            return false;
        }
        Session s = sessions.get(FrameCodec.claimedEpoch(buf, offset));
        if (s == null) {
            return false;
        }
        long sequence = FrameCodec.claimedSequence(buf, offset);
        if (sequence < s.next) {
            return sequence >= 1;
        }
        Pending p = s.pending.get(sequence);
        return p != null && p.records != null;
    }

    /** Gives up batches whose time is over; call it regularly, also when nothing arrives. */
    public void tick(long nowNanos) {
        lastNanos = nowNanos;
        for (Session s : List.copyOf(sessions.values())) {
            advance(s, nowNanos);
        }
    }

    /** Gives up everything still incomplete, in every session: the receiver is stopping. */
    public void finish() {
        for (Session s : List.copyOf(sessions.values())) {
            close(s);
        }
        sessions.clear();
    }

    public ReceiverStatus status() {
        Session last = sessions.get(lastEpoch);
        double seconds = Math.max(1e-9, (lastNanos - startNanos) / 1e9);
        return new ReceiverStatus(
                lastEpoch,
                last == null ? lastDelivered : last.next - 1,
                batches,
                records,
                payloadBytes,
                datagrams,
                recovered,
                lostBatches,
                duplicates,
                corrupt,
                badFrames,
                List.copyOf(recentGaps),
                payloadBytes * 8 / seconds,
                recoveredFragments,
                java.util.Optional.ofNullable(lastHeartbeat));
    }

    private void accept(DiodeFrame frame, long now) {
        Session s = session(frame.epoch(), now);
        lastEpoch = frame.epoch();
        s.known(frame.sequence(), now);
        switch (frame) {
            case DiodeFrame.Heartbeat h -> {
                s.announced = Math.max(s.announced, h.lastRecord());
                lastHeartbeat = clock.instant();
            }
            case DiodeFrame.Manifest m -> {
                Pending p = s.pending(m.sequence());
                if (p == null) {
                    duplicates++;
                } else if (p.manifest == null) {
                    p.manifest = m;
                }
            }
            case DiodeFrame.Fragment f -> fragment(s, f);
        }
        advance(s, now);
    }

    private void fragment(Session s, DiodeFrame.Fragment f) {
        s.replay |= f.replay();
        Pending p = s.pending(f.sequence());
        if (p == null || p.records != null || p.corrupt) {
            duplicates++;
            return;
        }
        if (p.shards == null) {
            p.shape(f);
        } else if (p.dataCount != f.dataCount()
                || p.parityCount != f.parityCount()
                || p.bodyLength != f.bodyLength()
                || p.firstRecord != f.firstRecord()
                || p.lastRecord != f.lastRecord()
                || p.recordCount != f.recordCount()) {
            badFrames.merge(FrameError.BAD_FIELD, 1L, Long::sum);
            return;
        }
        if (p.present[f.index()]) {
            duplicates++;
            return;
        }
        p.present[f.index()] = true;
        p.shards[f.index()] = f.shard();
        p.count++;
        bufferedBytes += f.shard().length;
        if (p.count == p.dataCount) {
            complete(p);
        }
    }

    /**
     * The batch's {@code k}-th fragment arrived: rebuild what is missing, join the data fragments and
     * decode the body. Each loop is a method of its own, so the JIT compiles them apart instead of one
     * large method (27 KB of machine code, compiled twice) with all of them inlined.
     */
    private void complete(Pending p) {
        int shardLength = FrameCodec.shardLength(p.bodyLength, p.dataCount);
        int missing = missingData(p);
        recoveredFragments += missing;
        if (missing > 0) {
            rebuild(p, shardLength);
        }
        byte[] body = joinData(p, shardLength);
        release(p);
        decodeBody(p, body, missing > 0);
        if (p.records != null) { // held until delivered: behind a missing batch that may be a while
            p.heldBytes = body.length;
            bufferedBytes += body.length;
        }
    }

    private static int missingData(Pending p) {
        int missing = 0;
        for (int i = 0; i < p.dataCount; i++) {
            missing += p.present[i] ? 0 : 1;
        }
        return missing;
    }

    /** Rebuilds the missing data fragments from any {@code k} of {@code k + m} (the erasure code). */
    private void rebuild(Pending p, int shardLength) {
        for (int i = 0; i < p.shards.length; i++) {
            if (p.shards[i] == null) {
                p.shards[i] = new byte[shardLength];
            }
        }
        int k = p.dataCount;
        int m = p.parityCount;
        codes.computeIfAbsent((long) k << 32 | m, key -> new CauchyXorCode(k, m))
                .decode(p.shards, p.present, shardLength);
    }

    private static byte[] joinData(Pending p, int shardLength) {
        byte[] body = new byte[p.bodyLength];
        for (int i = 0; i < p.dataCount; i++) {
            int from = i * shardLength;
            System.arraycopy(p.shards[i], 0, body, from, Math.max(0, Math.min(shardLength, p.bodyLength - from)));
        }
        return body;
    }

    private void decodeBody(Pending p, byte[] body, boolean rebuilt) {
        switch (bodies.decode(body, body.length)) {
            case BatchBody.Decoding.Decoded d -> {
                p.records = d.records();
                p.recovered = rebuilt;
            }
            case BatchBody.Decoding.Malformed m -> {
                corrupt++;
                p.corrupt = true;
            }
        }
    }

    /** Delivers what is complete in order and gives up what is overdue. */
    private void advance(Session s, long now) {
        while (true) {
            Pending p = s.pending.get(s.next);
            if (p != null && p.records != null) {
                deliver(s, p);
                continue;
            }
            long overdue = s.overdueThrough(now, config);
            if (bufferedBytes > config.maxBufferedBytes() && !s.pending.isEmpty()) {
                overdue = Math.max(overdue, s.pending.firstKey());
            }
            if (s.next > overdue || s.next > s.highest) {
                break;
            }
            lose(s, s.next, lostThrough(s, Math.min(overdue, s.highest)));
        }
        s.trimEvidence();
    }

    /**
     * The last sequence of the run from {@code s.next} that is lost: {@code end}, or the one before
     * the first complete batch up to it.
     */
    private static long lostThrough(Session s, long end) {
        for (var e : s.pending.subMap(s.next, true, end, true).entrySet()) {
            if (e.getValue().records != null) {
                return e.getKey() - 1;
            }
        }
        return end;
    }

    private void deliver(Session s, Pending p) {
        s.pending.remove(s.next);
        bufferedBytes -= p.heldBytes;
        batches++;
        records += p.records.size();
        countPayload(s, p.records);
        if (p.recovered) {
            recovered++;
        }
        lastDelivered = s.next;
        sink.deliver(new Delivery(s.epoch, s.next, s.replay, p.recovered, p.records));
        s.next++;
    }

    private void countPayload(Session s, List<io.isthmus.connect.journal.JournalRecord> delivered) {
        long bytes = 0;
        long last = s.lastRecord;
        for (var r : delivered) {
            bytes += r.payload().length;
            last = Math.max(last, r.sequence());
        }
        payloadBytes += bytes;
        s.lastRecord = last;
    }

    private void lose(Session s, long from, long to) {
        var lost = s.pending.subMap(from, true, to, true);
        long first = Long.MAX_VALUE;
        long last = 0;
        long recordCount = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long known = 0;
        var tags = new java.util.TreeSet<String>();
        for (Pending p : lost.values()) {
            boolean fragments = p.shards != null || p.corrupt;
            release(p);
            if (p.manifest != null) {
                first = Math.min(first, p.manifest.firstRecord());
                last = Math.max(last, p.manifest.lastRecord());
                recordCount += p.manifest.recordCount();
                min = Math.min(min, p.manifest.minMicros());
                max = Math.max(max, p.manifest.maxMicros());
                for (String t : p.manifest.tags()) {
                    if (tags.size() < MAX_GAP_TAGS) {
                        tags.add(t);
                    }
                }
                known++;
            } else if (fragments) {
                first = Math.min(first, p.firstRecord);
                last = Math.max(last, p.lastRecord);
                recordCount += p.recordCount;
                known++;
            }
        }
        lost.clear();
        long before = s.announced;
        Pending after = s.pending.get(to + 1);
        if (after != null && after.manifest != null) {
            before = after.manifest.firstRecord() - 1;
        } else if (after != null && after.firstRecord > 0) {
            before = after.firstRecord - 1;
        } else if (after != null && after.records != null && !after.records.isEmpty()) {
            before = after.records.stream().mapToLong(r -> r.sequence()).min().getAsLong() - 1;
        }
        long count = to - from + 1;
        lostBatches += count;
        var gap = new Gap(
                s.epoch,
                from,
                to,
                s.replay,
                first == Long.MAX_VALUE ? 0 : first,
                last,
                recordCount,
                s.lastRecord,
                before,
                count - known,
                new ArrayList<>(tags),
                min == Long.MAX_VALUE ? java.util.Optional.empty() : java.util.Optional.of(EpochMicros.instant(min)),
                max == Long.MIN_VALUE ? java.util.Optional.empty() : java.util.Optional.of(EpochMicros.instant(max)),
                clock.instant());
        if (recentGaps.size() == RECENT_GAPS) {
            recentGaps.removeFirst();
        }
        recentGaps.addLast(gap);
        s.next = to + 1;
        sink.lost(gap);
    }

    private void release(Pending p) {
        bufferedBytes -= p.heldBytes; // a complete batch given up with its predecessors (a session closed)
        p.heldBytes = 0;
        if (p.shards != null) {
            for (byte[] shard : p.shards) {
                if (shard != null) {
                    bufferedBytes -= shard.length;
                }
            }
        }
        p.shards = null;
        p.present = null;
    }

    private Session session(long epoch, long now) {
        Session s = sessions.get(epoch);
        if (s != null) {
            return s;
        }
        if (sessions.size() >= config.maxSessions()) {
            var eldest = sessions.values().iterator().next();
            close(eldest);
            sessions.remove(eldest.epoch);
        }
        s = new Session(epoch);
        sessions.put(epoch, s);
        return s;
    }

    private void close(Session s) {
        while (s.next <= s.highest) {
            Pending p = s.pending.get(s.next);
            if (p != null && p.records != null) {
                deliver(s, p);
                continue;
            }
            lose(s, s.next, lostThrough(s, s.highest));
        }
    }

    /** The state of one sender epoch. */
    private static final class Session {
        final long epoch;
        final TreeMap<Long, Pending> pending = new TreeMap<>();
        /** Pairs (sequence, nanos): every sequence up to the first was known to exist at the second. */
        final ArrayDeque<long[]> evidence = new ArrayDeque<>();

        long next = 1;
        long highest;
        long lastRecord;
        /** The newest journal id a heartbeat announced. */
        long announced;

        boolean replay;

        Session(long epoch) {
            this.epoch = epoch;
        }

        void known(long sequence, long now) {
            if (sequence > highest) {
                highest = sequence;
                evidence.addLast(new long[] {sequence, now});
            }
        }

        /** The pending state of {@code sequence}, or null if it was delivered or given up. */
        Pending pending(long sequence) {
            if (sequence < next) {
                return null;
            }
            return pending.computeIfAbsent(sequence, q -> new Pending());
        }

        /** The highest sequence that is overdue now: beyond the reorder window or past the timeout. */
        long overdueThrough(long now, ReceiverConfig config) {
            long overdue = highest - config.reorderWindow();
            long cutoff = now - config.gapTimeout().toNanos();
            for (long[] e : evidence) {
                if (e[1] - cutoff > 0) {
                    break;
                }
                overdue = Math.max(overdue, e[0]);
            }
            return overdue;
        }

        void trimEvidence() {
            while (evidence.size() > 1 && evidence.peekFirst()[0] < next) {
                evidence.removeFirst();
            }
        }
    }

    /** A batch being collected. */
    private static final class Pending {
        DiodeFrame.Manifest manifest;
        byte[][] shards;
        boolean[] present;
        int dataCount;
        int parityCount;
        int bodyLength;
        long firstRecord;
        long lastRecord;
        int recordCount;
        int count;
        List<io.isthmus.connect.journal.JournalRecord> records;
        /** Body bytes of a complete batch not yet delivered, counted in {@code bufferedBytes}. */
        long heldBytes;

        boolean recovered;
        boolean corrupt;

        void shape(DiodeFrame.Fragment f) {
            dataCount = f.dataCount();
            parityCount = f.parityCount();
            bodyLength = f.bodyLength();
            firstRecord = f.firstRecord();
            lastRecord = f.lastRecord();
            recordCount = f.recordCount();
            shards = new byte[dataCount + parityCount][];
            present = new boolean[dataCount + parityCount];
        }
    }
}
