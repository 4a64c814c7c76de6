package io.isthmus.observe.detect;

import static io.isthmus.observe.detect.Observations.modbus;
import static io.isthmus.observe.detect.Observations.readHolding;
import static io.isthmus.observe.detect.Observations.request;
import static io.isthmus.observe.detect.Observations.writeCoil;
import static io.isthmus.observe.detect.Observations.writeRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import io.isthmus.model.Zone;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.session.Observation;
import io.isthmus.policy.AddressRange;
import io.isthmus.policy.ConduitRule;
import io.isthmus.policy.Policy;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionTest {
    static final String PLC = "10.1.1.10";
    static final String HMI = "10.1.2.20";
    static final String LAPTOP = "192.168.1.66";

    static Policy policy() throws Exception {
        Zone cell = new Zone("cell", PurdueLevel.LEVEL_1, List.of(IpNetwork.parse("10.1.1.0/24")), SecurityLevel.SL2);
        Zone sup = new Zone(
                "supervisory", PurdueLevel.LEVEL_2, List.of(IpNetwork.parse("10.1.2.0/24")), SecurityLevel.SL2);
        Zone office = new Zone(
                "enterprise", PurdueLevel.LEVEL_4, List.of(IpNetwork.parse("192.168.0.0/16")), SecurityLevel.SL1);
        ConduitRule hmi = new ConduitRule(
                new Conduit(
                        "hmi-to-cell",
                        "supervisory",
                        "cell",
                        Set.of(Protocol.MODBUS),
                        Set.of(AccessKind.READ, AccessKind.WRITE),
                        Conduit.Initiator.FROM),
                Set.of(3, 5, 6, 16),
                List.of(new AddressRange(0, 99)),
                Set.of());
        return Policy.of(List.of(cell, sup, office), List.of(hmi));
    }

    static Detection withPolicy() throws Exception {
        return new Detection(Optional.of(policy()), new BaselineSource.None(), DetectionLimits.DEFAULT);
    }

    static Detection learning(Duration window) {
        return new Detection(Optional.empty(), new BaselineSource.Learn(window), DetectionLimits.DEFAULT);
    }

    static List<String> ids(Alert a) {
        return a.event().techniques().stream().map(Technique::id).toList();
    }

    static List<Alert> run(Detection d, Observation... observations) {
        for (Observation o : observations) {
            d.accept(o);
        }
        return d.alerts();
    }

    @Test
    void aWriteFromAnEnterpriseHostToAPlcBreaksTheIdmzRule() throws Exception {
        List<Alert> alerts = run(withPolicy(), request(1, LAPTOP, PLC, writeCoil(0, false)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Rule.POLICY_FLOW);
            assertThat(ids(a)).containsExactly("T0855", "T0886");
            assertThat(a.zonePath()).isEqualTo("enterprise -> cell");
            assertThat(a.event().severity()).isEqualTo(Severity.HIGH);
            assertThat(a.event().title()).contains("idmz");
            assertThat(a.src()).isEqualTo(LAPTOP);
            assertThat(a.dst()).isEqualTo(PLC);
            assertThat(a.evidence()).singleElement().satisfies(e -> {
                assertThat(e.function()).isEqualTo(5);
                assertThat(e.address()).hasValue(0);
            });
        });
    }

    @Test
    void trafficTheConduitAllowsRaisesNothing() throws Exception {
        assertThat(run(
                        withPolicy(),
                        request(1, HMI, PLC, readHolding(0, 10)),
                        request(2, HMI, PLC, writeRegister(5, 1))))
                .isEmpty();
    }

    @Test
    void anOperationTheConduitDoesNotAllowIsAnOperationViolation() throws Exception {
        List<Alert> alerts = run(withPolicy(), request(1, HMI, PLC, writeRegister(500, 1)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Rule.POLICY_OPERATION);
            assertThat(a.event().title()).contains("address-not-allowed");
            assertThat(ids(a)).containsExactly("T0855");
        });
    }

    @Test
    void repeatedFindingsAreOneAlertWithACountAndBoundedEvidence() throws Exception {
        Detection d = withPolicy();
        for (int i = 0; i < 20; i++) {
            d.accept(request(i, LAPTOP, PLC, readHolding(0, 10)));
        }
        assertThat(d.alerts()).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(20);
            assertThat(a.evidence()).hasSize(DetectionLimits.DEFAULT.maxEvidence());
            assertThat(a.lastNanos() - a.firstNanos()).isEqualTo(19 * Observations.SECOND);
            assertThat(a.event().evidence().fact("count")).hasValue("20");
        });
    }

    @Test
    void aLiveListenerHearsOfEachAlertOnceWhenItFirstHappens() throws Exception {
        List<Alert> heard = new java.util.ArrayList<>();
        Detection d =
                new Detection(Optional.of(policy()), new BaselineSource.None(), DetectionLimits.DEFAULT, heard::add);
        for (int i = 0; i < 5; i++) {
            d.accept(request(i, LAPTOP, PLC, readHolding(0, 10)));
        }
        d.accept(request(5, LAPTOP, PLC, writeCoil(0, false)));
        assertThat(heard).hasSize(2);
        assertThat(heard.getFirst().count()).isEqualTo(1);
        assertThat(heard.getFirst().event().title())
                .isEqualTo(d.alerts().getFirst().event().title());
        assertThat(heard.get(1).event().techniques()).extracting(Technique::id).contains("T0855");
        assertThat(d.alerts()).hasSize(2);
    }

    @Test
    void alertsBeyondTheLimitAreEvictedAndCounted() {
        var limits = new DetectionLimits(2, 1, 10, 10, 10, 10, Duration.ofSeconds(60));
        Detection d = new Detection(Optional.empty(), new BaselineSource.None(), limits);
        for (int unit = 1; unit <= 5; unit++) {
            d.accept(request(unit, HMI, "10.1.1." + unit, restart()));
        }
        assertThat(d.alerts()).hasSize(2);
        assertThat(d.stats().alertsEvicted()).isEqualTo(3);
    }

    static MessageSummary restart() {
        return modbus(8, "Diagnostics", AccessKind.CONTROL).withAttribute("sub_function", "1");
    }

    @ParameterizedTest(name = "{0} function {1} {2}={3}: {4}")
    @CsvSource({
        "modbus, 8, sub_function, 1, T0816",
        "modbus, 8, sub_function, 4, T0814",
        "modbus, 8, sub_function, 0, ''",
        "modbus, 6, values, 1, ''",
        "s7comm, 41, s7_pi_service, P_PROGRAM, T0858",
        "s7comm, 27, rosctr, job, T0843",
        "s7comm, 26, rosctr, job, T0843",
        "s7comm, 40, s7_pi_service, _DELE, T0889",
        "s7comm, 40, s7_pi_service, _INSE, T0843",
        "s7comm, 40, s7_pi_service, P_PROGRAM, T0858",
        "s7comm, 40, s7_pi_service, _MODU, ''",
        "s7comm, 4, rosctr, job, ''",
        "enip, 111, cip_service, 0x07, T0858",
        "enip, 111, cip_service, 0x05, T0816",
        "enip, 111, cip_embedded, 0x07 Stop class 0x8E instance 1, T0858",
        "enip, 111, cip_service, 0x06, T0858",
        "enip, 111, cip_service, 0x4c, ''",
        "dnp3, 13, source, 3, T0816",
        "dnp3, 14, source, 3, T0816",
        "dnp3, 18, source, 3, T0881",
        "dnp3, 21, source, 3, T0878",
        "dnp3, 1, source, 3, ''",
        "dnp3, 20, source, 3, ''",
    })
    void dangerousCommandsAreKnownWhateverTheBaseline(
            String protocol, int function, String attribute, String value, String technique) {
        MessageSummary m = MessageSummary.of(
                        Protocol.fromId(protocol), Direction.REQUEST, function, "f" + function, AccessKind.CONTROL)
                .withAttribute(attribute, value);
        Detection d = new Detection(Optional.empty(), new BaselineSource.None(), DetectionLimits.DEFAULT);
        List<Alert> alerts = run(d, request(1, HMI, PLC, m));
        if (technique.isEmpty()) {
            assertThat(alerts).isEmpty();
        } else {
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo(Rule.DANGEROUS_COMMAND);
                assertThat(ids(a)).containsExactly(technique);
            });
        }
    }

    @Test
    void responsesAreNotJudged() {
        MessageSummary response = MessageSummary.of(
                        Protocol.MODBUS, Direction.RESPONSE, 8, "Diagnostics", AccessKind.CONTROL)
                .withAttribute("sub_function", "1");
        assertThat(run(learning(Duration.ofSeconds(1)), request(5, PLC, HMI, response)))
                .isEmpty();
    }

    /** Ten seconds of normal operation: the HMI polls and writes setpoints 500..600, coil 0 on. */
    static Detection learned() {
        Detection d = learning(Duration.ofSeconds(10));
        for (int s = 0; s < 10; s++) {
            d.accept(request(s, HMI, PLC, readHolding(0, 10)));
        }
        d.accept(request(2, HMI, PLC, writeRegister(0, 500)));
        d.accept(request(4, HMI, PLC, writeRegister(0, 600)));
        d.accept(request(5, HMI, PLC, writeCoil(0, true)));
        d.accept(request(6, HMI, PLC, modbus(43, "Read Device Identification", AccessKind.DISCOVERY)));
        d.accept(request(10.5, HMI, PLC, readHolding(0, 10)));
        assertThat(d.learning()).isFalse();
        return d;
    }

    @Test
    void nothingIsRaisedForBehaviourSeenWhileLearning() {
        Detection d = learned();
        run(
                d,
                request(11, HMI, PLC, readHolding(0, 10)),
                request(12, HMI, PLC, writeRegister(0, 550)),
                request(13, HMI, PLC, writeCoil(0, true)),
                request(14, HMI, PLC, modbus(43, "Read Device Identification", AccessKind.DISCOVERY)));
        assertThat(d.alerts()).isEmpty();
        assertThat(d.stats().learned()).isEqualTo(14);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a new client, 10.1.2.99, 3, 0, 0, new-pair, T0886",
        "a new function for a known pair, 10.1.2.20, 4, 0, 0, new-function, T0801",
        "a write to an address never written, 10.1.2.20, 6, 7, 1, write-new-address, T0836",
        "a write above the learned range, 10.1.2.20, 6, 0, 2000, write-out-of-range, T0836",
        "a write below the learned range, 10.1.2.20, 6, 0, 499, write-out-of-range, T0836",
        "a coil value never written, 10.1.2.20, 5, 0, 0, write-out-of-range, T0836",
    })
    void deviationsFromTheBaselineAreRaised(
            String what, String client, int function, int address, int value, String rule, String technique) {
        MessageSummary m = switch (function) {
            case 4 -> modbus(4, "Read Input Registers", AccessKind.READ).withRange(address, 1);
            case 5 -> writeCoil(address, value != 0);
            case 6 -> writeRegister(address, value);
            default -> readHolding(address, 1);
        };
        Detection d = learned();
        List<Alert> alerts = run(d, request(20, client, PLC, m));
        assertThat(alerts).extracting(a -> a.rule().id()).contains(rule);
        assertThat(alerts)
                .filteredOn(a -> a.rule().id().equals(rule))
                .singleElement()
                .satisfies(a -> assertThat(ids(a)).containsExactly(technique));
    }

    @Test
    void theFirstControlOperationOfAPairIsRaised() {
        MessageSummary stop = MessageSummary.of(Protocol.MODBUS, Direction.REQUEST, 90, "UMAS", AccessKind.CONTROL);
        List<Alert> alerts = run(learned(), request(20, HMI, PLC, stop));
        assertThat(alerts).extracting(Alert::rule).containsExactly(Rule.FIRST_CONTROL);
        assertThat(ids(alerts.getFirst())).containsExactly("T0858");
    }

    @Test
    void discoveryFromAHostThatNeverDidItIsReconnaissance() {
        MessageSummary identify = modbus(43, "Read Device Identification", AccessKind.DISCOVERY);
        List<Alert> alerts = run(learned(), request(20, "10.1.2.77", PLC, identify));
        assertThat(alerts)
                .filteredOn(a -> a.rule() == Rule.DISCOVERY)
                .singleElement()
                .satisfies(a -> assertThat(ids(a)).containsExactly("T0888"));
    }

    @Test
    void aSavedBaselineDetectsLikeALearnedOne() {
        BaselineSnapshot saved = learned().baseline().snapshot();
        assertThat(saved.pairs())
                .singleElement()
                .satisfies(p -> assertThat(p.functions()).containsExactly(3, 5, 6, 43));
        assertThat(saved.writes())
                .extracting(BaselineSnapshot.Write::table, BaselineSnapshot.Write::max)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("coil", 1L),
                        org.assertj.core.groups.Tuple.tuple("register", 600L));
        Detection loaded = new Detection(
                Optional.empty(),
                new BaselineSource.Loaded(Baseline.of(saved, DetectionLimits.DEFAULT)),
                DetectionLimits.DEFAULT);
        assertThat(run(loaded, request(1, HMI, PLC, writeRegister(0, 550)))).isEmpty();
        assertThat(run(loaded, request(2, HMI, PLC, writeRegister(0, 900))))
                .extracting(Alert::rule)
                .containsExactly(Rule.WRITE_OUT_OF_RANGE);
    }

    @Test
    void theBaselineStopsGrowingAtItsLimitAndCountsWhatItDropped() {
        var limits = new DetectionLimits(100, 1, 3, 10, 10, 10, Duration.ofSeconds(60));
        Detection d = new Detection(Optional.empty(), new BaselineSource.Learn(Duration.ofSeconds(100)), limits);
        for (int i = 1; i <= 10; i++) {
            d.accept(request(i, "10.1.2." + i, PLC, readHolding(0, 1)));
        }
        assertThat(d.baseline().pairCount()).isEqualTo(3);
        assertThat(d.stats().baselineDropped()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "1,0,1;3",
                "540;1",
                "0xff00;1",
                "1,2,...(+30);2",
                "'';0",
                "abc;0",
                "1,,2;1",
                "99999999999999999999;0"
            })
    void writtenValuesAreReadUpToTheFirstUnreadableItem(String text, int count) {
        assertThat(WrittenValues.parse(text)).hasSize(count);
    }
}
