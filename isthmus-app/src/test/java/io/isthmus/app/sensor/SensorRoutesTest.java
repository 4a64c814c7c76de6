package io.isthmus.app.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.LatestValues;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.inventory.InventoryOverrides;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sensor's API on a real console server, over the labelled attack capture (LiveSensorTest). */
class SensorRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LiveSensor sensor;
    private static ConsoleServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        SensorSettings settings = new SensorSettings(
                LiveSensorTest.ATTACKS.toString(),
                Optional.of(PolicyYaml.load(Path.of("..", "config", "zones.yaml"))),
                new BaselineSource.Learn(Duration.ofSeconds(18)),
                Optional.empty(),
                InventoryOverrides.NONE,
                SensorSettings.DEFAULT_FLOW_IDLE_TIMEOUT,
                SensorSettings.DEFAULT_REFRESH);
        sensor = LiveSensor.start(settings, SensorInput.of(LiveSensorTest.ATTACKS.toString()), (s, e) -> {});
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!sensor.status().state().equals("ended") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        server = new ConsoleServer(
                        new LatestValues(),
                        List::of,
                        Map::of,
                        new SensorRoutes(
                                Optional.of(sensor),
                                (seq, e) -> Map.of("sequence", seq, "edge", "sensor", "title", e.title())))
                .start(new InetSocketAddress("127.0.0.1", 0));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        sensor.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theListHasTheDocumentedFieldsAndPages() throws Exception {
        JsonNode all = json("/api/assets");
        assertThat(all.get("total").asInt()).isEqualTo(3); // the PLCs' address, the HMI, the laptop
        JsonNode plc = json("/api/assets?role=PLC").get("items").get(0);
        List<String> fields = new ArrayList<>();
        plc.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "id",
                        "name",
                        "ips",
                        "mac",
                        "vendor",
                        "model",
                        "firmware",
                        "serial",
                        "role",
                        "roleEvidence",
                        "level",
                        "levelConfidence",
                        "zone",
                        "protocols",
                        "peers",
                        "firstSeen",
                        "lastSeen",
                        "alerts");
        assertThat(plc.get("level").asText()).isEqualTo("L1");
        assertThat(plc.get("zone").asText()).isEqualTo("cell");
        assertThat(plc.get("alerts").asInt()).isPositive();
        JsonNode page = json("/api/assets?sort=ip&order=desc&limit=1&offset=1");
        assertThat(page.get("items").findValuesAsText("id")).containsExactly("ip:127.0.0.20");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(json("/api/assets?q=127.0.0.66").get("items").findValuesAsText("id"))
                .containsExactly("ip:127.0.0.66");
        assertThat(json("/api/assets?level=L1").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void oneAssetHasItsPeersAndAlertsAndAnUnknownOneIsAProblem() throws Exception {
        JsonNode laptop = json("/api/assets/ip:127.0.0.66");
        assertThat(laptop.get("peers").get(0).get("id").asText()).isEqualTo("ip:127.0.0.1");
        assertThat(laptop.get("peers").get(0).get("protocols").get(0).asText()).isEqualTo("modbus");
        assertThat(laptop.get("peers").get(0).get("packets").asLong()).isPositive();
        assertThat(laptop.get("alerts").findValuesAsText("edge")).isNotEmpty().containsOnly("sensor");
        HttpResponse<String> missing = get("/api/assets/ip:10.9.9.9");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).contains("ip:10.9.9.9");
    }

    @Test
    void theMapCarriesLevelsCoordinatesAndViolations() throws Exception {
        JsonNode map = json("/api/map");
        assertThat(map.get("levels").findValuesAsText("level")).contains("L1", "L2");
        assertThat(map.get("nodes"))
                .allSatisfy(n -> assertThat(n.has("x") && n.has("y")).isTrue());
        assertThat(map.get("edges")).anySatisfy(e -> {
            assertThat(e.get("source").asText()).isEqualTo("ip:127.0.0.66");
            assertThat(e.get("violation").asBoolean()).isTrue();
            assertThat(e.get("packets").asLong()).isPositive();
        });
        assertThat(map.get("edges")).anySatisfy(e -> {
            assertThat(e.get("source").asText()).isEqualTo("ip:127.0.0.20");
            assertThat(e.get("violation").asBoolean()).isFalse();
        });
        assertThat(get("/api/map.svg").body()).contains("<svg").contains("127.0.0.66");
        JsonNode status = json("/api/sensor");
        assertThat(status.get("state").asText()).isEqualTo("ended");
        assertThat(status.get("packets").asLong()).isEqualTo(7446);
    }

    @Test
    void theSensorsCountersIncludingDetectionDropsAreInItsStatusAndPrometheusMetrics() throws Exception {
        JsonNode detection = json("/api/sensor").get("detection");
        assertThat(detection.get("requests").asLong()).isPositive();
        assertThat(detection.get("pollsDropped").asLong()).isZero();
        assertThat(detection.get("baselineDropped").asLong()).isZero();
        HttpResponse<String> metrics = get("/api/sensor/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE isthmus_detection_polls_dropped_total counter\n")
                .contains("\nisthmus_detection_polls_dropped_total 0\n")
                .contains("\nisthmus_detection_alerts_evicted_total 0\n")
                .contains("\nisthmus_sensor_packets_total 7446\n")
                .contains("\nisthmus_detection_requests_total "
                        + detection.get("requests").asLong() + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "limit=0, 'limit'",
        "limit=1001, 'limit'",
        "limit=ten, 'limit'",
        "offset=-1, 'offset'",
        "sort=vendor, 'sort'",
        "order=up, 'order'",
        "role=ROUTER, 'role'",
        "level=7, 'level'"
    })
    void aBadParameterIsA400ProblemNamingIt(String query, String parameter) throws Exception {
        HttpResponse<String> r = get("/api/assets?" + query);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains(parameter);
    }
}
