package io.isthmus.insight.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CumulativeCounterTest {
    static final double MAX_32 = 4_294_967_296.0;

    @ParameterizedTest(name = "{0} then {1}: +{2} ({3})")
    @CsvSource({
        "100,          250,        150,        NORMAL",
        "100,          100,        0,          NORMAL",
        "4294967290,   10,         16,         ROLLOVER",
        "4294967295,   0,          1,          ROLLOVER",
        "5000,         3,          3,          RESET",
        "3000000000,   0,          0,          RESET",
        "4000000000,   0,          294967296,  ROLLOVER",
        "300000000,    10,         10,         RESET"
    })
    void aLowerReadingIsARolloverNearTheTopAndAResetOtherwise(
            double before, double after, double increase, CounterStep.Kind kind) {
        CumulativeCounter c = CumulativeCounter.wrappingAt(MAX_32);
        assertThat(c.accept(before).kind()).isEqualTo(CounterStep.Kind.FIRST);
        CounterStep step = c.accept(after);
        assertThat(step.kind()).isEqualTo(kind);
        assertThat(step.increase()).isEqualTo(increase);
    }

    @ParameterizedTest(name = "reading {0}")
    @CsvSource({"-1", "NaN", "Infinity"})
    void negativeAndNonFiniteReadingsAreRefused(double reading) {
        CumulativeCounter c = CumulativeCounter.wrappingAt(MAX_32);
        assertThatThrownBy(() -> c.accept(reading)).hasMessageContaining("non-negative number");
    }

    @ParameterizedTest(name = "max {0}, window {1}")
    @CsvSource({"0, 0.1", "-5, 0.1", "Infinity, 0.1", "100, 0", "100, 1"})
    void badCounterLimitsAreRefused(double max, double window) {
        assertThatThrownBy(() -> new CumulativeCounter(max, window)).isInstanceOf(IllegalArgumentException.class);
    }
}
