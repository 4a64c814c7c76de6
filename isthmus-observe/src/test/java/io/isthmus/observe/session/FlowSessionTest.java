package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A flow's pairing (its lone waiting request in the session itself, more in a {@link
 * PendingRequests} table) behaves as the insertion-ordered, bounded map the table replaced.
 */
class FlowSessionTest {

    @Test
    void aLoneRequestIsAnsweredOnceAndARepeatedKeyTakesTheNewTime() {
        FlowSession s = new FlowSession();
        assertThat(s.response(7)).isEqualTo(-1);
        s.request(7, 1_000, 256);
        s.request(7, 2_000, 256);
        assertThat(s.unanswered()).isEqualTo(1);
        assertThat(s.response(8)).isEqualTo(-1);
        assertThat(s.response(7)).isEqualTo(2_000);
        assertThat(s.response(7)).isEqualTo(-1);
        assertThat(s.unanswered()).isZero();
    }

    @Test
    void aSecondRequestKeepsTheFirstOldestAndTheBoundDropsIt() {
        FlowSession s = new FlowSession();
        s.request(1, 10, 1);
        s.request(2, 20, 1);
        assertThat(s.unanswered()).as("one waiting, one dropped").isEqualTo(2);
        assertThat(s.response(1)).isEqualTo(-1);
        assertThat(s.response(2)).isEqualTo(20);
        s.request(3, 30, 1);
        assertThat(s.response(3)).isEqualTo(30);
        assertThat(s.unanswered()).isEqualTo(1);
    }

    @Test
    void randomRequestsAndResponsesMatchAnInsertionOrderedBoundedMap() {
        Random random = new Random(23);
        for (int requestPercent : new int[] {50, 30, 70, 95}) {
            for (int max : new int[] {1, 2, 3, 8, 9, 256}) {
                for (int transactions : new int[] {1, 2, 4, max * 2 + 2}) {
                    matchesTheModel(random, max, requestPercent, transactions);
                }
            }
        }
    }

    private static void matchesTheModel(Random random, int max, int requestPercent, int transactions) {
        FlowSession s = new FlowSession();
        PairingModel model = new PairingModel(max);
        for (int step = 0; step < 5_000; step++) {
            long key = PendingRequests.key(random.nextInt(2), random.nextInt(transactions));
            if (random.nextInt(100) < requestPercent) {
                s.request(key, step, max);
                model.request(key, step);
            } else {
                assertThat(s.response(key)).isEqualTo(model.response(key));
            }
            assertThat(s.unanswered()).isEqualTo(model.size() + model.evicted());
        }
        for (Map.Entry<Long, Long> e : model.waiting().entrySet()) {
            assertThat(s.response(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(s.unanswered()).isEqualTo(model.evicted());
    }
}
