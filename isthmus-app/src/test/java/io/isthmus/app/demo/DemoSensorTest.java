package io.isthmus.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.config.ScenarioFiles;
import io.isthmus.sim.VirtualFactoryConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's network sensor end to end: the virtual factory plays attack-demo, its mirror port
 * carries the real Modbus/TCP traffic of its PLC servers, the hub's sensor runs the shipped policy
 * with a learning window, and the attacks arrive in {@code /api/events} with their ATT&CK ids
 * while the edge's polling (the line's normal supervisory traffic) raises nothing.
 */
class DemoSensorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAPTOP = "127.0.0.66";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A sensor alert: rule, techniques and source of an {@code /api/events} item from edge sensor. */
    record Seen(String rule, List<String> techniques, String src, String title) {}

    @Test
    void attackDemoRaisesItsAlertsInTheHubAndThePollingRaisesNone(@TempDir Path pki, @TempDir Path data)
            throws Exception {
        int opcUaPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUaPort = s.getLocalPort();
        }
        var scenario = ScenarioFiles.load("attack-demo");
        int modbusBase = consecutiveFreePorts(6); // the scan probes the PLCs' ports and five either side
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = modbusBase;
            b.opcUaPort = opcUaPort;
            b.speed = 4;
            b.pkiDir = pki;
            b.scenario = scenario;
        });
        try (DemoRuntime demo =
                DemoRuntime.start(config, new InetSocketAddress("127.0.0.1", 0), o -> {}, Optional.of(data))) {
            String base = "http://127.0.0.1:" + demo.httpPort();
            List<Predicate<Seen>> expected = List.of(
                    a -> a.rule().equals("scan") && a.techniques().contains("T0846"),
                    a -> a.rule().equals("discovery") && a.techniques().contains("T0888"),
                    a -> a.rule().startsWith("policy") && a.techniques().contains("T0855"),
                    a -> a.techniques().contains("T0836"),
                    a -> a.rule().equals("dangerous-command") && a.techniques().contains("T0816"));
            List<Seen> alerts = awaitAlerts(base, expected, Duration.ofSeconds(120));
            for (Predicate<Seen> p : expected) {
                assertThat(alerts).as("alerts from the sensor").anySatisfy(a -> {
                    assertThat(p.test(a)).isTrue();
                    assertThat(a.src()).isEqualTo(LAPTOP);
                });
            }
            assertThat(alerts)
                    .as("the edge polls the PLCs from 127.0.0.1 as the learned baseline: no alert")
                    .noneSatisfy(a -> assertThat(a.src()).isEqualTo("127.0.0.1"));

            assertOneIncidentJoinsTheStopCommandAndTheJam(base);

            JsonNode status = JSON.readTree(get(base + "/api/sensor").body());
            assertThat(status.get("state").asText()).isEqualTo("running");
            assertThat(status.get("packets").asLong()).isPositive();
            assertThat(status.get("alerts").asLong()).isGreaterThanOrEqualTo(expected.size());
            assertThat(status.get("dropped").asLong()).isZero();
            assertThat(status.get("learning").asBoolean()).isFalse();

            JsonNode assets = JSON.readTree(get(base + "/api/assets?sort=ip").body());
            assertThat(assets.get("items").findValuesAsText("id")).contains("ip:127.0.0.1", "ip:" + LAPTOP);
            assertThat(assets.get("total").asInt())
                    .isEqualTo(assets.get("items").size());
            assertSixPlcsWithTheirOwnAddresses(base, demo);

            JsonNode laptop =
                    JSON.readTree(get(base + "/api/assets/ip:" + LAPTOP).body());
            assertThat(laptop.get("zone").asText()).isEqualTo("enterprise");
            assertThat(laptop.get("peers").findValuesAsText("id"))
                    .as("the laptop wrote the conveyor and restarted the capper's communications")
                    .contains("ip:127.0.0.10", "ip:127.0.0.12")
                    .doesNotContain("ip:127.0.0.1");
            assertThat(laptop.get("alerts").size()).isPositive();
            assertThat(laptop.get("alerts").get(0).get("edge").asText()).isEqualTo("sensor");

            JsonNode map = JSON.readTree(get(base + "/api/map").body());
            assertThat(map.get("nodes").findValuesAsText("id"))
                    .contains(
                            "ip:127.0.0.1",
                            "ip:" + LAPTOP,
                            "ip:127.0.0.10",
                            "ip:127.0.0.11",
                            "ip:127.0.0.12",
                            "ip:127.0.0.13",
                            "ip:127.0.0.14",
                            "ip:127.0.0.15");
            assertThat(map.get("edges")).anySatisfy(e -> {
                assertThat(e.get("source").asText()).isEqualTo("ip:" + LAPTOP);
                assertThat(e.get("violation").asBoolean()).isTrue();
            });
            HttpResponse<String> svg = get(base + "/api/map.svg");
            assertThat(svg.headers().firstValue("content-type"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("image/svg+xml"));
            assertThat(svg.body()).contains("<svg").contains(LAPTOP);
        }
        assertThat(Files.readString(data.resolve("inventory.json"))).contains("ip:" + LAPTOP);
    }

    /**
     * Each PLC listens on its own loopback address (127.0.0.10 … .15), so the sensor sees six PLC
     * assets in the cell, each with its own IP, and the edge's poller (127.0.0.1) apart from them.
     */
    private void assertSixPlcsWithTheirOwnAddresses(String base, DemoRuntime demo) throws Exception {
        List<String> plcAddresses = demo.factory().plcs().stream()
                .map(p -> p.address().getAddress().getHostAddress())
                .toList();
        assertThat(plcAddresses)
                .containsExactly("127.0.0.10", "127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14", "127.0.0.15");
        JsonNode plcs = JSON.readTree(get(base + "/api/assets?role=plc&sort=ip").body());
        List<String> ids = plcs.get("items").findValuesAsText("id");
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        plcAddresses.stream().map(a -> "ip:" + a).toList());
        for (JsonNode plc : plcs.get("items")) {
            assertThat(plc.get("ips").size()).as(plc.toString()).isEqualTo(1);
            assertThat(plc.get("role").asText()).as(plc.toString()).isEqualToIgnoringCase("plc");
            assertThat(plc.get("zone").asText()).as(plc.toString()).isEqualTo("cell");
        }
        JsonNode poller = JSON.readTree(get(base + "/api/assets/ip:127.0.0.1").body());
        assertThat(poller.get("role").asText())
                .as("the edge's poller is no PLC any more")
                .isNotEqualToIgnoringCase("plc");
    }

    /**
     * Issue 8's story: the stop-coil write from the IT laptop (network alert, T0855) and the
     * conveyor's bottle jam (machine fault 201, arriving over the edge's one-way transfer and
     * raised by the hub's fault watcher) become one incident, with the T0855 runbook.
     */
    private void assertOneIncidentJoinsTheStopCommandAndTheJam(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode list = null;
        JsonNode detail = null;
        while (System.nanoTime() < deadline) {
            list = JSON.readTree(get(base + "/api/incidents").body());
            if (list.get("total").asInt() > 0) {
                String id = list.get("items").get(0).get("id").asText();
                detail = JSON.readTree(get(base + "/api/incidents/" + id).body());
                boolean fault = false;
                for (JsonNode e : detail.get("events")) {
                    fault |= e.get("kind").asText().equals("machine_fault")
                            && e.get("title").asText().contains("201");
                }
                if (fault) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        assertThat(list.get("total").asInt())
                .as("one incident, not one per event")
                .isEqualTo(1);
        assertThat(detail).isNotNull();
        assertThat(detail.get("events"))
                .as("the conveyor's jam, from the PLC's fault code")
                .anySatisfy(e -> {
                    assertThat(e.get("kind").asText()).isEqualTo("machine_fault");
                    assertThat(e.get("title").asText()).contains("conveyor").contains("201");
                });
        List<String> fromLaptop = new ArrayList<>();
        for (JsonNode e : detail.get("events")) {
            JsonNode src = e.path("facts").path("src");
            if (e.get("kind").asText().equals("network_alert") && src.asText().equals(LAPTOP)) {
                fromLaptop.add(e.get("techniques").toString());
            }
        }
        assertThat(fromLaptop)
                .as("the stop command from the IT laptop is in the incident")
                .anySatisfy(t -> assertThat(t).contains("T0855"));
        assertThat(detail.get("faultClasses").toString()).contains("material");
        assertThat(detail.get("runbook").get("id").asText()).isEqualTo("T0855");
    }

    /** The first of {@code n} consecutive ports free now, from a random start in 20000..39999. */
    private static int consecutiveFreePorts(int n) throws Exception {
        var random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20_000 + random.nextInt(20_000);
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int p = first; p < first + n; p++) {
                    held.add(new ServerSocket(p, 1, InetAddress.getLoopbackAddress()));
                }
                return first;
            } catch (java.io.IOException busy) {
                // try another range
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IllegalStateException("no " + n + " consecutive free ports on 127.0.0.1");
    }

    @Test
    void theDemosPolicyIsTheShippedConfigZonesYaml() throws Exception {
        try (var in = DemoRuntime.class.getResourceAsStream(DemoRuntime.POLICY)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(Path.of("..", "config", "zones.yaml")));
        }
        assertThat(DemoRuntime.factoryPolicy().zones()).hasSize(5);
    }

    private List<Seen> awaitAlerts(String base, List<Predicate<Seen>> expected, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<Seen> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = sensorAlerts(base);
            List<Seen> now = seen;
            if (expected.stream().allMatch(p -> now.stream().anyMatch(p))) {
                return seen;
            }
            Thread.sleep(500);
        }
        return seen;
    }

    private List<Seen> sensorAlerts(String base) throws Exception {
        JsonNode events = JSON.readTree(get(base + "/api/events?limit=1000").body());
        List<Seen> out = new ArrayList<>();
        for (JsonNode e : events.get("items")) {
            if (e.get("edge").asText().equals("sensor") && e.get("facts").has("rule")) {
                List<String> techniques = new ArrayList<>();
                e.get("techniques").forEach(t -> techniques.add(t.asText()));
                out.add(new Seen(
                        e.get("facts").get("rule").asText(),
                        techniques,
                        e.get("facts").get("src").asText(),
                        e.get("title").asText()));
            }
        }
        return out;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)) // the map is laid out by ELK; slow on a loaded machine
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
