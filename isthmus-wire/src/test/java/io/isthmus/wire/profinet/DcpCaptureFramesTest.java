package io.isthmus.wire.profinet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every DCP frame of the shared captures ({@code frames/*.hex}, payloads after EtherType 0x8892)
 * through the dissector: counts per ServiceID equal tshark's ({@code golden/pn_dcp/*.counts.json})
 * and none is malformed or anomalous. The full capture-to-observations golden test comes with the
 * capture reader.
 */
class DcpCaptureFramesTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = DcpCaptureFramesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "profinet__ITI__ChangeIPUsingDCP",
                "profinet__ITI__PROFINET-RT",
                "profinet__ITI__profinet-wireshark-bug",
                "profinet__cisagov-pnio__profinet_io_cm_mixed_2",
                "mixed__ITI__mb2"
            })
    void countsPerServiceEqualTsharks(String capture) throws IOException {
        DcpDissector dissector = new DcpDissector(DcpLimits.DEFAULT);
        Map<String, Integer> counts = new TreeMap<>();
        List<String> anomalies = new ArrayList<>();
        for (String line : resource("frames/" + capture + ".hex").split("\n")) {
            byte[] frame = HexFormat.of().parseHex(line.split("\t")[1]);
            Dissection d = dissector.next(ByteBuffer.wrap(frame), Direction.REQUEST);
            assertThat(d).as("frame %s", line.split("\t")[0]).isInstanceOf(Dissection.Messages.class);
            for (MessageSummary s : ((Dissection.Messages) d).messages()) {
                counts.merge(String.valueOf(s.function()), 1, Integer::sum);
                s.anomalies().forEach(a -> anomalies.add(line.split("\t")[0] + " " + a.code() + ": " + a.detail()));
            }
        }
        String json = resource("/golden/pn_dcp/" + capture + ".counts.json");
        Matcher m = Pattern.compile("\"(\\d+)\": (\\d+)").matcher(json.substring(json.indexOf("\"pn_dcp\"")));
        Map<String, Integer> golden = new TreeMap<>();
        while (m.find()) {
            golden.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(counts).isEqualTo(golden);
        assertThat(anomalies).isEmpty();
    }
}
