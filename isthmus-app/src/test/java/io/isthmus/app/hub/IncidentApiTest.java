package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.console.TagJson;
import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Severity;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incident desk of a real hub on 127.0.0.1: events put into its event log as the sensor does
 * and faults raised from live values, the incidents REST API with its errors, runbooks, and
 * persistence across a restart on the same data directory.
 */
class IncidentApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    static final TagPath FAULT_CODE = TagPath.parse("acme/springfield/packaging/line1/transport/conveyor/faultCode");
    static final List<TagJson> CATALOG =
            List.of(new TagJson(FAULT_CODE.toString(), "ir1", "", false, "", "conveyor (modbus://10.1.1.20:502)"));
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    Hub hub;
    String base;

    Hub start(Optional<Path> runbooks) throws Exception {
        hub = Hub.start(new HubSettings(
                new InetSocketAddress("127.0.0.1", 0),
                HistorianConfig.create(dir.resolve("historian")),
                HubSettings.DEFAULT_MAX_INGEST_BYTES,
                1000,
                Set.of(),
                CATALOG,
                IngestSecurity.OPEN,
                Optional.empty(),
                new IncidentSettings(java.time.Duration.ofMinutes(10), runbooks)));
        base = "http://127.0.0.1:" + hub.port();
        return hub;
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static void problem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains(detail);
    }

    /** The stop-coil alert as the sensor raises it: target PLC first, then the IT host. */
    static Event stopCoilAlert(Instant at) {
        return new Event(
                at,
                EventKind.NETWORK_ALERT,
                Severity.HIGH,
                "Write Single Coil from 10.9.0.66 to 10.1.1.20 not allowed by policy",
                List.of(new AssetId("ip:10.1.1.20"), new AssetId("ip:10.9.0.66")),
                List.of(AttackIcs.bundled().technique("T0855")),
                Evidence.of("write to coil 0").with("zone_path", "enterprise -> transport"));
    }

    void faultCode(Instant at, long code) {
        hub.latest().publish(List.of(new Sample(FAULT_CODE, at, Value.of(code), Quality.GOOD)));
    }

    void alertAndJam() {
        faultCode(T0, 0);
        hub.events().add(new EventLog.Received("sensor", 1, stopCoilAlert(T0.plusSeconds(60))));
        faultCode(T0.plusSeconds(65), 201);
    }

    @Test
    void anAlertAndAFaultOnTheSamePlcAreOneIncidentWithTheTechniquesRunbook() throws Exception {
        start(Optional.empty());
        alertAndJam();

        JsonNode list = ok(get("/api/incidents"));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("limit").asInt()).isEqualTo(100);
        assertThat(list.get("offset").asInt()).isZero();
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("INC-1");
        assertThat(item.get("title").asText()).isEqualTo("Network alert and machine fault on ip:10.1.1.20");
        assertThat(item.get("status").asText()).isEqualTo("open");
        assertThat(item.get("severity").asText()).isEqualTo("critical");
        assertThat(item.get("assignee").isNull()).isTrue();
        assertThat(item.get("opened").asText()).isEqualTo("2026-11-26T06:01:00Z");
        assertThat(item.get("updated").asText()).isEqualTo("2026-11-26T06:01:05Z");
        assertThat(item.get("techniques").toString()).isEqualTo("[\"T0855\"]");
        assertThat(item.get("faultClasses").toString()).isEqualTo("[\"material\"]");
        assertThat(item.get("assets").toString()).isEqualTo("[\"ip:10.1.1.20\",\"ip:10.9.0.66\"]");
        assertThat(item.get("eventCount").asInt()).isEqualTo(2);

        JsonNode detail = ok(get("/api/incidents/INC-1"));
        assertThat(detail.get("events")).hasSize(2);
        JsonNode fault = detail.get("events").get(1);
        assertThat(fault.get("kind").asText()).isEqualTo("machine_fault");
        assertThat(fault.get("edge").asText()).isEqualTo("hub");
        assertThat(fault.get("title").asText()).isEqualTo("conveyor fault 201: bottle jam (material)");
        assertThat(fault.get("facts").get("endpoint").asText()).isEqualTo("10.1.1.20:502");
        assertThat(detail.get("runbook").get("id").asText()).isEqualTo("T0855");
        assertThat(detail.get("runbook").get("markdown").asText()).contains("block it **at the conduit**");
        assertThat(detail.get("notes")).isEmpty();
        assertThat(detail.get("history")).isEmpty();
        assertThat(ok(get("/api/events?limit=5")).get("items")).hasSize(2);
    }

    @Test
    void lifecycleOverRestWithConflictsAndRestartKeepsEverything() throws Exception {
        start(Optional.empty());
        alertAndJam();

        JsonNode a = ok(post("/api/incidents/INC-1/assign", "{\"assignee\":\"maria\",\"by\":\"lead\"}"));
        assertThat(a.get("assignee").asText()).isEqualTo("maria");
        JsonNode ack = ok(post("/api/incidents/INC-1/acknowledge", "{\"by\":\"maria\"}"));
        assertThat(ack.get("status").asText()).isEqualTo("acknowledged");
        problem(post("/api/incidents/INC-1/acknowledge", "{\"by\":\"maria\"}"), 409, "is acknowledged");
        ok(post("/api/incidents/INC-1/notes", "{\"by\":\"maria\",\"text\":\"laptop blocked at the IDMZ\"}"));
        JsonNode res = ok(post("/api/incidents/INC-1/resolve", "{\"by\":\"maria\",\"note\":\"program verified\"}"));
        assertThat(res.get("status").asText()).isEqualTo("resolved");
        assertThat(res.get("history")).hasSize(2);
        assertThat(res.get("history").get(1).get("from").asText()).isEqualTo("acknowledged");
        assertThat(res.get("history").get(1).get("to").asText()).isEqualTo("resolved");
        assertThat(res.get("history").get(1).get("by").asText()).isEqualTo("maria");
        assertThat(res.get("notes")).hasSize(2);
        assertThat(res.get("notes").get(0).get("author").asText()).isEqualTo("maria");
        problem(post("/api/incidents/INC-1/resolve", "{\"by\":\"maria\"}"), 409, "is resolved");
        assertThat(ok(get("/api/incidents?status=open")).get("total").asInt()).isZero();
        assertThat(ok(get("/api/incidents?status=resolved")).get("total").asInt())
                .isEqualTo(1);
        String before = get("/api/incidents/INC-1").body();

        hub.close();
        start(Optional.empty());
        assertThat(get("/api/incidents/INC-1").body()).isEqualTo(before);
        JsonNode events = ok(get("/api/events"));
        assertThat(events.get("items")).hasSize(2);
        assertThat(events.get("items").get(0).get("edge").asText()).isEqualTo("hub");

        // the conveyor jams again: the restarted hub raises the next fault with the next sequence
        // number (these samples bypass the historian, so the hub restarted without a known code)
        faultCode(T0.plusSeconds(300), 0);
        faultCode(T0.plusSeconds(400), 201);
        JsonNode after = ok(get("/api/events"));
        assertThat(after.get("items")).hasSize(3);
        assertThat(after.get("items").get(0).get("sequence").asLong()).isEqualTo(2); // the hub's first fault was 1
        JsonNode reopened = ok(get("/api/incidents/INC-1"));
        assertThat(reopened.get("status").asText())
                .as("reopened by the new fault")
                .isEqualTo("open");
        assertThat(reopened.get("history").get(2).get("by").asText()).isEqualTo("isthmus");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET  | /api/incidents?status=closed           |  | 400 | parameter 'status'",
                "GET  | /api/incidents?limit=0                 |  | 400 | parameter 'limit'",
                "GET  | /api/incidents?limit=1001              |  | 400 | parameter 'limit'",
                "GET  | /api/incidents?offset=-1               |  | 400 | parameter 'offset'",
                "GET  | /api/incidents?offset=x                |  | 400 | parameter 'offset'",
                "GET  | /api/incidents/INC-9                   |  | 404 | no incident 'INC-9'",
                "POST | /api/incidents/INC-9/acknowledge       | {\"by\":\"m\"} | 404 | no incident 'INC-9'",
                "POST | /api/incidents/INC-1/acknowledge       | {} | 400 | field 'by'",
                "POST | /api/incidents/INC-1/acknowledge       | {\"by\":7} | 400 | field 'by'",
                "POST | /api/incidents/INC-1/acknowledge       | not json | 400 | not JSON",
                "POST | /api/incidents/INC-1/acknowledge       | [1] | 400 | JSON object",
                "POST | /api/incidents/INC-1/assign            | {\"by\":\"m\"} | 400 | field 'assignee'",
                "POST | /api/incidents/INC-1/notes             | {\"by\":\"m\",\"text\":\" \"} | 400 | field 'text'",
                "POST | /api/incidents/INC-1/resolve           | {\"by\":\"m\",\"note\":5} | 400 | field 'note'",
                "POST | /api/incidents/INC-1/reopen            | {\"by\":\"m\"} | 409 | is open",
                "GET  | /api/runbooks?limit=x                  |  | 400 | parameter 'limit'",
                "GET  | /api/runbooks/T9999                    |  | 404 | no runbook 'T9999'",
            })
    void badRequestsAreProblems(String method, String path, String body, int status, String detail) throws Exception {
        start(Optional.empty());
        alertAndJam();
        problem(method.equals("GET") ? get(path) : post(path, body == null ? "" : body), status, detail);
        assertThat(ok(get("/api/incidents/INC-1")).get("status").asText()).isEqualTo("open");
    }

    @Test
    void runbooksAreListedAndADirectoryOverridesAndExtendsThem() throws Exception {
        Path books = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(
                books.resolve("T0855.md"), "# Plant procedure for unauthorized commands\n1. call the OT desk\n");
        Files.writeString(books.resolve("fault-hydraulic.md"), "# Hydraulic fault\n1. check the pressure\n");
        start(Optional.of(books));

        JsonNode all = ok(get("/api/runbooks?limit=1000"));
        assertThat(all.get("total").asInt()).isEqualTo(19);
        assertThat(all.get("items").findValuesAsText("id")).contains("T0855", "fault-material", "fault-hydraulic");
        JsonNode t0855 = ok(get("/api/runbooks/T0855"));
        assertThat(t0855.get("title").asText()).isEqualTo("Plant procedure for unauthorized commands");
        assertThat(ok(get("/api/runbooks/fault-safety")).get("markdown").asText())
                .contains("emergency stop");
        JsonNode page = ok(get("/api/runbooks?limit=2&offset=1"));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);

        alertAndJam();
        assertThat(ok(get("/api/incidents/INC-1")).get("runbook").get("title").asText())
                .isEqualTo("Plant procedure for unauthorized commands");
    }

    @Test
    void aMalformedRunbookStopsTheHubWithTheFileName() throws Exception {
        Path books = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(books.resolve("T0855.md"), "no title line\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(Optional.of(books)))
                .hasMessageContaining("T0855.md")
                .hasMessageContaining("title line");
        hub = null;
    }
}
