package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Dissection.Messages}: one message without a list, equal to the same message given in one. */
class DissectionMessagesTest {
    private static final MessageSummary READ =
            MessageSummary.of(Protocol.MODBUS, Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ);
    private static final MessageSummary REPLY =
            MessageSummary.of(Protocol.MODBUS, Direction.RESPONSE, 3, "Read Holding Registers", AccessKind.READ);

    @Test
    void oneMessageIsEqualToTheSameMessageInAListAndReadsTheSame() {
        var one = new Dissection.Messages(READ, 12);
        var listed = new Dissection.Messages(List.of(READ), 12);
        assertThat(one).isEqualTo(listed).hasSameHashCodeAs(listed).hasToString(listed.toString());
        assertThat(one.count()).isEqualTo(1);
        assertThat(one.get(0)).isSameAs(READ);
        assertThat(one.messages()).containsExactly(READ);
        assertThat(one.consumed()).isEqualTo(12);
        assertThat(one)
                .isNotEqualTo(new Dissection.Messages(READ, 13))
                .isNotEqualTo(new Dissection.Messages(REPLY, 12));
        assertThatThrownBy(() -> one.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> one.messages().add(REPLY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aListIsCopiedSoLaterChangesToItDoNotShow() {
        List<MessageSummary> mutable = new ArrayList<>(List.of(READ, REPLY, READ));
        var m = new Dissection.Messages(mutable, 30);
        mutable.clear();
        assertThat(m.count()).isEqualTo(3);
        assertThat(m.get(1)).isSameAs(REPLY);
        assertThat(m.messages()).containsExactly(READ, REPLY, READ);
        assertThat(new Dissection.Messages(List.of(), 7).count()).isZero();
    }

    @Test
    void aCompleteMessageConsumesAtLeastOneByteAndIsNotNull() {
        assertThatThrownBy(() -> new Dissection.Messages(READ, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dissection.Messages(List.of(READ), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dissection.Messages((MessageSummary) null, 4))
                .isInstanceOf(NullPointerException.class);
    }
}
