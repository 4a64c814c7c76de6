package io.isthmus.connect.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection's timer: an armed deadline that passes runs the expiry once; a disarmed one never. */
@Timeout(60) // a timer that never fires must fail the test, not hang the build
class DeadlineWatchdogTest {
    private static final long MS = 1_000_000L;

    @Test
    void aDeadlineThatPassesRunsTheExpiryOnceAndTheWaitCountsAsLate() throws Exception {
        var fired = new CountDownLatch(1);
        var count = new AtomicInteger();
        try (var w = new DeadlineWatchdog("t", 50 * MS, () -> {
            count.incrementAndGet();
            fired.countDown();
        })) {
            w.arm(100 * MS);
            assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(w.expired()).isTrue();
            assertThat(w.disarm())
                    .as("a wait disarmed after its expiry came too late")
                    .isFalse();
            Thread.sleep(300);
            assertThat(count).hasValue(1);
        }
    }

    @Test
    void waitsDisarmedInTimeNeverExpireHoweverLongTheTimerRuns() throws Exception {
        var count = new AtomicInteger();
        try (var w = new DeadlineWatchdog("t", 20 * MS, count::incrementAndGet)) {
            long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < end) {
                w.arm(Duration.ofSeconds(10).toNanos());
                Thread.sleep(5);
                assertThat(w.disarm()).isTrue();
                Thread.sleep(5); // idle between waits, as a poller between cycles
            }
            assertThat(count).hasValue(0);
            assertThat(w.expired()).isFalse();
        }
    }

    @Test
    void aShorterDeadlineThanTheOneTheTimerSleepsTowardsWakesIt() throws Exception {
        var fired = new CountDownLatch(1);
        try (var w = new DeadlineWatchdog("t", 10 * MS, fired::countDown)) {
            w.arm(Duration.ofSeconds(60).toNanos()); // as a connect timeout
            Thread.sleep(100); // the timer has seen it and sleeps towards it
            assertThat(w.disarm()).isTrue();
            long t0 = System.nanoTime();
            w.arm(100 * MS); // as a shorter request timeout
            assertThat(fired.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void aClosedTimerRunsNoExpiry() throws Exception {
        var count = new AtomicInteger();
        var w = new DeadlineWatchdog("t", 20 * MS, count::incrementAndGet);
        w.arm(200 * MS);
        w.close();
        Thread.sleep(600);
        assertThat(count).hasValue(0);
    }

    @Test
    void theIdleSleepMustBePositive() {
        assertThatThrownBy(() -> new DeadlineWatchdog("t", 0, () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleNanos must be positive, was 0");
    }
}
