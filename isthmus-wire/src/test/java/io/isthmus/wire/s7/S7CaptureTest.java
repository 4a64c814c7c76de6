package io.isthmus.wire.s7;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.DissectorFactory.Confidence;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.GoldenCounts;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.TsharkPayloadStreams;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole shared captures (streams/*.streams, extracted with tshark), one TCP direction at a time
 * with segments as captured, the factory chosen by probing the first payload as a session layer
 * would. Job counts by function equal tshark's (golden/s7comm), nothing is malformed.
 */
class S7CaptureTest {

    private static final List<DissectorFactory> FACTORIES =
            List.of(new S7commDissectorFactory(), new S7commPlusDissectorFactory());

    static List<MessageSummary> dissect(String capture) {
        List<MessageSummary> all = new ArrayList<>();
        for (var flow : TsharkPayloadStreams.load(capture)) {
            if (flow.datagrams() || (flow.sourcePort() != 102 && flow.destinationPort() != 102)) {
                continue;
            }
            var outcome = DissectorFeed.feed(
                    choose(flow.payloads().getFirst()).newDissector(),
                    flow.payloads(),
                    flow.hint(102),
                    S7Limits.DEFAULT.maxTpktLength());
            assertThat(outcome.malformed()).as(capture).isEmpty();
            assertThat(outcome.anomalies()).as(capture).isEmpty();
            assertThat(outcome.pending()).isZero();
            all.addAll(outcome.messages());
        }
        return all;
    }

    /** The factory with the highest confidence, as the session layer picks it. */
    private static DissectorFactory choose(byte[] first) {
        DissectorFactory best = FACTORIES.getFirst();
        Confidence confidence = Confidence.NO;
        for (DissectorFactory f : FACTORIES) {
            Confidence c = f.probe(ByteBuffer.wrap(first), 102);
            if (c.compareTo(confidence) > 0) {
                best = f;
                confidence = c;
            }
        }
        return best;
    }

    /** tshark's definition: S7 jobs (ROSCTR 1) by parameter function, whichever side sends them. */
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
        assertThat(jobsByFunction(dissect(capture))).isEqualTo(GoldenCounts.read("s7comm", capture));
    }

    @Test
    void theBlockDownloadCaptureShowsProgramAccessAndTheBlock() {
        var messages = dissect("s7comm__ITI__s7comm_downloading_block_db1.pcap");
        assertThat(messages)
                .filteredOn(m -> m.function() == 0x1A)
                .allSatisfy(m -> assertThat(m.access()).isEqualTo(AccessKind.PROGRAM))
                .flatExtracting(MessageSummary::attributes)
                .contains(new Attribute("s7_block_type", "DB"), new Attribute("s7_block_number", "1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s7commplus__ITI__S7-1511_db6w0_HMI.pcap",
                "s7commplus__ITI__s7-1200-hmi.pcap",
                "s7commplus__ITI__S7-1200-Uploading-OB1-TIAV12.pcap"
            })
    void s7commPlusFlowsAreLabelledS7commplusAndRequestsCountedByFunction(String capture) {
        var messages = dissect(capture);
        assertThat(messages)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.protocol()).isEqualTo(Protocol.S7COMM_PLUS));
        assertThat(messages).extracting(MessageSummary::functionName).contains("COTP Connection Request");
        var requests = messages.stream()
                .filter(m -> m.attributes().contains(new Attribute("s7p_opcode", "request")))
                .collect(Collectors.groupingBy(MessageSummary::function, TreeMap::new, Collectors.counting()));
        assertThat(requests).isEqualTo(GoldenCounts.read("s7commplus", capture));
    }

    @Test
    void theHmiCaptureReadsAndWritesThroughMultiVariables() {
        var byName = dissect("s7commplus__ITI__s7-1200-hmi.pcap").stream()
                .collect(Collectors.groupingBy(MessageSummary::functionName, Collectors.counting()));
        assertThat(byName).containsEntry("GetMultiVariables", 18L).containsEntry("SetMultiVariables", 4L);
    }

    @Test
    void aFragmentedS7commPlusMessageIsSummarisedOnce() {
        // S7-1200-Uploading-OB1-TIAV12.pcap frames 127-129: one CreateObject in three frames
        var creates = dissect("s7commplus__ITI__S7-1200-Uploading-OB1-TIAV12.pcap").stream()
                .filter(m -> m.attributes().contains(new Attribute("s7p_fragmented", "true")))
                .toList();
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst().functionName()).isEqualTo("CreateObject");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s7comm__ITI__snap7_s300_everything.pcapng",
                "s7comm__ITI__step7_s300_readDiagData.pcapng",
                "s7commplus__ITI__S7-1200-Uploading-OB1-TIAV12.pcap"
            })
    void oneOctetSegmentsGiveTheSameMessagesAsTheCapturedSegments(String capture) {
        for (var flow : TsharkPayloadStreams.load(capture)) {
            if (flow.datagrams()) {
                continue;
            }
            var bytes = new ByteArrayOutputStream();
            flow.payloads().forEach(bytes::writeBytes);
            var dissector = choose(flow.payloads().getFirst());
            var segments = DissectorFeed.feed(dissector.newDissector(), flow.payloads(), flow.hint(102), 8196);
            var octets = DissectorFeed.feed(dissector.newDissector(), bytes.toByteArray(), 1, flow.hint(102), 8196);
            assertThat(octets.messages()).isEqualTo(segments.messages());
            assertThat(octets.malformed()).isEmpty();
        }
    }
}
