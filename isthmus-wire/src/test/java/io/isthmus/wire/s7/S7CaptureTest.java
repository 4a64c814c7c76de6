package io.isthmus.wire.s7;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.CaptureStreams;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.GoldenCounts;
import io.isthmus.wire.MessageSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole shared captures, one TCP direction at a time (segments as captured), against tshark's
 * counts: S7 jobs by parameter function, whichever side sends them.
 */
class S7CaptureTest {

    static List<MessageSummary> dissect(String capture) {
        List<MessageSummary> all = new ArrayList<>();
        var factory = new S7commDissectorFactory();
        for (var flow : CaptureStreams.load(capture)) {
            if (flow.datagrams() || (flow.sourcePort() != 102 && flow.destinationPort() != 102)) {
                continue;
            }
            var outcome = DissectorFeed.feed(
                    factory.newDissector(), flow.payloads(), flow.hint(102), S7Limits.DEFAULT.maxTpktLength());
            assertThat(outcome.malformed()).as(capture + " " + flow).isEmpty();
            assertThat(outcome.anomalies()).as(capture).isEmpty();
            assertThat(outcome.pending()).isZero();
            all.addAll(outcome.messages());
        }
        return all;
    }

    static Map<Integer, Long> jobsByFunction(List<MessageSummary> messages) {
        return messages.stream()
                .filter(m -> m.protocol() == Protocol.S7COMM)
                .filter(m -> m.attributes().contains(new Attribute("rosctr", "job")))
                .collect(Collectors.groupingBy(MessageSummary::function, TreeMap::new, Collectors.counting()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s7comm__ITI__snap7_s300_everything.pcapng",
                "s7comm__ITI__s7comm_downloading_block_db1.pcap",
                "s7comm__ITI__tia_s300_downloadHwConfig.pcapng",
                "s7comm__ITI__step7_s300_readDiagData.pcapng",
                "s7comm__ITI__s7comm_varservice_libnodavedemo.pcap",
                "s7comm__ITI__wincc_s300_setup-alarm-read-write.pcapng",
                "s7comm__ITI__step7_s300_stop.pcapng",
                "s7comm__ITI__s7comm_reading_plc_status.pcap",
                "s7comm__ITI__step7_s300_rwVarTab.pcapng",
                "s7comm__ITI__s7comm_reading_setting_plc_time.pcap",
                "s7comm__ITI__step7_s300_download.pcapng",
                "s7comm__ITI__s7comm_program_blocklist_onlineview.pcap"
            })
    void jobsByFunctionEqualTsharkCounts(String capture) {
        var messages = dissect(capture);
        messages.stream()
                .filter(m -> m.attributes().stream()
                        .anyMatch(a -> a.name().startsWith("szl")
                                || a.name().startsWith("s7_pi")
                                || a.name().startsWith("s7_block")
                                || a.name().startsWith("cotp")
                                || a.name().startsWith("s7_item")))
                .limit(40)
                .forEach(m -> System.out.println(m.direction() + " " + m.functionName() + " " + m.access() + " "
                        + m.address() + " " + m.quantity() + " " + m.attributes() + " " + m.status()));
        assertThat(jobsByFunction(messages)).isEqualTo(GoldenCounts.read("s7comm", capture));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s7commplus__ITI__S7-1511_db6w0_HMI.pcap",
                "s7commplus__ITI__s7-1200-hmi.pcap",
                "s7commplus__ITI__S7-1200-Uploading-OB1-TIAV12.pcap"
            })
    void s7commPlusFlowsAreLabelledS7commplus(String capture) {
        var messages = dissect(capture);
        messages.stream()
                .collect(Collectors.groupingBy(
                        m -> m.protocol() + " " + m.direction() + " " + m.functionName() + " " + m.access() + " "
                                + m.attributes(),
                        TreeMap::new,
                        Collectors.counting()))
                .forEach((k, v) -> System.out.println(v + " " + k));
        assertThat(messages)
                .filteredOn(m -> m.protocol() == Protocol.S7COMM_PLUS)
                .isNotEmpty();
    }
}
