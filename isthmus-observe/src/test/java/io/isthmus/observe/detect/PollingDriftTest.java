package io.isthmus.observe.detect;

import static io.isthmus.observe.detect.Observations.readHolding;
import static io.isthmus.observe.detect.Observations.request;
import static io.isthmus.observe.detect.Observations.writeRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Technique;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.wire.MessageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code polling-drift} detector: a SCADA poller's cycle learned while learning, judged after
 * it by the median of the last intervals against a tolerance (PollingDriftLimits.DEFAULT: half
 * the period, 250 ms or three spreads; stopped after ten silent periods).
 */
class PollingDriftTest {
    static final String PLC = "10.1.1.10";
    static final String OTHER_PLC = "10.1.1.11";
    static final String HMI = "10.1.2.20";
    static final Duration LEARN = Duration.ofSeconds(60);

    /** Feeds a poll of {@code m} from the HMI to the PLC every {@code period} s from {@code from} to {@code to}. */
    private static void poll(Detection d, MessageSummary m, String plc, double from, double to, double period) {
        for (double t = from; t < to; t += period) {
            d.accept(request(t, HMI, plc, m));
        }
    }

    private static Detection learned() {
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(LEARN), DetectionLimits.DEFAULT);
        poll(d, readHolding(0, 10), PLC, 0, 60, 1.0);
        return d;
    }

    private static List<Alert> drift(Detection d) {
        return d.alerts().stream().filter(a -> a.rule() == Rule.POLLING_DRIFT).toList();
    }

    private static List<String> ids(Alert a) {
        return a.event().techniques().stream().map(Technique::id).toList();
    }

    @Test
    void aPollThatKeepsItsPeriodRaisesNothing() {
        Detection d = learned();
        poll(d, readHolding(0, 10), PLC, 60, 600, 1.0);
        assertThat(d.baseline().pollCount()).isEqualTo(1);
        assertThat(d.alerts()).isEmpty();
    }

    @Test
    void jitteryButNormalPollingRaisesNothing() {
        Random random = new Random(42);
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(LEARN), DetectionLimits.DEFAULT);
        double t = 0;
        while (t < 3600) {
            d.accept(request(t, HMI, PLC, readHolding(0, 10)));
            t += 1.0 + (random.nextDouble() - 0.5) * 0.6; // 0.7 .. 1.3 s, scheduling noise of a busy poller
            if (random.nextInt(50) == 0) {
                t += 2.5; // now and then a late cycle (a retry, a GC pause)
            }
        }
        assertThat(d.alerts()).isEmpty();
    }

    @Test
    void aPollRunningTwiceAsFastIsDriftTowardsDenialOfService() {
        Detection d = learned();
        poll(d, readHolding(0, 10), PLC, 60, 120, 0.5);
        assertThat(drift(d)).singleElement().satisfies(a -> {
            assertThat(ids(a)).containsExactly("T0814");
            assertThat(a.event().title()).startsWith("Polling faster: 10.1.2.20 -> 10.1.1.10 modbus");
            assertThat(a.event().title()).contains("every 0.500 s", "learned every 1.000 s");
            assertThat(a.count()).as("one episode").isEqualTo(1);
        });
    }

    @Test
    void fasterCyclicWritesAreBruteForceIo() {
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(LEARN), DetectionLimits.DEFAULT);
        poll(d, writeRegister(4, 7), PLC, 0, 60, 2.0);
        poll(d, writeRegister(4, 7), PLC, 60, 90, 0.2);
        assertThat(drift(d)).singleElement().satisfies(a -> assertThat(ids(a)).containsExactly("T0806"));
    }

    @Test
    void aPollRunningMuchSlowerIsDenialOfView() {
        Detection d = learned();
        poll(d, readHolding(0, 10), PLC, 60, 200, 3.0);
        assertThat(drift(d)).singleElement().satisfies(a -> {
            assertThat(ids(a)).containsExactly("T0815");
            assertThat(a.event().title()).startsWith("Polling slower");
        });
    }

    @Test
    void aPollThatStopsIsReportedOnceWhileOtherTrafficGoesOn() {
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(LEARN), DetectionLimits.DEFAULT);
        for (double t = 0; t < 60; t += 1) {
            d.accept(request(t, HMI, PLC, readHolding(0, 10)));
            d.accept(request(t + 0.5, HMI, OTHER_PLC, readHolding(0, 10)));
        }
        poll(d, readHolding(0, 10), PLC, 60, 70, 1.0);
        poll(d, readHolding(0, 10), OTHER_PLC, 60.5, 400, 1.0); // drives the clock on
        assertThat(drift(d)).singleElement().satisfies(a -> {
            assertThat(ids(a)).containsExactly("T0829");
            assertThat(a.event().title()).startsWith("Polling stopped: 10.1.2.20 -> 10.1.1.10");
            assertThat(a.count()).isEqualTo(1);
            assertThat(a.src()).isEqualTo(HMI);
            assertThat(a.dst()).isEqualTo(PLC);
        });
    }

    @Test
    void aPollThatComesBackAfterAStopIsJudgedAfreshAndAShortPauseIsNoStop() {
        Detection d = learned();
        poll(d, readHolding(0, 10), PLC, 60, 100, 1.0);
        poll(d, readHolding(0, 10), PLC, 105, 200, 1.0); // five periods silent: below the ten of a stop
        assertThat(d.alerts()).isEmpty();
    }

    @Test
    void irregularRequestsWhileLearningAreNoPollingCycleAndAreNotJudged() {
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(LEARN), DetectionLimits.DEFAULT);
        double[] operator = {1, 2, 9, 10, 25, 26, 27, 40, 55, 59};
        for (double t : operator) {
            d.accept(request(t, HMI, PLC, writeRegister(0, 600)));
        }
        poll(d, writeRegister(0, 600), PLC, 60, 70, 0.1);
        assertThat(drift(d)).isEmpty();
    }

    @Test
    void aSavedBaselineKeepsItsPollingCyclesAndAnOldOneWithoutThemStillLoads() {
        Detection learning = learned();
        learning.accept(request(61, HMI, PLC, readHolding(0, 10)));
        BaselineSnapshot saved = learning.baseline().snapshot();
        assertThat(saved.polls()).singleElement().satisfies(p -> {
            assertThat(p.periodNanos()).isEqualTo(Observations.SECOND);
            assertThat(p.function()).isEqualTo(3);
            assertThat(p.address()).isZero();
            assertThat(p.quantity()).isEqualTo(10);
        });
        Detection loaded = new Detection(
                Optional.empty(),
                new BaselineSource.Loaded(Baseline.of(saved, DetectionLimits.DEFAULT)),
                DetectionLimits.DEFAULT);
        poll(loaded, readHolding(0, 10), PLC, 100, 140, 0.25);
        assertThat(drift(loaded))
                .singleElement()
                .satisfies(a -> assertThat(ids(a)).containsExactly("T0814"));

        BaselineSnapshot old = new BaselineSnapshot(
                saved.learnedFrom(), saved.learnedUntil(), saved.pairs(), saved.writes(), saved.discoverers());
        assertThat(old.polls()).isEmpty();
        Detection fromOld = new Detection(
                Optional.empty(),
                new BaselineSource.Loaded(Baseline.of(old, DetectionLimits.DEFAULT)),
                DetectionLimits.DEFAULT);
        poll(fromOld, readHolding(0, 10), PLC, 100, 140, 0.25);
        assertThat(fromOld.alerts()).isEmpty();
    }

    @Test
    void pollingCyclesStopAtTheBaselinesLimitAndTheRestIsCounted() {
        DetectionLimits small = new DetectionLimits(100, 2, 3, 8, 8, 3, Duration.ofSeconds(5));
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(LEARN), small);
        for (int address = 0; address < 10; address++) {
            d.accept(request(address, HMI, PLC, readHolding(address, 1)));
        }
        assertThat(d.baseline().pollCount()).isEqualTo(3);
        assertThat(d.baseline().pollsDropped()).isEqualTo(7);
    }
}
