package io.isthmus.wire.enip;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFeed;
import io.isthmus.wire.GoldenCounts;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.TsharkPayloadStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole shared captures, one flow direction at a time (TCP segments as captured, UDP datagrams one
 * by one), against tshark's counts: encapsulation requests to TCP 44818 by command.
 */
class EnipCaptureTest {

    record Observed(MessageSummary summary, boolean tcp) {}

    static List<Observed> dissect(String capture) {
        List<Observed> all = new ArrayList<>();
        var factory = new EnipDissectorFactory();
        for (var flow : TsharkPayloadStreams.load(capture)) {
            if (flow.sourcePort() != 44818 && flow.destinationPort() != 44818) {
                continue;
            }
            List<List<byte[]>> feeds =
                    flow.datagrams() ? flow.payloads().stream().map(List::of).toList() : List.of(flow.payloads());
            for (List<byte[]> feed : feeds) {
                var outcome = DissectorFeed.feed(
                        factory.newDissector(), feed, flow.hint(44818), EnipLimits.HEADER_LENGTH + 65_511);
                assertThat(outcome.malformed()).as(capture).isEmpty();
                assertThat(outcome.anomalies()).as(capture).isEmpty();
                assertThat(outcome.pending()).isZero();
                outcome.messages().forEach(m -> all.add(new Observed(m, !flow.datagrams())));
            }
        }
        return all;
    }

    static Map<Integer, Long> tcpRequestsByCommand(List<Observed> observed) {
        return observed.stream()
                .filter(o -> o.tcp() && o.summary().protocol() == Protocol.ENIP)
                .map(Observed::summary)
                .filter(m -> m.direction() == Direction.REQUEST)
                .collect(Collectors.groupingBy(MessageSummary::function, TreeMap::new, Collectors.counting()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "enip__ITI__cip_stop_plc.pcap",
                "enip__ITI__cip_start_plc.pcap",
                "enip__ITI__cip_unlock_cpu.pcap",
                "enip__ITI__cip-multiple-1.pcap",
                "enip__ITI__cip-multiple-2.pcap",
                "enip__ITI__cip-eth-set-2.pcap",
                "enip__ITI__enip_test.pcap",
                "enip__ITI__EIP-ChangeDateAttempt.pcap",
                "enip__ITI__EIP-SoftwareUpload.pcap",
                "enip__ITI__EIP-RebootorRestart.pcap"
            })
    void requestsByCommandEqualTsharkCounts(String capture) {
        assertThat(tcpRequestsByCommand(dissect(capture))).isEqualTo(GoldenCounts.read("enip", capture));
    }
}
