package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /api/oee}, {@code /api/energy} and {@code /api/machines/health} on a real hub whose DuckDB
 * historian holds a hand-built early shift (built-in config/insight.yaml: Europe/Berlin, 06:00–14:00
 * = 05:00–13:00 UTC in November, lunch 10:00–10:30): the palletizer, the line's output, polled every
 * minute, jammed (205) 06:00–06:10 UTC; its energy counter rising 0.1 kWh a minute.
 */
class InsightApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PALLETIZER = "acme/springfield/packaging/line1/palletizing/palletizer/";
    static final String INCOMER = "acme/springfield/packaging/line1/utilities/meter/incomerEnergy";
    static final Instant START = Instant.parse("2026-11-25T05:00:00Z");

    @TempDir
    static Path dir;

    static Hub hub;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        hub = Hub.start(HubSettings.of(
                new InetSocketAddress("127.0.0.1", 0), HistorianConfig.create(dir.resolve("historian")), List.of()));
        base = "http://127.0.0.1:" + hub.port();
        List<Sample> s = new ArrayList<>();
        for (int k = 0; k < 480; k++) {
            Instant t = START.plusSeconds(60L * k);
            boolean jammed = k >= 60 && k < 70;
            s.add(Sample.good(TagPath.parse(PALLETIZER + "faultCode"), t, Value.of(jammed ? 205 : 0)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "state"), t, Value.of(jammed ? 3 : 1)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "goodCount"), t, Value.of(100L * k)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "rejectCount"), t, Value.of(0)));
            s.add(Sample.good(TagPath.parse(PALLETIZER + "energy"), t, Value.of(500 + 0.1 * k)));
            s.add(Sample.good(TagPath.parse(INCOMER), t, Value.of(2000 + 0.2 * k)));
        }
        hub.historian().append(s);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static HttpResponse<String> get(String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + q)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode item(JsonNode items, String scope, String id) {
        for (JsonNode i : items) {
            if (i.get("scope").asText().equals(scope) && i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + scope + " " + id + " in " + items);
    }

    @Test
    void oeeOfTheEarlyShiftIsHandChecked() throws Exception {
        HttpResponse<String> r = get("/api/oee?by=shift&from=2026-11-25T05:00:00Z&to=2026-11-25T13:00:00Z");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("total").asInt()).isEqualTo(6); // the line and its five machines, one shift
        JsonNode line = item(body.get("items"), "line", "line1");
        assertThat(line.get("period").get("shift").asText()).isEqualTo("early");
        assertThat(line.get("period").get("from").asText()).isEqualTo("2026-11-25T05:00:00Z");
        // PBT 8 h − 30 min = 27,000 s; jammed 600 s; APT 26,400 s
        assertThat(line.get("plannedBusySeconds").asDouble()).isCloseTo(27_000, within(1e-6));
        assertThat(line.get("productionSeconds").asDouble()).isCloseTo(26_400, within(1e-6));
        assertThat(line.get("availability").asDouble()).isCloseTo(26_400.0 / 27_000, within(1e-9));
        // 479 counted minutes × 100 bottles; ideal 600/min: performance 47,900 × 0.1 s / 26,400 s
        assertThat(line.get("good").asLong()).isEqualTo(47_900);
        assertThat(line.get("performance").asDouble()).isCloseTo(4_790.0 / 26_400, within(1e-9));
        assertThat(line.get("quality").asDouble()).isEqualTo(1.0);
        JsonNode jam = line.get("losses").get(0);
        assertThat(jam.get("faultCode").asInt()).isEqualTo(205);
        assertThat(jam.get("faultClass").asText()).isEqualTo("material");
        assertThat(jam.get("description").asText()).contains("pallet layer misaligned");
        assertThat(jam.get("seconds").asDouble()).isCloseTo(600, within(1e-6));
        assertThat(jam.get("count").asInt()).isEqualTo(1);
        // the filler has no data at all: a whole shift of no-data loss, ratios null
        JsonNode filler = item(body.get("items"), "machine", "filler");
        assertThat(filler.get("availability").asDouble()).isZero();
        assertThat(filler.get("performance").isNull()).isTrue();
        assertThat(filler.get("losses").get(0).get("faultClass").asText()).isEqualTo("no-data");
    }

    @Test
    void energyOfTheEarlyShiftIsHandChecked() throws Exception {
        HttpResponse<String> r = get("/api/energy?by=day&from=2026-11-25T05:00:00Z&to=2026-11-25T13:00:00Z");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        // 479 one-minute steps: palletizer 0.1 kWh each, incomer 0.2 kWh each
        JsonNode pal = item(body.get("items"), "machine", "palletizer");
        assertThat(pal.get("kwh").asDouble()).isCloseTo(47.9, within(1e-6));
        assertThat(pal.get("goodUnits").asLong()).isEqualTo(47_900);
        assertThat(pal.get("kwhPerGoodUnit").asDouble()).isCloseTo(0.001, within(1e-9));
        JsonNode line = item(body.get("items"), "line", "line1");
        assertThat(line.get("kwh").asDouble()).isCloseTo(95.8, within(1e-6));
        assertThat(line.get("co2eLocationKg").asDouble()).isCloseTo(95.8 * 0.38, within(1e-6));
        assertThat(line.get("co2eMarketKg").asDouble()).isCloseTo(95.8 * 0.45, within(1e-6));
        assertThat(line.get("period").get("shift").isNull()).isTrue();
        assertThat(body.get("factors").get("year").asInt()).isEqualTo(2026);
        assertThat(body.get("factors").get("source").asText()).startsWith("EXAMPLE ONLY");
    }

    @Test
    void machineHealthListsEveryMachineAndScoresLiveSamples() throws Exception {
        String filler = "acme/springfield/packaging/line1/filling/filler/";
        Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
        // one minute of a running filler: seen, but the scorer lets a motor settle 45 min first
        publishRunning(filler, t0, 60);
        JsonNode settling = JSON.readTree(get("/api/machines/health").body()).get("items");
        assertThat(settling).hasSize(5);
        assertThat(settling.get(1).get("machine").asText()).isEqualTo("filler");
        assertThat(settling.get(1).get("status").asText()).isEqualTo("learning");
        assertThat(settling.get(1).get("phase").asText()).isEqualTo("settling");
        assertThat(settling.get(0).get("status").asText()).isEqualTo("no-data");
        // an hour in all: 45 min settling, then 600 steady samples make the baseline, then it is judged
        publishRunning(filler, t0.plusSeconds(60), 3_540);
        JsonNode judged =
                JSON.readTree(get("/api/machines/health").body()).get("items").get(1);
        assertThat(judged.get("phase").asText()).isEqualTo("monitoring");
        assertThat(judged.get("status").asText()).isEqualTo("healthy");
        assertThat(judged.get("score").asDouble()).isCloseTo(100, within(1e-9)); // steady signals: z = 0
        assertThat(judged.get("drivers").get("vibrationZ").asDouble()).isCloseTo(0, within(1e-9));
        assertThat(judged.get("remainingLifeSeconds").isNull()).isTrue(); // vibration is not rising
    }

    static void publishRunning(String equipment, Instant from, int seconds) {
        for (int i = 0; i < seconds; i++) {
            Instant t = from.plusSeconds(i);
            hub.latest()
                    .publish(List.of(
                            Sample.good(TagPath.parse(equipment + "speed"), t, Value.of(600L)),
                            Sample.good(TagPath.parse(equipment + "motorTemperature"), t, Value.of(55.0)),
                            Sample.good(TagPath.parse(equipment + "motorCurrent"), t, Value.of(18.0)),
                            Sample.good(TagPath.parse(equipment + "vibration"), t, Value.of(2.1))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/oee?by=week                                          | parameter 'by' must be shift or day
            /api/energy?from=yesterday                                | parameter 'from' 'yesterday' is not a time
            /api/oee?from=2026-11-25T13:00:00Z&to=2026-11-25T05:00:00Z | must be after 'from'
            /api/energy?from=2026-01-01&to=2026-11-25                 | longer than 31 days
            /api/oee?limit=0                                          | parameter 'limit' is '0'
            /api/energy?offset=-1                                     | parameter 'offset' is '-1'
            """)
    void badParametersAreProblems(String query, String detail) throws Exception {
        HttpResponse<String> r = get(query);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains(detail);
    }

    @Test
    void pagingCutsTheItems() throws Exception {
        JsonNode body = JSON.readTree(get("/api/oee?from=2026-11-25T05:00:00Z&to=2026-11-25T13:00:00Z&limit=2&offset=1")
                .body());
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.get("total").asInt()).isEqualTo(6);
        assertThat(body.get("items").get(0).get("id").asText()).isEqualTo("conveyor");
    }
}
