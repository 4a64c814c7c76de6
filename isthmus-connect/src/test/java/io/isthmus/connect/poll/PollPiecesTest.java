package io.isthmus.connect.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.Deadband;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollPiecesTest {

    @Test
    void theBucketHandsOutItsBurstAtOnceThenMakesCallersWait() {
        long[] now = {5_000_000_000L};
        var bucket = new TokenBucket(10, 3, () -> now[0]);
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        now[0] += 30_000_000L;
        assertThat(bucket.reserve()).isZero();
        // the fourth token is a tenth of a second after the start, 30 ms of it gone
        assertThat(bucket.reserve()).isEqualTo(70_000_000L);
        assertThat(bucket.reserve()).isEqualTo(170_000_000L);
    }

    @Test
    void theBucketRefillsAtItsRateButNeverHoldsMoreThanItsBurst() {
        long[] now = {0};
        var bucket = new TokenBucket(1000, 2, () -> now[0]); // a token per millisecond
        for (int i = 0; i < 2; i++) {
            assertThat(bucket.reserve()).isZero();
        }
        assertThat(bucket.reserve()).isEqualTo(1_000_000L); // empty: waits for the next token
        now[0] += 60_000_000_000L; // a minute idle refills two tokens, not 60,000
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(1_000_000L);
        // a caller that always waits as told gets burst + rate * t tokens in t, no more
        long[] t = {0};
        var steady = new TokenBucket(1000, 2, () -> t[0]);
        int used = 0;
        while (true) {
            t[0] += steady.reserve();
            if (t[0] > 1_000_000_000L) {
                break;
            }
            used++;
        }
        assertThat(used).isEqualTo(2 + 1000);
    }

    @Test
    void backoffGrowsExponentiallyWithinTheJitterAndStopsAtTheMaximum() {
        var config = new BackoffConfig(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2);
        var backoff = new Backoff(config, new Random(1));
        for (int attempt = 1; attempt <= 3; attempt++) {
            long base = 100L << (attempt - 1);
            assertThat(backoff.delay(attempt).toMillis()).isBetween(base * 8 / 10, base * 12 / 10);
        }
        assertThat(backoff.delay(30).toMillis()).isBetween(800L, 1200L);
    }

    @Test
    void twoChangesWithinTheSourceClockResolutionAreBothReportedInArrivalOrderAndOlderOnesDropped() {
        TagPath path = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");
        var r = new TagReporter(path, Deadband.NONE, 0);
        List<Sample> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        r.good(Value.of(1.0), t, 1, out::add);
        r.good(Value.of(2.0), t, 2, out::add);
        r.good(Value.of(3.0), t.minusMillis(5), 3, out::add);
        assertThat(out).extracting(Sample::value).containsExactly(Value.of(1.0), Value.of(2.0));
        assertThat(out.get(1).sourceTime()).isAfter(out.get(0).sourceTime());
    }

    /**
     * Three or more changes stamped with one instant (a Sparkplug node publishing three times in one
     * millisecond) are all reported: the second was sent a microsecond after the first, and the third
     * is not "older" than that moved time. Each is newer by arrival than the one before.
     */
    @Test
    void everyChangeStampedWithTheSameInstantIsReportedInArrivalOrderWithIncreasingTimes() {
        TagPath path = TagPath.parse("acme/springfield/packaging/line1/transport/conveyor/speed");
        var r = new TagReporter(path, Deadband.NONE, 0);
        List<Sample> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        r.stale(t, out::add); // nothing to mark yet
        for (int i = 1; i <= 4; i++) {
            r.good(Value.of(i * 6.0), t, i, out::add);
        }
        r.stale(t, out::add);
        r.good(Value.of(30.0), t, 5, out::add);
        r.good(Value.of(31.0), t.minusNanos(1), 6, out::add); // older than every stamp: dropped
        assertThat(out)
                .extracting(Sample::quality, Sample::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(6.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(12.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(18.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(24.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.STALE, Value.of(24.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(30.0)));
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).sourceTime()).isAfter(out.get(i - 1).sourceTime());
        }
        assertThat(out.getLast().sourceTime()).isEqualTo(t.plusNanos(5_000));
    }

    @Test
    void aReporterSendsBadQualityOncePerTransitionWithTheLastValue() {
        var path = TagPath.parse("e/s/a/l/c/eq/p");
        var r = new TagReporter(path, Deadband.absolute(1), 0);
        List<Sample> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        r.good(Value.of(10.0), t, 1, out::add);
        r.good(Value.of(10.5), t.plusSeconds(1), 2, out::add); // inside the deadband
        r.bad(Quality.BAD_COMM, t.plusSeconds(2), out::add);
        r.bad(Quality.BAD_COMM, t.plusSeconds(3), out::add);
        r.good(Value.of(10.2), t.plusSeconds(4), 4, out::add); // quality change: reported
        r.staleIfOlderThan(5, t.plusSeconds(5), out::add);
        assertThat(out)
                .extracting(Sample::quality, Sample::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(10.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.BAD_COMM, Value.of(10.0)),
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, Value.of(10.2)),
                        org.assertj.core.groups.Tuple.tuple(Quality.STALE, Value.of(10.2)));
    }
}
