package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/** The merge of the shards' output batches: the single-threaded order, and emitted batches back to their shard. */
class ShardedAnalysisMergeTest {

    @Test
    void itemsLeaveByPacketThenPlaceAndEmittedBatchesGoBackEmptyToTheirShard() {
        BlockingQueue<EventBatch> out0 = new ArrayBlockingQueue<>(4);
        BlockingQueue<EventBatch> out1 = new ArrayBlockingQueue<>(4);
        BlockingQueue<EventBatch> spare0 = new ArrayBlockingQueue<>(4);
        BlockingQueue<EventBatch> spare1 = new ArrayBlockingQueue<>(4);
        EventBatch first0 = batch(new long[][] {{1, 1}, {3, 2}, {3, 3}}, 5, Long.MIN_VALUE, false);
        EventBatch second0 = batch(new long[][] {{6, 6}}, Long.MAX_VALUE, Long.MAX_VALUE, true);
        EventBatch first1 = batch(new long[][] {{2, 2}, {3, 1}, {7, 4}}, 8, Long.MIN_VALUE, false);
        EventBatch second1 = batch(new long[][] {{8, 1}}, Long.MAX_VALUE, Long.MAX_VALUE, true);
        out0.add(first0);
        out0.add(second0);
        out1.add(first1);
        out1.add(second1);
        List<Long> order = new ArrayList<>();

        new ShardMerge(
                        List.of(out0, out1),
                        List.of(spare0, spare1),
                        new Handoff(),
                        o -> order.add(o.timestampNanos()),
                        f -> {})
                .run();

        // timestamp = packet * 10 + place
        assertThat(order).containsExactly(11L, 22L, 31L, 32L, 33L, 66L, 74L, 81L);
        assertThat(spare0).containsExactly(first0);
        assertThat(spare1).containsExactly(first1);
        assertThat(first0.count).isZero();
        assertThat(first0.last).isFalse();
        assertThat(first0.items).containsOnlyNulls();
        assertThat(first1.items).containsOnlyNulls();
    }

    @Test
    void aShardFillsAReturnedBatchAgain() {
        EventBatch b = batch(new long[][] {{1, 1}, {2, 2}}, 3, 0, true);
        b.items[0] = null;
        b.items[1] = null;
        b.reset();
        b.add(9, 9, observation(9, 9));
        assertThat(b.count).isEqualTo(1);
        assertThat(b.last).isFalse();
        assertThat(b.packet[0]).isEqualTo(9);
    }

    private static EventBatch batch(long[][] keys, long boundPacket, long boundPlace, boolean last) {
        EventBatch b = new EventBatch(8);
        for (long[] k : keys) {
            b.add(k[0], k[1], observation(k[0], k[1]));
        }
        b.boundPacket = boundPacket;
        b.boundPlace = boundPlace;
        b.last = last;
        return b;
    }

    private static Observation observation(long packet, long place) {
        return new Observation(
                Optional.empty(), packet * 10 + place, Optional.empty(), Optional.empty(), 0, 0, 0, 0, 0, null);
    }
}
