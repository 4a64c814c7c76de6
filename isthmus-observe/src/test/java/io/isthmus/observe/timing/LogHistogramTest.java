package io.isthmus.observe.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogHistogramTest {

    @Test
    void quantilesOfOneToAThousandMillisecondsAreWithinThreePercent() {
        LogHistogram h = new LogHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.record(ms * 1_000_000L);
        }
        assertThat(h.count()).isEqualTo(1000);
        assertThat((double) h.quantile(0.5)).isCloseTo(500e6, within(500e6 * 0.032));
        assertThat((double) h.quantile(0.99)).isCloseTo(990e6, within(990e6 * 0.032));
        assertThat(h.min()).isEqualTo(1_000_000L);
        assertThat(h.max()).isEqualTo(1_000_000_000L);
    }

    @Test
    void aConstantValueIsReportedExactlyBecauseMinAndMaxClampTheBucket() {
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < 100; i++) {
            h.record(250_000_000L);
        }
        assertThat(h.quantile(0.5)).isEqualTo(250_000_000L);
        assertThat(h.quantile(0.99)).isEqualTo(250_000_000L);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 999, 1_000, 15_999, 16_000, 17_000, 123_456_789, 86_400_000_000_000L, Long.MAX_VALUE})
    void everyDurationFallsIntoABucketThatStartsAtOrBelowIt(long nanos) {
        int b = LogHistogram.bucket(nanos);
        assertThat(b).isBetween(0, LogHistogram.BUCKETS - 1);
        assertThat(LogHistogram.lowerBound(b)).isLessThanOrEqualTo(nanos);
        if (b + 1 < LogHistogram.BUCKETS) {
            assertThat(LogHistogram.lowerBound(b + 1)).isGreaterThan(nanos);
        }
    }

    @Test
    void bucketBoundsIncreaseStrictly() {
        for (int b = 1; b < LogHistogram.BUCKETS; b++) {
            assertThat(LogHistogram.lowerBound(b)).isGreaterThan(LogHistogram.lowerBound(b - 1));
        }
    }

    @Test
    void anEmptyHistogramHasNoQuantile() {
        assertThat(new LogHistogram().quantile(0.5)).isEqualTo(-1);
        assertThat(new LogHistogram().max()).isEqualTo(-1);
    }

    @Test
    void countAboveCountsTheSlowSamples() {
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < 90; i++) {
            h.record(2_000_000);
        }
        for (int i = 0; i < 10; i++) {
            h.record(50_000_000);
        }
        assertThat(h.countAbove(10_000_000)).isEqualTo(10);
        assertThat(h.countAbove(100_000_000)).isZero();
    }

    @Test
    void negativeDurationsAndQuantilesOutsideZeroToOneAreRefused() {
        LogHistogram h = new LogHistogram();
        assertThatThrownBy(() -> h.record(-1)).hasMessageContaining("-1 ns");
        assertThatThrownBy(() -> h.quantile(1.5)).hasMessageContaining("1.5");
    }
}
