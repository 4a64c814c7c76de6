package io.isthmus.wire.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.MessageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every BVLL datagram of the shared BACnet captures ({@code datagrams/*.hex.gz}) through the
 * dissector: the per-function counts equal tshark's ({@code golden/bacnet/*.counts.json}), no
 * datagram is malformed, and the anomalies are the expected ones. The full capture-to-observations
 * golden test comes with the capture reader.
 */
class BacnetCaptureDatagramsTest {

    static String resource(String path) throws IOException {
        try (InputStream in = BacnetCaptureDatagramsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String gzipResource(String path) throws IOException {
        try (InputStream in = new GZIPInputStream(BacnetCaptureDatagramsTest.class.getResourceAsStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Integer> golden(String protocol, String capture) throws IOException {
        String json = resource("/golden/" + protocol + "/" + capture + ".counts.json");
        Matcher m = Pattern.compile("\"(\\d+)\": (\\d+)").matcher(json.substring(json.indexOf("\"" + protocol + "\"")));
        Map<String, Integer> counts = new TreeMap<>();
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    /**
     * The anomalies each capture must produce: none, except in bacnet_example, whose frames 572-1189
     * (120 reinitializeDevice requests with passwords of growing length, and their Error and
     * SimpleACK answers) all claim a BVLC Length of 17 whatever their size; tshark flags them too
     * ("invalid length"). The requests are longer than 17 octets, so their password tag also runs
     * past the BVLL.
     */
    static Stream<Arguments> captures() {
        return Stream.of(
                Arguments.of("bacnet__ITI__bacnet_test", Map.of()),
                Arguments.of("bacnet__cisagov-bacnet__bacnet_error_reject_abort", Map.of()),
                Arguments.of("bacnet__cisagov-bacnet__bacnet_segmented_data", Map.of()),
                Arguments.of("bacnet__cisagov-bacnet__bacnet_services", Map.of()),
                Arguments.of(
                        "bacnet__cisagov-bacnet__bacnet_example",
                        Map.of(
                                "bacnet_bvlc_length_mismatch", 120,
                                "bacnet_tag_truncated", 120,
                                "bacnet_bvlc_length_exceeds_datagram", 120)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void countsPerFunctionEqualTsharks(String capture, Map<String, Integer> expectedAnomalies) throws IOException {
        BacnetDissector dissector = new BacnetDissector(BacnetLimits.DEFAULT);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> anomalies = new TreeMap<>();
        for (String line : gzipResource("datagrams/" + capture + ".hex.gz").split("\n")) {
            byte[] datagram = HexFormat.of().parseHex(line.split("\t")[1]);
            Dissection d = dissector.next(ByteBuffer.wrap(datagram), Direction.REQUEST);
            assertThat(d).as("frame %s", line.split("\t")[0]).isInstanceOf(Dissection.Messages.class);
            for (MessageSummary s : ((Dissection.Messages) d).messages()) {
                counts.merge(String.valueOf(s.function()), 1, Integer::sum);
                s.anomalies().forEach(a -> anomalies.merge(a.code(), 1, Integer::sum));
            }
        }
        assertThat(counts).isEqualTo(golden("bacnet", capture));
        assertThat(anomalies).isEqualTo(expectedAnomalies);
    }
}
