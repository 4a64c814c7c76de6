package io.isthmus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactoryConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the whole demo on free ports, reads it as a browser would, and shuts it down cleanly. */
class DemoSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD_COUNT = "acme/springfield/packaging/line1/transport/conveyor/goodCount";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDemoServesTheConsoleAndLiveValuesThenStopsWithoutLeaks(@TempDir Path pki) throws Exception {
        Set<String> threadsBefore = liveNonDaemonThreads();
        int opcUaPort = freePort();
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUaPort;
            b.speed = 10;
            b.pkiDir = pki;
        });
        List<Integer> ports = new ArrayList<>();
        try (DemoRuntime demo = DemoRuntime.start(config, new InetSocketAddress("127.0.0.1", 0), o -> {})) {
            String base = "http://127.0.0.1:" + demo.httpPort();
            ports.add(demo.httpPort());
            demo.factory().plcs().stream()
                    .map(PlcEndpoint::address)
                    .map(InetSocketAddress::getPort)
                    .forEach(ports::add);

            HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Isthmus").contains("/app.js");
            assertThat(get(base + "/app.js").statusCode()).isEqualTo(200);

            double first = awaitValue(base, GOOD_COUNT, v -> v > 0);
            double later = awaitValue(base, GOOD_COUNT, v -> v > first);
            assertThat(later).isGreaterThan(first);

            JsonNode tags = JSON.readTree(get(base + "/api/tags?prefix=acme/springfield/packaging/line1/filling")
                    .body());
            assertThat(tags.get("items")).isNotEmpty();
            tags.get("items").forEach(t -> assertThat(t.get("path").asText()).contains("/filling/"));

            JsonNode event = firstStreamEvent(base);
            assertThat(event.isArray()).isTrue();
            assertThat(event.get(0).get("quality").asText()).isEqualTo("good");

            HttpResponse<String> badPath = get(base + "/api/tags/latest/not-a-tag-path");
            assertThat(badPath.statusCode()).isEqualTo(400);
            assertThat(badPath.headers().firstValue("content-type"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
            assertThat(JSON.readTree(badPath.body()).get("detail").asText()).contains("expected 7 segments");

            HttpResponse<String> missing = get(base + "/api/no-such-endpoint");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).get("status").asInt()).isEqualTo(404);

            // trends come from the historian the edge forwards into
            JsonNode history = JSON.readTree(
                    get(base + "/api/tags/history?path=" + GOOD_COUNT + "&from=now-5m&interval=10s&agg=max")
                            .body());
            assertThat(history.get("points")).hasSize(30);
            assertThat(history.get("points").findValues("v"))
                    .anySatisfy(v -> assertThat(v.asDouble()).isGreaterThan(0));
            JsonNode events = JSON.readTree(get(base + "/api/events").body());
            assertThat(events.get("items").findValues("title"))
                    .anySatisfy(t -> assertThat(t.asText()).isEqualTo("edge demo-line1 started"));

            JsonNode health = JSON.readTree(get(base + "/api/health").body());
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("plcs")).hasSize(6);
        }
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
        assertNoNewNonDaemonThreads(threadsBefore);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double awaitValue(String base, String path, java.util.function.DoublePredicate ok) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(base + "/api/tags/latest/" + path);
            if (r.statusCode() == 200) {
                double v = JSON.readTree(r.body()).get("value").asDouble();
                if (ok.test(v)) {
                    return v;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no value of " + path + " met the condition within 20 s");
    }

    private JsonNode firstStreamEvent(String base) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<java.io.InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            boolean samples = false;
            while ((line = in.readLine()) != null) {
                if (line.equals("event: samples")) {
                    samples = true;
                } else if (samples && line.startsWith("data: ")) {
                    return JSON.readTree(line.substring(6));
                }
            }
        }
        throw new AssertionError("the event stream ended without a samples event");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Set<String> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(t -> t.getName() + "#" + t.threadId())
                .collect(Collectors.toSet());
    }

    static void assertNoNewNonDaemonThreads(Set<String> before) throws InterruptedException {
        Set<String> extra = Set.of();
        for (int i = 0; i < 100; i++) {
            extra = liveNonDaemonThreads().stream()
                    .filter(t -> !before.contains(t))
                    .collect(Collectors.toSet());
            if (extra.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(extra).as("non-daemon threads left running after close").isEmpty();
    }
}
