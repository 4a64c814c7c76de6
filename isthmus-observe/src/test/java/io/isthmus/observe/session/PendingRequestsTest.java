package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive table behaves as the insertion-ordered, bounded map it replaced. */
class PendingRequestsTest {

    @Test
    void aResponseFindsItsRequestsTimeOnceAndAnUnknownKeyFindsNothing() {
        PendingRequests p = new PendingRequests(256);
        p.request(PendingRequests.key(1, 7), 1_000);
        assertThat(p.response(PendingRequests.key(1, 8))).isEqualTo(-1);
        assertThat(p.response(PendingRequests.key(1, 7))).isEqualTo(1_000);
        assertThat(p.response(PendingRequests.key(1, 7))).isEqualTo(-1);
        assertThat(p.size()).isZero();
    }

    @Test
    void whenFullTheOldestRequestIsDroppedAndCounted() {
        PendingRequests p = new PendingRequests(3);
        for (long t = 0; t < 5; t++) {
            p.request(t, t * 10);
        }
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.evicted).isEqualTo(2);
        assertThat(p.response(0)).isEqualTo(-1);
        assertThat(p.response(1)).isEqualTo(-1);
        assertThat(p.response(2)).isEqualTo(20);
    }

    @Test
    void randomRequestsAndResponsesMatchAnInsertionOrderedBoundedMap() {
        Random random = new Random(5);
        // A share of requests above one half fills the table (the index, compaction and
        // eviction); below it the table stays small (the linear search and its holes).
        for (int requestPercent : new int[] {50, 30, 70, 95}) {
            for (int max : new int[] {1, 2, 7, 8, 9, 100, 256}) {
                matchesTheModel(random, max, requestPercent, max * 2 + 2);
            }
        }
    }

    @Test
    void aFloodOfUnansweredRequestsWithFewAnswersMatchesTheModel() {
        Random random = new Random(11);
        matchesTheModel(random, 256, 97, 100_000);
        matchesTheModel(random, 33, 90, 1_000);
    }

    private static void matchesTheModel(Random random, int max, int requestPercent, int transactions) {
        PendingRequests p = new PendingRequests(max);
        PairingModel model = new PairingModel(max);
        for (int step = 0; step < 20_000; step++) {
            long key = PendingRequests.key(random.nextInt(3), random.nextInt(transactions));
            if (random.nextInt(100) < requestPercent) {
                p.request(key, step);
                model.request(key, step);
            } else {
                assertThat(p.response(key)).isEqualTo(model.response(key));
            }
            assertThat(p.size()).isEqualTo(model.size());
            assertThat(p.evicted).isEqualTo(model.evicted());
        }
        for (Map.Entry<Long, Long> e : model.waiting().entrySet()) {
            assertThat(p.response(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(p.size()).isZero();
    }
}
