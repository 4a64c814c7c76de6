package io.isthmus.connect.transfer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void a_full_bucket_sends_its_burst_without_waiting_then_paces_at_the_rate() {
        var bucket = new TokenBucket(1_000_000, 10_000, 0); // 1 MB/s = 1 byte per µs
        assertThat(bucket.take(10_000, 0)).isZero();
        assertThat(bucket.take(1_000, 0)).isEqualTo(1_000_000); // 1000 bytes owed: 1 ms
        assertThat(bucket.take(1_000, 1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void an_idle_bucket_refills_only_up_to_its_burst() {
        var bucket = new TokenBucket(1_000_000, 10_000, 0);
        bucket.take(10_000, 0);
        assertThat(bucket.take(10_000, 60_000_000_000L)).isZero();
        assertThat(bucket.take(1, 60_000_000_000L)).isPositive();
    }

    @Test
    void over_a_long_run_the_average_rate_is_the_configured_one() {
        var bucket = new TokenBucket(125_000_000, 65_536, 0); // 1 Gbit/s
        long now = 0;
        long sent = 0;
        while (now < 1_000_000_000L) {
            now += bucket.take(1500, now);
            sent += 1500;
        }
        assertThat(sent).isBetween(124_000_000L + 65_536 - 2000, 125_000_000L + 65_536 + 1500);
    }

    private static final long MS = 1_000_000;
    private static final long S = 1_000_000_000;
    /** 1 MB/s (one byte per µs) starting at a quarter, full after 4 s; 1,000 bytes of burst. */
    private static final PacingRamp QUARTER_OVER_4S = new PacingRamp(0.25, Duration.ofSeconds(4));
    /** The start rate in bytes per ns, and the recent rate below which the sender is idle. */
    private static final double START_PER_NANO = 0.25e-3;

    private static final double IDLE_PER_NANO = START_PER_NANO / 4;

    /**
     * Bytes a sender that always has data gets through from {@code from} to {@code to}, taken 100 at
     * a time (within 1,000 bytes of the rate's integral: the last take's debt, and the wait computed
     * at the rate of its start while the ramp rises).
     */
    private static long backloggedBytes(TokenBucket bucket, long from, long to) {
        long now = from;
        long sent = 0;
        while (now < to) {
            long wait = bucket.take(100, now);
            sent += 100;
            now += wait;
        }
        return sent;
    }

    /**
     * How long the ramp waits at its start when a sender whose recent rate is {@code recentPerNano}
     * begins to send at the start rate: until the one-second average reaches a quarter of it.
     */
    private static double holdSeconds(double recentPerNano) {
        return Math.log((START_PER_NANO - recentPerNano) / (START_PER_NANO - IDLE_PER_NANO));
    }

    /**
     * The integral of the ramp from {@code a} to {@code b} seconds after the first take, in bytes:
     * 250,000 bytes/s until {@code hold}, then rising by 187,500 bytes/s per second to 1,000,000.
     */
    private static double rampBytes(double hold, double a, double b) {
        return cumulative(hold, b) - cumulative(hold, a);
    }

    private static double cumulative(double hold, double t) {
        if (t <= hold) {
            return 250_000 * t;
        }
        double x = t - hold;
        double ramped =
                x <= 4 ? 250_000 * x + 187_500 * x * x / 2 : 250_000 * 4 + 187_500 * 16 / 2 + 1_000_000 * (x - 4);
        return 250_000 * hold + ramped;
    }

    @Test
    void a_ramp_starts_at_its_fraction_and_reaches_the_full_rate_after_its_time() {
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        bucket.take(1_000, 5 * S); // the first bytes start the ramp, not the bucket's creation
        assertThat(bucket.bytesPerSecondAt(5 * S)).isCloseTo(250_000, within(1.0));
        // rates as if the sender stayed busy from here on (the ramp's clock only waits while idle)
        assertThat(bucket.bytesPerSecondAt(6 * S)).isCloseTo(437_500, within(1.0));
        assertThat(bucket.bytesPerSecondAt(7 * S)).isCloseTo(625_000, within(1.0));
        assertThat(bucket.bytesPerSecondAt(9 * S)).isCloseTo(1_000_000, within(1.0));
        assertThat(bucket.bytesPerSecondAt(60 * S)).isCloseTo(1_000_000, within(1.0));
    }

    @Test
    void a_backlogged_sender_gets_the_integral_of_the_ramp_after_a_short_wait_at_its_start() {
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        bucket.take(1_000, 0); // the burst; the sender is idle until its one-second average grows
        double hold = holdSeconds(1_000 / 1e9);
        assertThat(hold).isBetween(0.28, 0.29);
        assertThat(backloggedBytes(bucket, 0, S)).isCloseTo(Math.round(rampBytes(hold, 0, 1)), within(1_000L));
        assertThat(backloggedBytes(bucket, S, 2 * S)).isCloseTo(Math.round(rampBytes(hold, 1, 2)), within(1_000L));
        assertThat(backloggedBytes(bucket, 2 * S, 4 * S)).isCloseTo(Math.round(rampBytes(hold, 2, 4)), within(1_000L));
        assertThat(backloggedBytes(bucket, 4 * S, 5 * S)).isCloseTo(Math.round(rampBytes(hold, 4, 5)), within(1_000L));
        // full rate from 4.28 s on
        assertThat(backloggedBytes(bucket, 5 * S, 6 * S)).isCloseTo(1_000_000L, within(1_000L));
        // what the ramp cost against a flat start: (1 - 0.25) × (4 s / 2 + the 0.28 s wait) of the full rate
        assertThat(1_000_000 * 6 - rampBytes(hold, 0, 6)).isCloseTo(1_712_756, within(1.0));
    }

    @Test
    void a_token_wait_at_the_start_of_the_ramp_is_four_times_the_full_rates() {
        var ramped = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        var flat = new TokenBucket(1_000_000, 1_000, 0);
        ramped.take(1_000, 0);
        flat.take(1_000, 0);
        assertThat(flat.take(1_000, 0)).isEqualTo(1 * MS);
        assertThat(ramped.take(1_000, 0)).isEqualTo(4 * MS);
    }

    @Test
    void no_ramp_paces_at_the_full_rate_from_the_first_byte() {
        for (var none : new PacingRamp[] {
            PacingRamp.NONE, new PacingRamp(1, Duration.ofSeconds(3)), new PacingRamp(0.1, Duration.ZERO)
        }) {
            var bucket = new TokenBucket(1_000_000, 1_000, none, 0);
            bucket.take(1_000, 0);
            assertThat(backloggedBytes(bucket, 0, S)).isCloseTo(1_000_000L, within(200L));
        }
    }

    @Test
    void a_sender_idle_for_seconds_ramps_again() {
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        bucket.take(1_000, 0);
        backloggedBytes(bucket, 0, 10 * S);
        assertThat(bucket.bytesPerSecondAt(10 * S)).isCloseTo(1_000_000, within(1.0));
        bucket.take(100, 15 * S); // nothing for 5 s: the recent rate decayed to e^-5 of the full one
        assertThat(bucket.bytesPerSecondAt(15 * S)).isCloseTo(250_000, within(1.0));
        double hold = holdSeconds(1e-3 * Math.exp(-5));
        // 900 tokens of the burst were left after the first 100 bytes
        assertThat(backloggedBytes(bucket, 15 * S, 16 * S))
                .isCloseTo(Math.round(rampBytes(hold, 0, 1) + 900), within(1_000L));
        backloggedBytes(bucket, 16 * S, 20 * S);
        assertThat(bucket.bytesPerSecondAt(20 * S)).isCloseTo(1_000_000, within(1.0));
    }

    @Test
    void a_trickling_sender_counts_as_idle_and_its_next_backlog_ramps() {
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        bucket.take(1_000, 0);
        backloggedBytes(bucket, 0, 10 * S);
        // 30 s of live data at 10 kB/s, a hundredth of the rate: 1,000 bytes every 100 ms, never waiting
        for (long now = 10 * S + 100 * MS; now < 40 * S; now += 100 * MS) {
            assertThat(bucket.take(1_000, now)).isZero();
        }
        assertThat(bucket.take(100, 40 * S)).isZero();
        assertThat(bucket.bytesPerSecondAt(40 * S)).isCloseTo(250_000, within(1.0));
        assertThat(backloggedBytes(bucket, 40 * S, 41 * S)).isBetween(250_000L, 343_750L + 1_000);
    }

    @Test
    void a_pause_of_two_seconds_does_not_restart_the_ramp() {
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        bucket.take(1_000, 0);
        backloggedBytes(bucket, 0, 10 * S);
        // e^-2 of the full rate (0.135) is still above a quarter of the start rate (0.0625)
        bucket.take(100, 12 * S);
        assertThat(bucket.bytesPerSecondAt(12 * S)).isCloseTo(1_000_000, within(1.0));
        assertThat(backloggedBytes(bucket, 12 * S, 13 * S)).isCloseTo(1_000_900L, within(200L));
    }

    @Test
    void a_sender_slower_than_its_rate_but_above_a_quarter_of_the_start_rate_keeps_the_full_rate() {
        // the benchmark's case: pacing above what the encoder produces, e.g. 0.6 of the rate
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        bucket.take(1_000, 0);
        backloggedBytes(bucket, 0, 5 * S);
        for (long now = 5 * S + MS; now < 60 * S; now += MS) {
            assertThat(bucket.take(600, now)).isZero();
        }
        assertThat(bucket.bytesPerSecondAt(60 * S)).isCloseTo(1_000_000, within(1.0));
    }

    @Test
    void a_sender_that_starts_late_still_gets_the_whole_ramp() {
        var bucket = new TokenBucket(1_000_000, 1_000, QUARTER_OVER_4S, 0);
        // a slow journal open: the first datagram 10 s after the bucket was made
        assertThat(bucket.take(1_000, 10 * S)).isZero();
        assertThat(bucket.bytesPerSecondAt(10 * S)).isCloseTo(250_000, within(1.0));
        double hold = holdSeconds(1_000 / 1e9);
        assertThat(backloggedBytes(bucket, 10 * S, 11 * S))
                .isCloseTo(Math.round(rampBytes(hold, 0, 1)), within(1_000L));
    }
}
