package io.isthmus.wire.dnp3;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
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
}
