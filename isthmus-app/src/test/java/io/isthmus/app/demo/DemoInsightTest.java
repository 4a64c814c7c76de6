package io.isthmus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.config.InsightConfigYaml;
import io.isthmus.insight.shift.ShiftCalendar;
import io.isthmus.sim.VirtualFactoryConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain: the virtual factory's real Modbus PLCs, the edge polling them, the hub's DuckDB
 * historian, and {@code /api/oee} and {@code /api/energy} computed from it, as {@code isthmus demo}
 * runs them. The line is producing, so its OEE shows production time and good bottles, and its
 * meters show energy — unless the test runs in a planned break or on a non-working date of the
 * built-in calendar, where the figures must say that nothing was planned.
 */
class DemoInsightTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDemoLineShowsOeeAndEnergyFromItsHistorian(@TempDir Path pki) throws Exception {
        int opcUaPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUaPort = s.getLocalPort();
        }
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUaPort;
            b.speed = 10;
            b.pkiDir = pki;
        });
        ShiftCalendar calendar = InsightConfigYaml.builtIn().oee().calendar();
        try (DemoRuntime demo = DemoRuntime.start(config, new InetSocketAddress("127.0.0.1", 0), o -> {})) {
            String base = "http://127.0.0.1:" + demo.httpPort();
            Instant started = Instant.now();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode line = null;
            JsonNode energy = null;
            while (System.nanoTime() < deadline) {
                Thread.sleep(2_000);
                line = lineItem(get(base + "/api/oee?by=day"));
                energy = lineItem(get(base + "/api/energy?by=day"));
                if (line != null
                        && line.get("good").asLong() > 0
                        && energy != null
                        && energy.get("kwh").asDouble() > 0) {
                    break;
                }
            }
            Instant now = Instant.now();
            boolean planned = calendar.periodAt(started)
                            .filter(p -> p.isPlanned(started))
                            .isPresent()
                    && calendar.periodAt(now).filter(p -> p.isPlanned(now)).isPresent();
            if (planned) {
                assertThat(line).as("line OEE item").isNotNull();
                assertThat(line.get("productionSeconds").asDouble()).isGreaterThan(0);
                assertThat(line.get("good").asLong()).isGreaterThan(0);
                assertThat(line.get("availability").asDouble()).isBetween(0.0, 1.0);
                assertThat(energy.get("kwh").asDouble()).isGreaterThan(0);
                assertThat(energy.get("goodUnits").asLong()) // asked a moment after the OEE
                        .isGreaterThanOrEqualTo(line.get("good").asLong());
                assertThat(energy.get("co2eLocationKg").asDouble()).isGreaterThan(0);
            } else {
                // a break or a non-working date: nothing is planned, so nothing is producing time
                assertThat(line == null || line.get("productionSeconds").asDouble() == 0)
                        .isTrue();
            }
            JsonNode health = JSON.readTree(get(base + "/api/machines/health"));
            assertThat(health.get("items")).hasSize(5);
            assertThat(health.get("items").findValues("status"))
                    .allSatisfy(s -> assertThat(s.asText()).isIn("learning", "no-data"));
        }
    }

    /** The line's newest period: from = start of today also reaches back into last night's shift. */
    private JsonNode lineItem(String body) throws Exception {
        JsonNode newest = null;
        for (JsonNode i : JSON.readTree(body).get("items")) {
            if (i.get("scope").asText().equals("line")) {
                newest = i;
            }
        }
        return newest;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
