package io.isthmus.connect.transfer.send;

import static org.assertj.core.api.Assertions.assertThat;

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
}
