package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.Main;
import io.isthmus.app.report.InventoryCsv;
import io.isthmus.app.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code isthmus analyze --report DIR --inventory FILE --levels FILE} end to end on test captures. */
class AnalyzeReportTest {
    private static final Path CAPTURES = Path.of("..", "isthmus-wire", "src", "test", "resources", "captures");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run analyze(String capture, String... more) {
        String[] base = {
            "analyze",
            CAPTURES.resolve(capture).toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--force"
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return run(all);
    }

    @Test
    void theReportDirectoryHoldsHtmlInventoryAndMapAndTheSvgIsWellFormed() throws Exception {
        Path report = tmp.resolve("report");
        Run r = analyze("s7comm__ITI__s7comm_downloading_block_db1.pcap", "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Totals:").contains("Inventory: 2 assets").contains("Report: ");
        for (String f : ReportWriter.FILES) {
            assertThat(report.resolve(f)).isNotEmptyFile();
        }
        assertThat(tmp.resolve("out").resolve("observations.jsonl")).isNotEmptyFile();

        Document svg = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(report.resolve("map.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("g").getLength()).isGreaterThanOrEqualTo(2 + 2 + 1);

        JsonNode map = JSON.readTree(report.resolve("map.json").toFile());
        assertThat(map.get("nodes")).hasSize(2);
        JsonNode ews = null;
        for (JsonNode n : map.get("nodes")) {
            assertThat(n.has("x") && n.has("y") && n.has("width") && n.has("height"))
                    .isTrue();
            if (n.get("id").asText().equals("ip:192.168.1.10")) {
                ews = n;
            }
        }
        assertThat(ews).isNotNull();
        assertThat(ews.get("role").asText()).isEqualTo("ENGINEERING_WORKSTATION");
        assertThat(ews.get("level").asText()).isEqualTo("L2");
        assertThat(ews.get("label").asText()).isEqualTo("192.168.1.10");
        JsonNode edge = map.get("edges").get(0);
        assertThat(edge.get("source").asText()).isEqualTo("ip:192.168.1.10");
        assertThat(edge.get("target").asText()).isEqualTo("ip:192.168.1.40");
        assertThat(edge.get("protocols").toString()).contains("s7comm");
        assertThat(edge.get("access").toString()).contains("program");
        assertThat(edge.get("bytes").asLong()).isPositive();
        assertThat(edge.get("points").size()).isGreaterThanOrEqualTo(2);
        assertThat(map.get("lanes").size()).isEqualTo(2);
        assertThat(map.get("lanes").get(0).get("level").asText()).isEqualTo("L2");

        JsonNode inv = JSON.readTree(report.resolve("inventory.json").toFile());
        assertThat(inv.get("version").asInt()).isEqualTo(1);
        assertThat(inv.get("assets")).hasSize(2);
        assertThat(inv.get("links").size()).isPositive();

        String csv = Files.readString(report.resolve("inventory.csv"));
        assertThat(csv).startsWith(String.join(",", InventoryCsv.HEADER) + "\r\n");
        assertThat(csv.lines()).hasSize(3);

        String html = Files.readString(report.resolve("index.html"));
        assertThat(html)
                .contains("<h2>Alerts (0)</h2>")
                .contains("<h2>Network map</h2>")
                .contains("<h2>Asset inventory (2)</h2>")
                .contains("<h2>Conduit timing (")
                .contains("ENGINEERING_WORKSTATION")
                .contains("Request Download")
                .doesNotContain("<script")
                .doesNotContain("src=\"http")
                .doesNotContain("<link");
    }

    @Test
    void aSecondRunReportsNewChangedAndVanishedAssetsAgainstTheInventoryFile() throws IOException {
        Path inventory = tmp.resolve("plant").resolve("inventory.json");
        Run first = analyze("s7comm__ITI__s7comm_downloading_block_db1.pcap", "--inventory", inventory.toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).doesNotContain("Inventory changes");
        assertThat(inventory).isNotEmptyFile();

        Path report = tmp.resolve("report");
        Run second = analyze(
                "s7comm__ITI__s7comm_reading_plc_status.pcap",
                "--inventory",
                inventory.toString(),
                "--report",
                report.toString());
        assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.OK);
        // the same two hosts: the PLC now told its identity over SZL; the station only read, no download
        assertThat(second.out())
                .contains("Inventory changes: 2")
                .contains("MEDIUM Asset changed: ip:192.168.1.40 (model, firmware, serial)")
                .contains("LOW Asset changed: ip:192.168.1.10 (role)");
        assertThat(Files.readString(report.resolve("index.html")))
                .contains("<h2>Inventory changes (2)</h2>")
                .contains("model_after=6ES7 151-8AB01-0AB0");

        Run third = analyze("modbus__ITI__modbus_test_data_part1.pcap", "--inventory", inventory.toString());
        assertThat(third.out())
                .contains("New asset ip:10.0.0.57")
                .contains("Asset vanished: ip:192.168.1.40 (PLC)")
                .contains("Asset vanished: ip:192.168.1.10");
    }

    @Test
    void aDamagedInventoryFileIsAUsageErrorBeforeAnythingIsAnalysed() throws IOException {
        Path inventory = tmp.resolve("inventory.json");
        Files.writeString(
                inventory, "{\"version\": 1, \"assets\": [{\"id\": \"ip:10.0.0.1\", \"ips\": [\"10.0.0.999\"]}]}");
        Run r = analyze("modbus__ITI__modbus_test_data_part1.pcap", "--inventory", inventory.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(inventory.toString())
                .contains("asset ip:10.0.0.1")
                .contains("10.0.0.999");
        assertThat(tmp.resolve("out").resolve("observations.jsonl")).doesNotExist();
    }

    @Test
    void theLevelsFileOverridesLevelZoneAndName() throws IOException {
        Path levels = tmp.resolve("levels.yaml");
        Files.writeString(
                levels, "assets:\n  - address: 192.168.1.40\n    level: 1\n    zone: cell-1\n    name: Press PLC\n");
        Path report = tmp.resolve("report");
        Run r = analyze(
                "s7comm__ITI__s7comm_downloading_block_db1.pcap",
                "--levels",
                levels.toString(),
                "--report",
                report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        String csv = Files.readString(report.resolve("inventory.csv"));
        assertThat(csv).contains("ip:192.168.1.40,Press PLC,192.168.1.40");
        assertThat(csv).contains(",PLC,1,CONFIGURED,cell-1,");
    }

    @Test
    void aBadLevelsFileNamesFileLineAndProblem() throws IOException {
        Path levels = tmp.resolve("levels.yaml");
        Files.writeString(levels, "assets:\n  - address: 192.168.1.40\n    level: 7\n");
        Run r = analyze("s7comm__ITI__s7comm_downloading_block_db1.pcap", "--levels", levels.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(levels + ":2:").contains("'7' is not a Purdue level");
    }
}
