package io.isthmus.observe.session;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Merges the shards' {@link EventBatch}es into the order one pipeline would have emitted them: by
 * packet number, then by place within the packet. Each shard's own output is already in that
 * order, and no key occurs in two shards (a flow and a frame belong to one), so an item can go out
 * as soon as no other shard can still produce a lower key: the others' next item or, when they
 * have none queued, the bound their last batch promised.
 */
final class ShardMerge {
    private static final class Lane {
        final BlockingQueue<EventBatch> queue;
        final BlockingQueue<EventBatch> spare;
        EventBatch batch;
        int next;

        Lane(BlockingQueue<EventBatch> queue, BlockingQueue<EventBatch> spare) {
            this.queue = queue;
            this.spare = spare;
        }

        boolean hasItem() {
            return batch != null && next < batch.count;
        }

        boolean done() {
            return batch != null && batch.last && next == batch.count;
        }

        /** The lowest key this lane can still produce: its next item, or its batch's bound. */
        long packet() {
            if (batch == null) {
                return Long.MIN_VALUE;
            }
            return next < batch.count ? batch.packet[next] : batch.boundPacket;
        }

        long place() {
            if (batch == null) {
                return Long.MIN_VALUE;
            }
            return next < batch.count ? batch.place[next] : batch.boundPlace;
        }
    }

    private final Lane[] lanes;
    private final Handoff handoff;
    private final Consumer<Observation> sink;
    private final Consumer<FlowSummary> flowSink;

    /** {@code queues[i]}: shard i's output; {@code spares[i]}: where its emitted batches go back to it. */
    ShardMerge(
            List<BlockingQueue<EventBatch>> queues,
            List<BlockingQueue<EventBatch>> spares,
            Handoff handoff,
            Consumer<Observation> sink,
            Consumer<FlowSummary> flowSink) {
        this.lanes = new Lane[queues.size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(queues.get(i), spares.get(i));
        }
        this.handoff = handoff;
        this.sink = sink;
        this.flowSink = flowSink;
    }

    void run() {
        while (true) {
            Lane low = lowest();
            if (low == null) {
                return;
            }
            if (!low.hasItem()) {
                // the lowest key is a bound: only that lane's next batch can move the merge on
                EventBatch emitted = low.batch;
                low.batch = handoff.take(low.queue);
                low.next = 0;
                if (emitted != null) {
                    emitted.reset();
                    low.spare.offer(emitted);
                }
                continue;
            }
            emitRun(low);
        }
    }

    /** The lane with the lowest key still possible, or null when every lane is done. */
    private Lane lowest() {
        Lane low = null;
        for (Lane l : lanes) {
            if (l.done()) {
                continue;
            }
            if (low == null || EventBatch.compare(l.packet(), l.place(), low.packet(), low.place()) < 0) {
                low = l;
            }
        }
        return low;
    }

    /** Emits {@code from}'s items while none of the other lanes can produce a lower key. */
    private void emitRun(Lane from) {
        long limitPacket = Long.MAX_VALUE;
        long limitPlace = Long.MAX_VALUE;
        for (Lane l : lanes) {
            if (l != from && !l.done() && EventBatch.compare(l.packet(), l.place(), limitPacket, limitPlace) < 0) {
                limitPacket = l.packet();
                limitPlace = l.place();
            }
        }
        EventBatch b = from.batch;
        int i = from.next;
        while (i < b.count && EventBatch.compare(b.packet[i], b.place[i], limitPacket, limitPlace) <= 0) {
            Object item = b.items[i];
            b.items[i] = null;
            i++;
            from.next = i;
            if (item instanceof Observation o) {
                sink.accept(o);
            } else {
                flowSink.accept((FlowSummary) item);
            }
        }
    }
}
