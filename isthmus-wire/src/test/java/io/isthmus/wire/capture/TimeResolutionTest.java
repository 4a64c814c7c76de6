package io.isthmus.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pcapng 4.2 if_tsresol: 10^-n or, with the top bit set, 2^-n seconds per tick. */
class TimeResolutionTest {

    @Test
    void convertsDecimalUnitsCoarserAndFinerThanNanoseconds() {
        assertThat(new TimeResolution(false, 0).toNanos(3)).isEqualTo(3_000_000_000L);
        assertThat(TimeResolution.MICROSECONDS.toNanos(1_500_000L)).isEqualTo(1_500_000_000L);
        assertThat(TimeResolution.NANOSECONDS.toNanos(42)).isEqualTo(42);
        assertThat(new TimeResolution(false, 12).toNanos(5_000_000L)).isEqualTo(5_000L);
    }

    @Test
    void convertsBinaryUnitsIncludingFractionsFinerThanANanosecond() {
        assertThat(new TimeResolution(true, 1).toNanos(3)).isEqualTo(1_500_000_000L);
        assertThat(new TimeResolution(true, 63).toNanos(1L << 62)).isEqualTo(500_000_000L);
        assertThat(new TimeResolution(true, 0).toNanos(2)).isEqualTo(2_000_000_000L);
    }

    @Test
    void saturatesInsteadOfOverflowingOnHostileTickCounts() {
        assertThat(new TimeResolution(false, 0).toNanos(Long.MAX_VALUE / 10)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeResolution.MICROSECONDS.toNanos(-1)).isEqualTo(Long.MAX_VALUE);
        assertThat(new TimeResolution(true, 0).toNanos(1L << 40)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsOptionBytesFinerThanALongCanCount() {
        assertThat(TimeResolution.ofOptionByte(6)).contains(TimeResolution.MICROSECONDS);
        assertThat(TimeResolution.ofOptionByte(19)).isEmpty();
        assertThat(TimeResolution.ofOptionByte(0x80 | 63)).isPresent();
        assertThat(TimeResolution.ofOptionByte(0x80 | 64)).isEmpty();
    }
}
