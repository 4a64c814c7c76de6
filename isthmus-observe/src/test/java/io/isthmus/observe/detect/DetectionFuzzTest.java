package io.isthmus.observe.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Hostile observations (any protocol, function, address, unit, attribute text such as a
 * {@code values} list, times out of order) through learning and detection with a policy and tight
 * limits: nothing throws and every table stays within its limit. Seeds:
 * {@code DetectionFuzzTestInputs/<method>/}.
 */
class DetectionFuzzTest {
    private static final DetectionLimits LIMITS = new DetectionLimits(16, 2, 8, 8, 8, 3, Duration.ofSeconds(5));
    /** Polling-drift judged on two intervals, with no absolute tolerance: every detector path is reachable. */
    private static final PollingDriftLimits POLLING = new PollingDriftLimits(2, 0.5, 2, 0.5, Duration.ZERO, 3, 2);

    private static final String[] ATTRIBUTES = {
        "values",
        "sub_function",
        "s7_pi_service",
        "cip_service",
        "cip_embedded",
        "source",
        "reinitialize_state",
        "enable_disable",
        "cause"
    };

    @FuzzTest(maxDuration = "30s")
    void fuzzedObservationsNeverBreakDetectionOrItsBounds(FuzzedDataProvider data) throws Exception {
        Detection d = new Detection(
                Optional.of(LabelledCapturesTest.factoryPolicy()),
                new BaselineSource.Learn(Duration.ofSeconds(data.consumeInt(1, 10))),
                LIMITS,
                POLLING,
                a -> {});
        int n = data.consumeInt(0, 200);
        long time = Observations.T0;
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            time += data.consumeLong(-Observations.SECOND, 3 * Observations.SECOND);
            d.onPacket(i + 1, time);
            d.accept(observation(data, time));
            assertThat(d.stats().alerts()).isLessThanOrEqualTo(LIMITS.maxAlerts());
            assertThat(d.baseline().pairCount()).isLessThanOrEqualTo(LIMITS.maxPairs());
            assertThat(d.baseline().writeAddressCount()).isLessThanOrEqualTo(LIMITS.maxWriteAddresses());
            assertThat(d.baseline().pollCount()).isLessThanOrEqualTo(LIMITS.maxPairs());
        }
        d.alerts().forEach(a -> assertThat(a.evidence()).hasSizeBetween(1, LIMITS.maxEvidence()));
    }

    private static Observation observation(FuzzedDataProvider data, long time) {
        Protocol[] protocols = Protocol.values();
        MessageSummary m = MessageSummary.of(
                protocols[data.consumeInt(0, protocols.length - 1)],
                data.consumeBoolean() ? Direction.REQUEST : Direction.RESPONSE,
                data.consumeInt(0, 0xFFFF),
                "f",
                AccessKind.values()[data.consumeInt(0, AccessKind.values().length - 1)]);
        if (data.consumeBoolean()) {
            m = m.withUnit(data.consumeLong(0, 1L << 40));
        }
        if (data.consumeBoolean()) {
            m = m.withRange(data.consumeLong(0, Long.MAX_VALUE), data.consumeLong(-5, Long.MAX_VALUE));
        }
        int attributes = data.consumeInt(0, 3);
        for (int i = 0; i < attributes; i++) {
            m = m.withAttribute(ATTRIBUTES[data.consumeInt(0, ATTRIBUTES.length - 1)], data.consumeString(40));
        }
        boolean ip = data.consumeBoolean();
        return new Observation(
                Optional.empty(),
                time,
                ip ? Optional.of(address(data)) : Optional.empty(),
                ip ? Optional.of(address(data)) : Optional.empty(),
                data.consumeInt(0, 65535),
                data.consumeInt(0, 65535),
                data.consumeBoolean() ? data.consumeLong(0, 0xFFFF_FFFF_FFFFL) : -1,
                data.consumeBoolean() ? data.consumeLong(0, 0xFFFF_FFFF_FFFFL) : -1,
                -1,
                m);
    }

    private static IpAddress address(FuzzedDataProvider data) {
        return data.consumeBoolean()
                ? IpAddress.ofIpv4(0x7F000000 | data.consumeInt(0, 255))
                : new IpAddress(data.consumeLong(), data.consumeLong());
    }
}
