package io.isthmus.observe.detect;

import static io.isthmus.observe.detect.Observations.T0;
import static io.isthmus.observe.detect.Observations.ip;
import static io.isthmus.observe.detect.Observations.readHolding;
import static io.isthmus.observe.detect.Observations.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.Technique;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code latency-tolerance} detector: responses on a conduit with a configured tolerance
 * (DetectionTest's policy: conduit {@code hmi-to-cell} from the supervisory zone 10.1.2.0/24 to the
 * cell 10.1.1.0/24) that come later than the tolerance.
 */
class ConduitLatencyTest {
    static final String PLC = DetectionTest.PLC;
    static final String HMI = DetectionTest.HMI;
    static final String LAPTOP = DetectionTest.LAPTOP;

    private static Detection detection(Map<String, Duration> tolerances) throws Exception {
        return new Detection(
                Optional.of(DetectionTest.policy()),
                new BaselineSource.None(),
                DetectionLimits.DEFAULT,
                PollingDriftLimits.DEFAULT,
                new LatencyTolerances(tolerances),
                a -> {});
    }

    /** The response to a read of holding registers, {@code latencyMs} after its request. */
    private static Observation response(double seconds, String server, String client, double latencyMs) {
        MessageSummary m = MessageSummary.of(
                        Protocol.MODBUS, Direction.RESPONSE, 3, "Read Holding Registers", AccessKind.READ)
                .withUnit(1);
        return new Observation(
                Optional.empty(),
                T0 + (long) ((seconds + latencyMs / 1000) * 1e9),
                Optional.of(ip(server)),
                Optional.of(ip(client)),
                502,
                40000,
                -1,
                -1,
                (long) (latencyMs * 1e6),
                m);
    }

    /** A poll every second for {@code n} seconds, each answered after {@code latencyMs[i % length]}. */
    private static void poll(Detection d, String client, int n, double... latencyMs) {
        for (int i = 0; i < n; i++) {
            d.accept(request(i, client, PLC, readHolding(0, 10)));
            d.accept(response(i, PLC, client, latencyMs[i % latencyMs.length]));
        }
    }

    private static List<Alert> late(Detection d) {
        return d.alerts().stream()
                .filter(a -> a.rule() == Rule.LATENCY_TOLERANCE)
                .toList();
    }

    @Test
    void answersWithinTheToleranceRaiseNothing() throws Exception {
        Detection d = detection(Map.of("hmi-to-cell", Duration.ofMillis(50)));
        poll(d, HMI, 100, 5, 12, 49.9, 20);
        assertThat(d.alerts()).isEmpty();
    }

    @Test
    void answersLaterThanTheToleranceAreOneCountedAlertMappedToDenialOfService() throws Exception {
        Detection d = detection(Map.of("hmi-to-cell", Duration.ofMillis(50)));
        poll(d, HMI, 100, 5, 5, 5, 80); // every fourth answer takes 80 ms
        assertThat(late(d)).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(25);
            assertThat(a.event().techniques()).extracting(Technique::id).containsExactly("T0814");
            assertThat(a.src()).isEqualTo(HMI);
            assertThat(a.dst()).isEqualTo(PLC);
            assertThat(a.zonePath()).isEqualTo("supervisory -> cell");
            assertThat(a.event().title())
                    .isEqualTo("Latency above tolerance: 10.1.2.20 -> 10.1.1.10 modbus"
                            + " (conduit hmi-to-cell, tolerance 50.0 ms)");
            assertThat(a.evidence().getFirst().detail())
                    .isEqualTo(
                            "Read Holding Registers answered after 80.0 ms, tolerance 50.0 ms (conduit hmi-to-cell)");
            assertThat(a.event().assets()).hasSize(2);
        });
    }

    @Test
    void aChangedToleranceChangesTheVerdict() throws Exception {
        Detection strict = detection(Map.of("hmi-to-cell", Duration.ofMillis(10)));
        Detection lenient = detection(Map.of("hmi-to-cell", Duration.ofMillis(100)));
        poll(strict, HMI, 20, 5, 30);
        poll(lenient, HMI, 20, 5, 30);
        assertThat(late(strict))
                .singleElement()
                .satisfies(a -> assertThat(a.count()).isEqualTo(10));
        assertThat(late(lenient)).isEmpty();
    }

    @Test
    void aConduitWithoutToleranceAndTrafficNoConduitCarriesAreNotJudged() throws Exception {
        Detection none = detection(Map.of());
        poll(none, HMI, 10, 500);
        assertThat(late(none)).isEmpty();
        // the laptop's reads are denied by the policy (no conduit): a policy alert, never a latency one
        Detection d = detection(Map.of("hmi-to-cell", Duration.ofMillis(50)));
        poll(d, LAPTOP, 10, 500);
        assertThat(late(d)).isEmpty();
        assertThat(d.alerts()).isNotEmpty().allSatisfy(a -> assertThat(a.rule()).isNotEqualTo(Rule.LATENCY_TOLERANCE));
    }

    @Test
    void aResponseWithoutPairedRequestOrLatencyIsNotJudged() throws Exception {
        Detection d = detection(Map.of("hmi-to-cell", Duration.ofMillis(50)));
        d.accept(response(0, PLC, HMI, 900)); // no request through the conduit seen yet
        d.accept(request(1, HMI, PLC, readHolding(0, 10)));
        Observation unpaired = response(1, PLC, HMI, 0);
        d.accept(new Observation(
                unpaired.flow(),
                unpaired.timestampNanos(),
                unpaired.src(),
                unpaired.dst(),
                unpaired.srcPort(),
                unpaired.dstPort(),
                -1,
                -1,
                -1,
                unpaired.message()));
        assertThat(late(d)).isEmpty();
    }

    @Test
    void tolerancesMustBePositiveAndNameAConduit() {
        assertThatThrownBy(() -> new LatencyTolerances(Map.of("hmi-to-cell", Duration.ZERO)))
                .hasMessage("the latency tolerance of conduit hmi-to-cell must be positive, was PT0S");
        assertThatThrownBy(() -> new LatencyTolerances(Map.of(" ", Duration.ofMillis(5))))
                .hasMessage("a latency tolerance needs a conduit name");
    }
}
