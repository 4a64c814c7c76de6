package io.isthmus.observe.timing;

import static io.isthmus.observe.timing.Observations.HMI;
import static io.isthmus.observe.timing.Observations.PLC;
import static io.isthmus.observe.timing.Observations.request;
import static io.isthmus.observe.timing.Observations.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.isthmus.model.Protocol;
import io.isthmus.wire.packet.IpAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConduitTimingTest {
    private static final ConduitKey KEY = new ConduitKey(HMI, PLC, Protocol.MODBUS);

    @Test
    void aSteady250msPollHasA250msPeriodAndNoJitter() {
        ConduitTiming t = new ConduitTiming(TimingLimits.DEFAULT);
        for (int i = 0; i < 100; i++) {
            t.accept(request(i * 250L, 0));
            t.accept(request(i * 250L + 5, 100));
            t.accept(response(i * 250L + 2, 2_000));
        }
        ConduitTimes c = t.times(KEY).orElseThrow();
        assertThat(c.requests()).isEqualTo(200);
        assertThat(c.period().count()).isEqualTo(198);
        assertThat(c.period().p50()).contains(Duration.ofMillis(250));
        assertThat(c.period().p99()).contains(Duration.ofMillis(250));
        assertThat(c.jitter().p99()).contains(Duration.ZERO);
        assertThat(c.latency().p50()).contains(Duration.ofMillis(2));
    }

    @Test
    void periodAndJitterPercentilesOfAKnownAlternatingSequence() {
        // periods alternate 240 ms and 260 ms: p50 of the period ~240-260, every jitter sample 20 ms
        ConduitTiming t = new ConduitTiming(TimingLimits.DEFAULT);
        long at = 0;
        for (int i = 0; i < 101; i++) {
            t.accept(request(at, 0));
            at += i % 2 == 0 ? 240 : 260;
        }
        ConduitTimes c = t.times(KEY).orElseThrow();
        assertThat(c.period().count()).isEqualTo(100);
        assertThat(c.period().p50().orElseThrow().toMillis()).isBetween(233L, 248L);
        assertThat(c.period().p99().orElseThrow().toMillis()).isBetween(252L, 260L);
        assertThat(c.jitter().count()).isEqualTo(99);
        assertThat((double) c.jitter().p50().orElseThrow().toNanos()).isCloseTo(20e6, within(20e6 * 0.032));
    }

    @Test
    void latencyPercentilesOfOneSlowResponseInAHundred() {
        ConduitTiming t = new ConduitTiming(TimingLimits.DEFAULT);
        for (int i = 0; i < 100; i++) {
            t.accept(request(i * 100L, 0));
            t.accept(response(i * 100L + 1, i == 50 ? 80_000 : 1_000));
        }
        ConduitTimes c = t.times(KEY).orElseThrow();
        assertThat(c.latency().count()).isEqualTo(100);
        assertThat(c.latency().p50().orElseThrow().toMillis()).isEqualTo(1);
        assertThat(c.latency().p99().orElseThrow().toMillis()).isEqualTo(1);
        assertThat(c.latency().max()).contains(Duration.ofMillis(80));
    }

    @Test
    void theToleranceCheckSaysWhetherAndHowOftenTheLatencyWasExceeded() {
        ConduitTiming t = new ConduitTiming(TimingLimits.DEFAULT);
        for (int i = 0; i < 100; i++) {
            t.accept(request(i * 100L, 0));
            t.accept(response(i * 100L + 1, i < 3 ? 80_000 : 1_000));
        }
        LatencyCheck tight = t.check(KEY, Duration.ofMillis(10)).orElseThrow();
        assertThat(tight.exceeded()).isTrue();
        assertThat(tight.samplesAbove()).isEqualTo(3);
        assertThat(tight.slowest()).isEqualTo(Duration.ofMillis(80));
        LatencyCheck loose = t.check(KEY, Duration.ofMillis(100)).orElseThrow();
        assertThat(loose.exceeded()).isFalse();
        assertThat(loose.samplesAbove()).isZero();
    }

    @Test
    void aConduitWithoutPairedResponsesHasNoLatencyVerdict() {
        ConduitTiming t = new ConduitTiming(TimingLimits.DEFAULT);
        t.accept(request(0, 0));
        assertThat(t.check(KEY, Duration.ofMillis(10))).isEmpty();
        assertThat(t.check(new ConduitKey(PLC, HMI, Protocol.MODBUS), Duration.ofMillis(10)))
                .isEmpty();
        assertThatThrownBy(() -> t.check(KEY, Duration.ofMillis(-1))).hasMessageContaining("negative");
    }

    @Test
    void conduitsBeyondTheLimitAreCountedNotTimed() {
        ConduitTiming t = new ConduitTiming(new TimingLimits(10, 4));
        for (int server = 0; server < 1_000; server++) {
            var o = request(server, 0);
            t.accept(new io.isthmus.observe.session.Observation(
                    o.flow(),
                    o.timestampNanos(),
                    o.src(),
                    java.util.Optional.of(IpAddress.ofIpv4(0x0B00_0000 + server)),
                    o.srcPort(),
                    o.dstPort(),
                    -1,
                    -1,
                    -1,
                    o.message()));
        }
        assertThat(t.conduits()).hasSize(10);
        assertThat(t.untrackedConduits()).isEqualTo(990);
    }

    @Test
    void signaturesBeyondTheLimitAreCountedNotFollowed() {
        ConduitTiming t = new ConduitTiming(new TimingLimits(10, 4));
        for (int address = 0; address < 100; address++) {
            t.accept(request(address, address));
        }
        assertThat(t.untrackedRequests()).isEqualTo(96);
        assertThat(t.times(KEY).orElseThrow().requests()).isEqualTo(100);
    }
}
