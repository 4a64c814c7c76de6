package io.isthmus.observe.session;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.CloseReason;
import io.isthmus.observe.flow.Flow;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.flow.FlowListener;
import io.isthmus.observe.flow.FlowPipeline;
import io.isthmus.observe.flow.FlowStats;
import io.isthmus.wire.Direction;
import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.packet.DecodedPacket;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.PacketError;
import io.isthmus.wire.packet.PacketView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One shard of a {@link ShardedAnalysis}: its own flow pipeline and session layer over the packets
 * whose address pair hashes to it, letting capture time pass at every other packet as well, so that
 * idle flows time out at the same packets as in one pipeline. What the session layer emits is
 * queued with its {@link EventBatch key} for the merge.
 */
final class ShardWorker implements Runnable, FlowListener {
    /**
     * Items per output batch: the merge wakes about once per batch, so fewer, larger batches cost
     * less hand-off; batches are reused (see {@link #spare()}), so their size costs no allocation.
     */
    static final int EVENTS_PER_BATCH = 2048;

    /** A shard that reads the capture itself sends its output at least this often (packets), as per batch. */
    static final int PACKETS_PER_FLUSH = 4096;

    private final int index;
    private final Handoff handoff;
    private final BlockingQueue<PacketBatch> in;
    private final BlockingQueue<EventBatch> out;
    private final BlockingQueue<EventBatch> spare;
    private final BlockingQueue<PacketBatch> free;
    private final AnalysisStats stats;
    private final SessionLayer sessions;
    private final FlowPipeline pipeline;
    private EventBatch events = new EventBatch(EVENTS_PER_BATCH);
    /** The number of the packet being handled; {@code Long.MAX_VALUE} at the end of the capture. */
    private long packet;
    /** Where what is emitted now goes within the packet: the flow's {@link Flow#lastPacket()}. */
    private long place;
    /** The shard's own reader of the capture, or null when the packets come in batches. */
    private final CaptureSource own;

    private final int shards;
    private long first = -1;
    private long last = -1;

    /**
     * Shard {@code index} of {@code shards}. {@code own}: the shard's own reader of the capture, which
     * it reads whole ({@link #readOwn}), or null to take batches from {@link #input()}. {@code flows}:
     * whether flow summaries are wanted (sent with the observations); none are made without.
     */
    ShardWorker(
            int index,
            int shards,
            CaptureSource own,
            Handoff handoff,
            BlockingQueue<PacketBatch> free,
            int queuedBatches,
            DissectorRegistry registry,
            SessionLimits sessionLimits,
            FlowLimits flowLimits,
            boolean flows) {
        this.index = index;
        this.shards = shards;
        this.own = own;
        this.handoff = handoff;
        this.free = free;
        this.in = new ArrayBlockingQueue<>(queuedBatches);
        this.out = new ArrayBlockingQueue<>(queuedBatches * 2);
        this.spare = new ArrayBlockingQueue<>(queuedBatches * 2 + 2);
        this.stats = new AnalysisStats(sessionLimits);
        this.sessions =
                new SessionLayer(registry, sessionLimits, stats, this::emit, flows ? this::emit : FlowSummary.NONE);
        this.pipeline = new FlowPipeline(flowLimits, new PacketDecoder(), this);
    }

    BlockingQueue<PacketBatch> input() {
        return in;
    }

    BlockingQueue<EventBatch> output() {
        return out;
    }

    /**
     * Output batches the merge has emitted, for this shard to fill again ({@link EventBatch#reset}
     * first); when none is back, the shard makes a new one. Bounded: the merge drops what does not fit.
     */
    BlockingQueue<EventBatch> spare() {
        return spare;
    }

    AnalysisStats stats() {
        return stats;
    }

    FlowStats flowStats() {
        return pipeline.stats();
    }

    /** The first and last packet time this shard read (its own reading only), or -1. */
    long firstNanos() {
        return first;
    }

    long lastNanos() {
        return last;
    }

    @Override
    public void run() {
        if (own != null) {
            try {
                readOwn();
            } catch (Throwable t) {
                handoff.fail(Thread.currentThread().getName(), t);
            }
            return;
        }
        try {
            for (PacketBatch b = handoff.take(in); b != ShardedAnalysis.END; b = handoff.take(in)) {
                handle(b);
                long next = b.number(b.count());
                if (b.release()) {
                    b.clear();
                    handoff.put(free, b);
                }
                flush(next, Long.MIN_VALUE, false);
            }
            packet = Long.MAX_VALUE;
            pipeline.finish();
            flush(Long.MAX_VALUE, Long.MAX_VALUE, true);
        } catch (Throwable t) {
            handoff.fail(Thread.currentThread().getName(), t);
        }
    }

    /**
     * Every packet of the capture, read from {@link #own}: each is decoded once, its owner chosen as
     * the reading thread of the batch mode chooses ({@link ShardedAnalysis.Assignment}; every shard
     * reads the same packets in the same order, so all choose alike), and then handled as {@link
     * #handle} handles a batch's packets. Output goes to the merge every {@link #PACKETS_PER_FLUSH}
     * packets with the next packet's number as the bound.
     */
    private void readOwn() throws IOException {
        var assignment = new ShardedAnalysis.Assignment(shards);
        long number = 0;
        long flushAt = PACKETS_PER_FLUSH;
        while (own.advance()) {
            number++;
            readOne(assignment, number);
            if (number == flushAt) {
                flush(number + 1, Long.MIN_VALUE, false);
                flushAt += PACKETS_PER_FLUSH;
            }
        }
        packet = Long.MAX_VALUE;
        pipeline.finish();
        flush(Long.MAX_VALUE, Long.MAX_VALUE, true);
    }

    /**
     * One packet of {@link #readOwn}: a method of its own, so the JIT compiles it whole and inlines
     * it into the loop, rather than compiling the long-running loop on the stack (OSR) first.
     */
    private void readOne(ShardedAnalysis.Assignment assignment, long number) {
        CaptureRecord.Packet p = own.packet();
        ByteBuffer buffer = own.buffer();
        packet = number;
        long ts = p.timestampNanos();
        if (first < 0) {
            first = ts;
        }
        last = Math.max(last, ts);
        boolean decoded = pipeline.decode(buffer, p);
        PacketView view = pipeline.decoded();
        int owner = decoded ? assignment.shardOf(view) : assignment.undecoded();
        if (owner == index) {
            pipeline.sequence(number);
            pipeline.acceptDecoded(buffer, p, decoded);
        } else if (decoded) {
            pipeline.passTime(ts, view.isIp() && view.isFragment());
        }
    }

    private void handle(PacketBatch b) {
        ByteBuffer bytes = b.view(index);
        for (int i = 0, n = b.count(); i < n; i++) {
            packet = b.number(i);
            byte kind = b.kind(i);
            if (b.owner(i) == index) {
                pipeline.sequence(packet);
                pipeline.accept(bytes, b.packet(i));
            } else if (kind != PacketBatch.UNDECODED) {
                pipeline.passTime(b.packet(i).timestampNanos(), kind == PacketBatch.FRAGMENT);
            }
        }
    }

    private void emit(Object item) {
        if (events.full()) {
            flush(packet, place, false);
        }
        events.add(packet, place, item);
    }

    /** Sends what was emitted; the shard's next keys are at least (boundPacket, boundPlace). */
    private void flush(long boundPacket, long boundPlace, boolean last) {
        EventBatch e = events;
        e.boundPacket = boundPacket;
        e.boundPlace = boundPlace;
        e.last = last;
        handoff.put(out, e);
        EventBatch again = spare.poll();
        events = again != null ? again : new EventBatch(EVENTS_PER_BATCH);
    }

    @Override
    public void onStreamData(Flow flow, Direction direction, ByteBuffer data) {
        place = flow.lastPacket();
        sessions.onStreamData(flow, direction, data);
    }

    @Override
    public void onStreamGap(Flow flow, Direction direction, long missingBytes) {
        place = flow.lastPacket();
        sessions.onStreamGap(flow, direction, missingBytes);
    }

    @Override
    public void onStreamClose(Flow flow, Direction direction, CloseReason reason) {
        place = flow.lastPacket();
        sessions.onStreamClose(flow, direction, reason);
    }

    @Override
    public void onDatagram(Flow flow, Direction direction, ByteBuffer payload) {
        place = flow.lastPacket();
        sessions.onDatagram(flow, direction, payload);
    }

    @Override
    public void onOverlapConflict(Flow flow, Direction direction, long streamOffset, int length) {
        place = flow.lastPacket();
        sessions.onOverlapConflict(flow, direction, streamOffset, length);
    }

    @Override
    public void onFlowEnd(Flow flow, CloseReason reason) {
        place = flow.lastPacket();
        sessions.onFlowEnd(flow, reason);
    }

    @Override
    public void onFrame(DecodedPacket frame, ByteBuffer buffer, long timestampNanos) {
        place = packet;
        sessions.onFrame(frame, buffer, timestampNanos);
    }

    @Override
    public void onPacketError(PacketError error, long timestampNanos) {
        sessions.onPacketError(error, timestampNanos);
    }
}
