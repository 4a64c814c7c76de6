package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link MessageSummary#number}: shared instances, never a wrong value. */
class MessageSummaryNumberTest {

    @Test
    void everyValueComesBackAsItselfWhateverTheTableHeldBefore() {
        Random random = new Random(27);
        for (int i = 0; i < 200_000; i++) {
            long value = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(65_536);
                case 2 -> 65_536 + random.nextInt(4_096); // neighbours competing for slots
                default -> -1 - random.nextInt(100);
            };
            assertThat(MessageSummary.number(value)).isEqualTo(OptionalLong.of(value));
        }
        assertThat(MessageSummary.number(Long.MIN_VALUE)).isEqualTo(OptionalLong.of(Long.MIN_VALUE));
        assertThat(MessageSummary.number(Long.MAX_VALUE)).isEqualTo(OptionalLong.of(Long.MAX_VALUE));
    }

    @Test
    void aValueAskedForAgainRightAwayIsTheSameInstanceSmallOrLarge() {
        long senderContext = 0x0123_4567_89AB_CDEFL;
        assertThat(MessageSummary.number(senderContext)).isSameAs(MessageSummary.number(senderContext));
        assertThat(MessageSummary.number(502)).isSameAs(MessageSummary.number(502));
    }
}
