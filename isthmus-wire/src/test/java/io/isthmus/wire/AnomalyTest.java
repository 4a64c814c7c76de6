package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * An anomaly's code is {@code [a-z0-9_]{3,64}} whether or not the same string, or a string in the
 * same slot of the checked codes, was accepted before.
 */
class AnomalyTest {

    @Test
    void aValidCodeIsAcceptedAgainAndAnInvalidOneIsRejectedEveryTime() {
        String code = "dnp3_object_data_truncated";
        assertThat(new Anomaly(code, "first").code()).isSameAs(code);
        assertThat(new Anomaly(code, "second").code()).isSameAs(code);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> new Anomaly("Not_Snake", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Anomaly("ab", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Anomaly("a".repeat(65), "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anInvalidCodeInTheSlotOfAnAcceptedOneIsStillRejected() {
        // every two-letter suffix: many share a slot (hash & 255) with an accepted code
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                String valid = "code_" + a + b;
                assertThat(new Anomaly(valid, "d").code()).isEqualTo(valid);
                String invalid = "CODE_" + a + b;
                assertThatThrownBy(() -> new Anomaly(invalid, "d")).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
