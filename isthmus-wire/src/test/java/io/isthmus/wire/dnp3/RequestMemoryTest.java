package io.isthmus.wire.dnp3;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The last request per application sequence number (IEEE 1815-2012 clause 4.2.2.4.3, SEQ is 4
 * bits) answers only a response between the same two stations with the same sequence.
 */
class RequestMemoryTest {

    @Test
    void nothingIsRememberedBeforeTheFirstRequest() {
        var memory = new RequestMemory();
        for (int sequence = 0; sequence < 16; sequence++) {
            assertThat(memory.answer(sequence, 0, 0)).isEmpty();
        }
    }

    @Test
    void everyKindComesBackForItsSequenceAndStationsOnly() {
        for (AccessKind kind : AccessKind.values()) {
            var memory = new RequestMemory();
            memory.remember(5, 0xFFFF, 0xABCD, kind);
            assertThat(memory.answer(5, 0xFFFF, 0xABCD)).contains(kind);
            assertThat(memory.answer(21, 0xFFFF, 0xABCD))
                    .as("sequence is 4 bits")
                    .contains(kind);
            assertThat(memory.answer(6, 0xFFFF, 0xABCD)).isEmpty();
            assertThat(memory.answer(5, 0xABCD, 0xFFFF)).as("stations swapped").isEmpty();
            assertThat(memory.answer(5, 0xFFFE, 0xABCD)).isEmpty();
            assertThat(memory.answer(5, 0xFFFF, 0)).isEmpty();
        }
    }

    @Test
    void aLaterRequestWithTheSameSequenceReplacesTheEarlierOne() {
        var memory = new RequestMemory();
        memory.remember(3, 1, 10, AccessKind.READ);
        memory.remember(19, 2, 20, AccessKind.CONTROL);
        assertThat(memory.answer(3, 1, 10)).isEmpty();
        assertThat(memory.answer(3, 2, 20)).contains(AccessKind.CONTROL);
        assertThat(memory.answer(4, 2, 20)).isEmpty();
    }

    @Test
    void addressZeroIsAStationLikeAnyOther() {
        var memory = new RequestMemory();
        memory.remember(0, 0, 0, AccessKind.WRITE);
        assertThat(memory.answer(0, 0, 0)).contains(AccessKind.WRITE);
    }

    @Test
    void aSecondStationPairKeepsWhatTheFirstRemembered() {
        var memory = new RequestMemory();
        memory.remember(1, 1, 10, AccessKind.READ);
        memory.remember(2, 1, 10, AccessKind.CONTROL);
        memory.remember(3, 2, 20, AccessKind.WRITE);
        assertThat(memory.answer(1, 1, 10)).contains(AccessKind.READ);
        assertThat(memory.answer(2, 1, 10)).contains(AccessKind.CONTROL);
        assertThat(memory.answer(3, 2, 20)).contains(AccessKind.WRITE);
        assertThat(memory.answer(3, 1, 10)).isEmpty();
        assertThat(memory.answer(1, 2, 20)).isEmpty();
    }

    /** Against a map from sequence to the last request's stations and kind, over few and many station pairs. */
    @Test
    void randomRequestsAndAnswersAgreeWithAMapOfTheLastRequestPerSequence() {
        AccessKind[] kinds = AccessKind.values();
        for (int pairs : new int[] {1, 2, 3, 50}) {
            for (long seed = 0; seed < 40; seed++) {
                var random = new SplittableRandom(seed * 100 + pairs);
                var memory = new RequestMemory();
                Map<Integer, int[]> model = new HashMap<>(); // slot -> master, outstation, ordinal
                for (int step = 0; step < 400; step++) {
                    int pair = random.nextInt(pairs);
                    int master = pair == 0 ? 1 : pair * 7919 & 0xFFFF;
                    int outstation = pair == 0 ? 10 : pair * 104729 & 0xFFFF;
                    int sequence = random.nextInt(64);
                    if (random.nextInt(3) == 0) {
                        AccessKind kind = kinds[random.nextInt(kinds.length)];
                        memory.remember(sequence, master, outstation, kind);
                        model.put(sequence & 15, new int[] {master, outstation, kind.ordinal()});
                    } else {
                        int[] slot = model.get(sequence & 15);
                        Optional<AccessKind> expected = slot != null && slot[0] == master && slot[1] == outstation
                                ? Optional.of(kinds[slot[2]])
                                : Optional.empty();
                        assertThat(memory.answer(sequence, master, outstation))
                                .as("pairs %d, seed %d, step %d", pairs, seed, step)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }
}
