package io.isthmus.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages whose APIs other branches build (assets, map, incidents, OEE, energy, transfer),
 * against a console server that answers with exactly the JSON shapes their briefs fix. This proves
 * the pages read those shapes before the real endpoints are merged; {@link ConsoleBrowserTest}
 * covers the real demo, where these APIs are absent today and present after the merge.
 */
class ConsolePagesContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ASSET = """
            {"id":"ip:127.0.0.1:5020","name":"conveyor PLC","ips":["127.0.0.1"],"mac":null,"vendor":"Isthmus",
             "model":"Virtual PLC","firmware":"1.0","serial":"VF-1","role":"PLC","roleEvidence":["serves Modbus/TCP on 5020"],
             "level":"L1","levelConfidence":"high","zone":"cell-transport","protocols":["modbus"],"peers":2,
             "firstSeen":"2026-11-26T00:00:00Z","lastSeen":"2026-11-26T00:05:00Z","alerts":1}""";
    static final String LAPTOP = """
            {"id":"ip:127.0.0.66","name":"IT laptop","ips":["127.0.0.66"],"role":"IT_HOST","level":"L4",
             "levelConfidence":"medium","zone":"enterprise","protocols":["modbus"],"peers":6,"alerts":4,
             "firstSeen":"2026-11-26T00:00:30Z","lastSeen":"2026-11-26T00:01:35Z"}""";
    static final String EVENT = """
            {"time":"2026-11-26T00:01:05Z","edge":"sensor","sequence":7,"kind":"network_alert","severity":"high",
             "title":"Stop command from an IT host","summary":"write coil 0 = off from 127.0.0.66",
             "facts":{"function":"5","address":"0"},"assets":["ip:127.0.0.1:5020","ip:127.0.0.66"],"techniques":["T0855"]}""";
    static final String MAP = """
            {"levels":[{"level":"L4","name":"Enterprise"},{"level":"L1","name":"Basic control"}],
             "nodes":[{"id":"ip:127.0.0.66","label":"IT laptop","level":"L4","role":"IT_HOST","zone":"enterprise","x":140,"y":20},
                      {"id":"ip:127.0.0.1:5020","label":"conveyor PLC","level":"L1","role":"PLC","zone":"cell","x":140,"y":160},
                      {"id":"ip:127.0.0.1:5021","label":"filler PLC","level":"L1","role":"PLC","zone":"cell","x":330,"y":160}],
             "edges":[{"id":"e0","source":"ip:127.0.0.66","target":"ip:127.0.0.1:5020","protocol":"modbus","access":["write"],
                       "packets":12,"bytes":900,"violation":true}]}""";

    static ConsoleServer server;
    static Browser browser;
    static ChromeDriver driver;
    static String base;
    static final AtomicReference<String> status = new AtomicReference<>("open");

    @BeforeAll
    static void start() throws Exception {
        ConsoleServer.Routes fixtures = (app, json) -> {
            app.get("/api/assets", ctx -> {
                String q = ctx.queryParam("q");
                List<JsonNode> all = List.of(JSON.readTree(ASSET), JSON.readTree(LAPTOP));
                List<JsonNode> items = all.stream()
                        .filter(a -> q == null || q.isEmpty() || a.toString().contains(q))
                        .toList();
                ctx.json(Map.of("items", items, "total", items.size(), "limit", 50, "offset", 0));
            });
            app.get("/api/assets/{id}", ctx -> {
                ObjectNode a = (ObjectNode) JSON.readTree(ASSET);
                a.set(
                        "peers",
                        JSON.readTree("[{\"id\":\"ip:127.0.0.66\",\"name\":\"IT laptop\",\"protocols\":[\"modbus\"],"
                                + "\"packets\":12,\"bytes\":900}]"));
                a.set("alerts", JSON.readTree("[" + EVENT + "]"));
                ctx.json(a);
            });
            app.get("/api/map", ctx -> ctx.json(JSON.readTree(MAP)));
            app.get("/api/incidents", ctx -> {
                boolean match = status.get().equals(ctx.queryParam("status"));
                List<JsonNode> items = match ? List.of(incident(false)) : List.of();
                ctx.json(Map.of("items", items, "total", items.size(), "limit", 100, "offset", 0));
            });
            app.get("/api/incidents/{id}", ctx -> ctx.json(incident(true)));
            app.post("/api/incidents/{id}/acknowledge", ctx -> {
                String by = JSON.readTree(ctx.body()).path("by").asText();
                if (!status.compareAndSet("open", "acknowledged")) {
                    ConsoleServer.problem(ctx, 409, "Conflict", "incident is " + status.get());
                    return;
                }
                ObjectNode i = incident(true);
                ((com.fasterxml.jackson.databind.node.ArrayNode) i.get("history"))
                        .add(JSON.readTree("{\"time\":\"2026-11-26T00:02:00Z\",\"by\":\"" + by
                                + "\",\"from\":\"open\",\"to\":\"acknowledged\"}"));
                ctx.json(i);
            });
            app.get("/api/oee", ctx -> ctx.json(JSON.readTree("""
                    {"items":[{"scope":"line","id":"line1","period":{"from":"2026-11-26T06:00:00Z","to":"2026-11-26T14:00:00Z","shift":"early"},
                      "availability":0.9,"performance":0.8,"quality":0.99,"oee":0.7128,"plannedBusySeconds":28800,"productionSeconds":25920,
                      "produced":1000,"good":990,"losses":[{"faultCode":201,"faultClass":"material","description":"bottle jam","seconds":90,"count":1}]},
                     {"scope":"machine","id":"conveyor","period":{"from":"2026-11-26T06:00:00Z","to":"2026-11-26T14:00:00Z","shift":"early"},
                      "availability":0.9,"performance":0.8,"quality":1.0,"oee":0.72,"plannedBusySeconds":28800,"productionSeconds":25920,
                      "produced":1000,"good":1000,"losses":[]}]}""")));
            app.get("/api/energy", ctx -> ctx.json(JSON.readTree("""
                    {"items":[{"scope":"line","id":"line1","period":{"from":"2026-11-26T06:00:00Z","to":"2026-11-26T14:00:00Z","shift":"early"},
                      "kwh":321.5,"goodUnits":990,"kwhPerGoodUnit":0.3247,"co2eLocationKg":120.1,"co2eMarketKg":80.2},
                     {"scope":"machine","id":"filler","period":{"from":"2026-11-26T06:00:00Z","to":"2026-11-26T14:00:00Z","shift":"early"},
                      "kwh":88.25,"goodUnits":990,"kwhPerGoodUnit":0.0891,"co2eLocationKg":33.0,"co2eMarketKg":22.0}],
                     "factors":{"year":2026,"locationKgPerKwh":0.3736,"marketKgPerKwh":0.2495,"source":"example factors"}}""")));
            app.get("/api/transfer", ctx -> ctx.json(JSON.readTree("""
                    {"receivers":[{"site":"demo-line1","listen":"127.0.0.1:7000","epoch":1,"lastSequence":420,
                      "rateBitsPerSecond":1.0E6,"batches":42,"recoveredFragments":3,
                      "lostRanges":[{"from":100,"to":104,"tags":["a/b/c/d/e/f/g"],"fromTime":"2026-11-26T00:00:00Z","toTime":"2026-11-26T00:00:05Z"}],
                      "lastHeartbeat":"2026-11-26T00:05:00Z"}]}""")));
        };
        server = new ConsoleServer(
                        new LatestValues(), List::<TagJson>of, () -> Map.of("status", "ok", "role", "hub"), fixtures)
                .start(new InetSocketAddress("127.0.0.1", 0));
        base = "http://127.0.0.1:" + server.port() + "/";
        browser = Browser.start();
        driver = browser.driver;
    }

    static ObjectNode incident(boolean detail) throws Exception {
        ObjectNode i = (ObjectNode) JSON.readTree("""
                {"id":"inc-1","title":"IT host stopped the conveyor during a jam","status":"%s","severity":"critical",
                 "assignee":null,"opened":"2026-11-26T00:01:05Z","updated":"2026-11-26T00:01:05Z",
                 "assets":["ip:127.0.0.1:5020"],"techniques":["T0855"],"faultClasses":["material"],"eventCount":2}""".formatted(status.get()));
        if (detail) {
            i.set("events", JSON.readTree("[" + EVENT + "]"));
            i.set("notes", JSON.readTree("[]"));
            i.set("history", JSON.readTree("[]"));
            i.set(
                    "runbook",
                    JSON.readTree("{\"id\":\"T0855\",\"title\":\"Unauthorized command message\","
                            + "\"markdown\":\"# Unauthorized command\\n\\n1. **Isolate** the IT host at the conduit\\n"
                            + "2. Verify the PLC program <b>and</b> setpoints\\n3. Restart the line safely\"}"));
        }
        return i;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriverWait await() {
        return Browser.waitFor(driver, 10);
    }

    @Test
    void theAssetPageSearchesTheInventoryAndOpensADetailWithPeersAndAlerts() {
        driver.get(base + "#/assets");
        await().until(d ->
                d.findElements(By.cssSelector("#asset-table tbody tr")).size() == 2);
        driver.findElement(By.id("asset-q")).sendKeys("127.0.0.66");
        await().until(d ->
                d.findElements(By.cssSelector("#asset-table tbody tr")).size() == 1);
        assertThat(Browser.text(driver, By.id("asset-table"))).contains("IT laptop");
        driver.findElement(By.id("asset-q")).clear();
        driver.get(base + "#/assets/" + "ip%3A127.0.0.1%3A5020");
        await().until(d -> !d.findElements(By.id("peers-h")).isEmpty());
        assertThat(Browser.text(driver, By.cssSelector("#page h2"))).isEqualTo("conveyor PLC");
        assertThat(Browser.text(driver, By.id("page")))
                .contains("serves Modbus/TCP on 5020", "IT laptop", "Stop command from an IT host", "T0855");
    }

    @Test
    void theMapDrawsEveryNodeInItsLevelLaneMarksViolationsAndOpensAnAsset() {
        driver.get(base + "#/map");
        await().until(d -> d.findElements(By.cssSelector("#map-svg a.node")).size() == 3);
        assertThat(driver.findElements(By.cssSelector("#map-svg .lane"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#map-svg .lane-title")).stream()
                        .map(e -> e.getText())
                        .toList())
                .containsExactly("Enterprise", "Basic control");
        assertThat(driver.findElements(By.cssSelector("#map-svg .edge.violation")))
                .hasSize(1);
        driver.findElement(By.cssSelector("#map-svg a.node[aria-label^='filler PLC']"))
                .click();
        await().until(d -> d.getCurrentUrl().endsWith("#/assets/ip%3A127.0.0.1%3A5021"));
    }

    @Test
    void anIncidentShowsItsEvidenceAndRunbookAndCanBeAcknowledgedOnce() {
        status.set("open");
        driver.get(base + "#/incidents");
        await().until(d ->
                !d.findElements(By.cssSelector("#incident-table tbody tr a")).isEmpty());
        driver.findElement(By.cssSelector("#incident-table tbody tr a")).click();
        await().until(ExpectedConditions.elementToBeClickable(By.id("btn-acknowledge")));
        assertThat(Browser.text(driver, By.cssSelector(".runbook ol"))).contains("Isolate the IT host", "<b>and</b>");
        assertThat(driver.findElements(By.cssSelector(".runbook b"))).isEmpty();
        assertThat(Browser.text(driver, By.id("incident-events"))).contains("write coil 0 = off");
        driver.findElement(By.id("btn-acknowledge")).click();
        await().until(ExpectedConditions.textToBe(By.id("incident-status"), "acknowledged"));
        assertThat(driver.findElement(By.id("btn-acknowledge")).isEnabled()).isFalse();
        assertThat(Browser.text(driver, By.id("page"))).contains("operator: open → acknowledged");
    }

    @Test
    void oeeEnergyAndDataFlowShowTheFiguresOfTheirApis() {
        driver.get(base + "#/oee");
        await().until(d -> !d.findElements(By.id("oee-table")).isEmpty());
        assertThat(Browser.text(driver, By.id("oee-table"))).contains("71.3 %", "201 bottle jam: 90 s (1×)");
        driver.get(base + "#/energy");
        await().until(d -> !d.findElements(By.id("energy-table")).isEmpty());
        assertThat(Browser.text(driver, By.id("energy-table"))).contains("321.50", "0.3247");
        assertThat(Browser.text(driver, By.id("page"))).contains("0.3736 kg/kWh location-based");
        driver.get(base + "#/");
        await().until(d -> d.findElement(By.cssSelector("#tile-flow [data-field='value']"))
                .getText()
                .equals("1 gaps"));
        await().until(d -> d.findElement(By.cssSelector("#tile-oee [data-field='value']"))
                .getText()
                .equals("71.3 %"));
        assertThat(Browser.text(driver, By.cssSelector("#tile-incidents [data-field='value']")))
                .matches("\\d+");
        assertThat(Browser.text(driver, By.cssSelector("#tile-energy [data-field='value']")))
                .isEqualTo("321.5 kWh");
    }
}
