package io.isthmus.wire.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.CaptureStreams;
import io.isthmus.wire.CaptureStreams.FlowDirection;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorStreamFeed;
import io.isthmus.wire.MessageSummary;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IEC 104 dissector alone against tshark's counts: each golden capture's TCP payloads
 * (extracted by tshark, see streams/README.md) to or from port 2404 are fed per flow direction,
 * with the session's hint (towards 2404 = request); all APDUs per function must equal
 * golden/iec104/CAPTURE.apdus.json and the requests CAPTURE.counts.json.
 */
class Iec104CaptureCountsTest {
    private static final int PORT = 2404;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "iec104__ITI__090813_diverse.pcap",
                "iec104__ITI__JavaRMI_and_IEC_Misc.pcap",
                "iec104__ITI__TestDissectIec104.pcap"
            })
    void apdusAndRequestsPerFunctionEqualTsharks(String capture) {
        Map<Integer, Long> all = new TreeMap<>();
        Map<Integer, Long> requests = new TreeMap<>();
        for (FlowDirection flow :
                CaptureStreams.load("/io/isthmus/wire/iec104/streams/" + capture.replace(".pcap", ".tsv"))) {
            if (flow.sourcePort() != PORT && flow.destinationPort() != PORT) {
                continue;
            }
            Direction hint = flow.destinationPort() == PORT ? Direction.REQUEST : Direction.RESPONSE;
            DissectorStreamFeed feed = new DissectorStreamFeed(new Iec104DissectorFactory().newDissector(), hint);
            flow.segments().forEach(s -> feed.feed(s.payload()));
            for (MessageSummary m : feed.messages()) {
                all.merge(m.function(), 1L, Long::sum);
                if (m.direction() == Direction.REQUEST) {
                    requests.merge(m.function(), 1L, Long::sum);
                }
            }
        }
        assertThat(all).isEqualTo(CaptureStreams.counts("/golden/iec104/" + capture + ".apdus.json"));
        assertThat(requests).isEqualTo(CaptureStreams.counts("/golden/iec104/" + capture + ".counts.json"));
    }
}
