package io.isthmus.wire.dnp3;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.CaptureStreams;
import io.isthmus.wire.CaptureStreams.FlowDirection;
import io.isthmus.wire.Direction;
import io.isthmus.wire.DissectorFactory.Confidence;
import io.isthmus.wire.DissectorStreamFeed;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DNP3 dissector alone against tshark's counts: each golden capture's TCP payloads (extracted
 * by tshark, see streams/README.md) are fed per flow direction, and the requests per application
 * function must equal golden/dnp3/CAPTURE.counts.json. The full pipeline's golden test reads the
 * pcap files themselves.
 */
class Dnp3CaptureCountsTest {
    private final Dnp3DissectorFactory factory = new Dnp3DissectorFactory();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "dnp3__ITI__cold_restart_and_response.pcap",
                "dnp3__ITI__warm_restart_and_response.pcap",
                "dnp3__ITI__select_operate_and_responses.pcap",
                "dnp3__ITI__direct_operate_no_ack_crob.pcap",
                "dnp3__ITI__direct_operate_analog_output.pcap",
                "dnp3__ITI__file_delete.pcap",
                "dnp3__ITI__dnp3_file_read.pcap",
                "dnp3__ITI__unsolcited_response_and_confirm.pcap",
                "dnp3__ITI__write_iin_and_response.pcap",
                "dnp3__ITI__immediate_freeze.pcap",
                "dnp3__ITI__DNP3-Malformed.pcap",
                "dnp3__ITI__dnp3.pcap",
                "dnp3__ITI__dnp3_read_p20001.pcap"
            })
    void requestsPerFunctionEqualTsharks(String capture) {
        Map<Integer, Long> ours = new TreeMap<>();
        for (FlowDirection flow :
                CaptureStreams.load("/io/isthmus/wire/dnp3/streams/" + capture.replace(".pcap", ".tsv"))) {
            if (!isDnp3(flow)) {
                continue;
            }
            DissectorStreamFeed feed = new DissectorStreamFeed(factory.newDissector(), Direction.REQUEST);
            flow.segments().forEach(s -> feed.feed(s.payload()));
            for (MessageSummary m : feed.messages()) {
                if (m.direction() == Direction.REQUEST) {
                    ours.merge(m.function(), 1L, Long::sum);
                }
            }
        }
        assertThat(ours).isEqualTo(CaptureStreams.counts("/golden/dnp3/" + capture + ".counts.json"));
    }

    private boolean isDnp3(FlowDirection flow) {
        ByteBuffer first = ByteBuffer.wrap(flow.segments().get(0).payload());
        return factory.probe(first, flow.sourcePort()) != Confidence.NO
                || factory.probe(first, flow.destinationPort()) != Confidence.NO;
    }
}
