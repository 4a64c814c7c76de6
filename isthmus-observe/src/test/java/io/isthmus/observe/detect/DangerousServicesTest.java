package io.isthmus.observe.detect;

import static io.isthmus.observe.detect.LabelledCapturesTest.analyse;
import static io.isthmus.observe.detect.LabelledCapturesTest.ids;
import static io.isthmus.observe.detect.Observations.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.iec104.Iec104Dissector;
import io.isthmus.wire.iec104.Iec104Limits;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dangerous services of BACnet and IEC 60870-5-104 (beyond Modbus, S7, CIP and DNP3): found in
 * a real capture through the whole pipeline, and as a table over the attribute values the
 * dissectors report (io.isthmus.wire.bacnet package-info; IEC 104 function = type id).
 */
class DangerousServicesTest {
    static final String CLIENT = "10.1.2.20";
    static final String DEVICE = "10.1.1.10";

    @Test
    void bacnetCommunicationControlDisableAndAColdstartInARealCaptureAreDangerousCommands() throws Exception {
        List<Alert> alerts = analyse(
                        "bacnet__cisagov-bacnet__bacnet_error_reject_abort.pcap",
                        Optional.empty(),
                        new BaselineSource.None())
                .alerts()
                .stream()
                .filter(a -> a.rule() == Rule.DANGEROUS_COMMAND)
                .toList();
        assertThat(alerts)
                .extracting(a -> ids(a).getFirst() + " frame "
                        + a.evidence().getFirst().frame() + " " + a.src() + " -> " + a.dst())
                .containsExactlyInAnyOrder(
                        "T0814 frame 17 10.10.10.10 -> 192.168.3.100", "T0816 frame 19 10.10.10.10 -> 192.168.3.100");
        assertThat(alerts)
                .extracting(a -> a.event().title())
                .containsExactlyInAnyOrder(
                        "BACnet DeviceCommunicationControl disable sent by 10.10.10.10 to 192.168.3.100",
                        "BACnet ReinitializeDevice coldstart sent by 10.10.10.10 to 192.168.3.100");
    }

    @ParameterizedTest(name = "{0} {1} {2}={3}: {4}")
    @CsvSource({
        "bacnet, 20, reinitialize_state, coldstart, T0816, CRITICAL",
        "bacnet, 20, reinitialize_state, warmstart, T0816, CRITICAL",
        "bacnet, 20, reinitialize_state, activate-changes, T0816, HIGH",
        "bacnet, 20, reinitialize_state, start-restore, T0843, CRITICAL",
        "bacnet, 20, reinitialize_state, end-backup, T0845, HIGH",
        "bacnet, 20, reinitialize_state, abort-restore, '', ''",
        "bacnet, 20, reinitialize_state, 99, T0816, HIGH",
        "bacnet, 17, enable_disable, disable, T0814, CRITICAL",
        "bacnet, 17, enable_disable, disable-initiation, T0804, HIGH",
        "bacnet, 17, enable_disable, enable, '', ''",
        "bacnet, 12, property, present-value, '', ''",
        "bacnet, 276, enable_disable, disable, '', ''",
        "iec104, 105, cause, act, T0816, CRITICAL",
        "iec104, 100, cause, act, '', ''",
        "iec104, 45, cause, act, '', ''",
        "opcua, 20, reinitialize_state, coldstart, '', ''",
    })
    void dangerousServicesAreKnownByTheirFunctionAndParameters(
            String protocol, int function, String attribute, String value, String technique, String severity) {
        MessageSummary m = MessageSummary.of(
                        Protocol.fromId(protocol), Direction.REQUEST, function, "f" + function, AccessKind.CONTROL)
                .withAttribute(attribute, value);
        Detection d = new Detection(Optional.empty(), new BaselineSource.None(), DetectionLimits.DEFAULT);
        d.accept(request(1, CLIENT, DEVICE, m));
        List<Alert> alerts = d.alerts();
        if (technique.isEmpty()) {
            assertThat(alerts).isEmpty();
        } else {
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo(Rule.DANGEROUS_COMMAND);
                assertThat(ids(a)).containsExactly(technique);
                assertThat(a.event().severity().name()).isEqualTo(severity);
            });
        }
    }

    /** C_RP_NA_1 activation, QRP 1 (general reset), common address 3: no shared capture has one. */
    static final String RESET_PROCESS_ACT = "680e00000000690106000300000000" + "01";
    /** C_IC_NA_1 activation, station interrogation: iec104__ITI__090813_diverse.pcap frame 73. */
    static final String INTERROGATION_ACT = "680e3c00bc00640106000300000000" + "14";

    static MessageSummary dissect(String hex) {
        Dissection d = new Iec104Dissector(Iec104Limits.DEFAULT)
                .next(ByteBuffer.wrap(HexFormat.of().parseHex(hex)), Direction.REQUEST);
        assertThat(d).isInstanceOf(Dissection.Messages.class);
        return ((Dissection.Messages) d).messages().getFirst();
    }

    @Test
    void anIec104ResetProcessCommandAsTheDissectorReportsItIsADeviceRestart() {
        MessageSummary m = dissect(RESET_PROCESS_ACT);
        assertThat(m.function()).isEqualTo(105);
        assertThat(m.direction()).isEqualTo(Direction.REQUEST);
        Detection d = new Detection(Optional.empty(), new BaselineSource.None(), DetectionLimits.DEFAULT);
        d.accept(request(1, CLIENT, DEVICE, m));
        assertThat(d.alerts()).singleElement().satisfies(a -> {
            assertThat(ids(a)).containsExactly("T0816");
            assertThat(a.event().title()).isEqualTo("IEC 104 reset process (C_RP_NA_1) sent by 10.1.2.20 to 10.1.1.10");
        });
    }

    /**
     * A general interrogation is what every IEC 104 master sends when it connects, so it is not a
     * dangerous command; from a host that never talked to the station it is a new pair, and from a
     * known master that never interrogated, a new function.
     */
    @Test
    void aGeneralInterrogationIsNoDangerButFromANewHostItIsANewPair() {
        MessageSummary gi = dissect(INTERROGATION_ACT);
        assertThat(gi.function()).isEqualTo(100);
        Detection d = new Detection(
                Optional.empty(), new BaselineSource.Learn(Duration.ofSeconds(10)), DetectionLimits.DEFAULT);
        d.accept(request(0, CLIENT, DEVICE, gi));
        d.accept(request(20, CLIENT, DEVICE, gi));
        assertThat(d.alerts()).as("the learned master interrogating again").isEmpty();
        d.accept(request(21, "192.168.1.66", DEVICE, gi));
        assertThat(d.alerts()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Rule.NEW_PAIR);
            assertThat(ids(a)).containsExactly("T0886");
        });
    }
}
