package io.isthmus.insight.rul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulScoreTest {
    @Test
    void latePredictionsCostMoreThanEarlyOnesOfTheSameSize() {
        // d = +10: e^(10/10) - 1 = 1.71828; d = -13: e^(13/13) - 1 = 1.71828; d = -10: e^(10/13) - 1 = 1.158106
        assertThat(RulScore.phm08(10)).isCloseTo(Math.E - 1, within(1e-12));
        assertThat(RulScore.phm08(-13)).isCloseTo(Math.E - 1, within(1e-12));
        assertThat(RulScore.phm08(-10)).isCloseTo(1.158106, within(1e-6));
        assertThat(RulScore.phm08(0)).isZero();
    }

    @Test
    void rmseScoreAndBiasOverAHandCheckedSet() {
        RulScore s = RulScore.of(List.of(110.0, 90.0, 50.0), List.of(100, 100, 50));
        // errors +10, -10, 0: RMSE sqrt(200/3) = 8.16497; score 1.718282 + 1.158106; bias 0
        assertThat(s.rmse()).isCloseTo(8.164966, within(1e-6));
        assertThat(s.phm08()).isCloseTo(2.876387, within(1e-6));
        assertThat(s.meanError()).isZero();
        assertThat(s.engines()).isEqualTo(3);
    }

    @Test
    void predictionsAndTruthMustPair() {
        assertThatThrownBy(() -> RulScore.of(List.of(1.0), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1 and 2");
    }
}
