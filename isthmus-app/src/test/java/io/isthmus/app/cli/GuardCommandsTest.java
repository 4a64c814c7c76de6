package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.Main;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus analyze} with detection, and {@code isthmus policy}, end to end on the labelled
 * captures (isthmus-observe test resources, SOURCES.md there), with real syslog receivers on
 * 127.0.0.1.
 */
class GuardCommandsTest {
    static final Path CAPTURES =
            Path.of("..", "isthmus-observe", "src", "test", "resources", "io", "isthmus", "observe", "detect");
    static final Path ATTACKS = CAPTURES.resolve("guard-attacks.pcap.gz");
    static final Path BENIGN = CAPTURES.resolve("guard-benign.pcap.gz");
    static final Path POLICY = Path.of("..", "config", "zones.yaml");
    static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 5424: PRI VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD SP MSG. */
    static final Pattern RFC5424 = Pattern.compile(
            "<(\\d{1,3})>1 (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})?Z) (\\S+) isthmus (\\d+) (\\S+) - (CEF:0\\|.*)");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    List<JsonNode> alerts(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    static Set<String> techniques(List<JsonNode> alerts) {
        Set<String> ids = new TreeSet<>();
        alerts.forEach(a -> a.get("techniques").forEach(t -> ids.add(t.asText())));
        return ids;
    }

    @Test
    void analyzeWithPolicyAndLearningWritesAlertsWithTheRequiredFields() throws IOException {
        Path out = tmp.resolve("a");
        Run r = run(
                "analyze",
                ATTACKS.toString(),
                "--out",
                out.toString(),
                "--policy",
                POLICY.toString(),
                "--learn",
                "18s");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("Detection: 5 zones, 4 conduits")
                .contains("Alerts: ")
                .contains("Detection state dropped at its limits: 0 alerts evicted, 0 scan trackers evicted,"
                        + " 0 baseline entries and 0 polling cycles not learned\n");
        List<JsonNode> alerts = alerts(out.resolve("alerts.jsonl"));
        assertThat(techniques(alerts)).contains("T0846", "T0888", "T0855", "T0816", "T0836");
        for (JsonNode a : alerts) {
            for (String field :
                    List.of("ts", "severity", "techniques", "src", "dst", "protocol", "title", "evidence")) {
                assertThat(a.has(field)).as(field + " in " + a).isTrue();
            }
            assertThat(a.get("techniques").isArray()).isTrue();
            assertThat(a.get("techniques").get(0).asText()).matches("T0\\d{3}");
            assertThat(a.get("evidence").isArray()).isTrue();
            assertThat(a.get("evidence").size()).isBetween(1, 8);
        }
        JsonNode stop = alerts.stream()
                .filter(a -> a.get("rule").asText().equals("policy-flow")
                        && a.get("title").asText().contains("write"))
                .findFirst()
                .orElseThrow();
        assertThat(stop.get("zone_path").asText()).isEqualTo("enterprise -> cell");
        assertThat(stop.get("evidence").get(0).get("frame").asLong()).isEqualTo(4936);
        assertThat(stop.get("evidence").get(0).get("function").asInt()).isEqualTo(5);
    }

    @Test
    void theSummaryNamesPollingCyclesThatDidNotFitAndSaysTheResultsAreIncomplete() {
        assertThat(GuardRun.dropped(new io.isthmus.observe.detect.DetectionStats(10, 5, 1, 1, 0, 0, 0, 7)))
                .isEqualTo("Detection state dropped at its limits: 0 alerts evicted, 0 scan trackers evicted,"
                        + " 0 baseline entries and 7 polling cycles not learned (results incomplete)");
    }

    @Test
    void theBenignCaptureGivesAnEmptyAlertsFile() throws IOException {
        Path out = tmp.resolve("b");
        Run r = run(
                "analyze", BENIGN.toString(), "--out", out.toString(), "--policy", POLICY.toString(), "--learn", "18s");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(out.resolve("alerts.jsonl"))).isEmpty();
        assertThat(r.out()).contains("Alerts: 0");
    }

    @Test
    void detectionWithThreadsRunsOnOneThreadAndSaysSo() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Run single = learnOnBenign(one);
        Run asked = learnOnBenign(two, "--threads", "2");
        assertThat(asked.exit()).as(asked.err()).isEqualTo(ExitCodes.OK);
        assertThat(single.err()).doesNotContain("--threads");
        assertThat(asked.err())
                .contains(
                        "isthmus: --threads 2 not used: detection (--policy, --learn, --baseline) needs capture order");
        assertThat(Files.readAllBytes(two.resolve("observations.jsonl")))
                .isEqualTo(Files.readAllBytes(one.resolve("observations.jsonl")));
        assertThat(Files.readAllLines(two.resolve("alerts.jsonl")))
                .isEqualTo(Files.readAllLines(one.resolve("alerts.jsonl")));
    }

    /** {@code analyze} of the benign capture with the shipped policy and 18 s of learning, plus {@code more}. */
    private static Run learnOnBenign(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "analyze",
                BENIGN.toString(),
                "--out",
                out.toString(),
                "--quiet",
                "--policy",
                POLICY.toString(),
                "--learn",
                "18s"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aTighterPollingToleranceInThePolicyFileTurnsTheBenignJitterIntoDriftAlerts() throws IOException {
        // With the default tolerances the benign capture raises nothing (test above); the same
        // capture with tolerances of 0.1 % and no absolute or spread allowance sees its jitter as drift.
        Path tight = tmp.resolve("zones-tight.yaml");
        Files.writeString(
                tight,
                Files.readString(POLICY) + "\ndetection:\n  polling-drift:\n    relative-tolerance: 0.001\n"
                        + "    absolute-tolerance: 0ms\n    spread-factor: 0\n    window: 1\n");
        Path out = tmp.resolve("tight");
        Run r = run(
                "analyze", BENIGN.toString(), "--out", out.toString(), "--policy", tight.toString(), "--learn", "18s");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> alerts = alerts(out.resolve("alerts.jsonl"));
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("rule").asText()).isEqualTo("polling-drift");
            assertThat(a.get("evidence").get(0).get("detail").asText()).contains("tolerance -0.");
        });
    }

    @Test
    void aLatencyToleranceOnTheHmiConduitIsJudgedOnEveryPairedResponse() throws IOException {
        // The benign capture's HMI polls the line through the conduit hmi-to-cell: a tolerance no
        // answer can meet (1 µs) raises latency-tolerance alerts for it, a generous one (10 s) none.
        Path strict = tmp.resolve("zones-latency.yaml");
        Files.writeString(
                strict, Files.readString(POLICY) + "\ndetection:\n  latency-tolerance:\n    hmi-to-cell: 1us\n");
        Path out = tmp.resolve("latency");
        Run r = run("analyze", BENIGN.toString(), "--out", out.toString(), "--policy", strict.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> alerts = alerts(out.resolve("alerts.jsonl"));
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("rule").asText()).isEqualTo("latency-tolerance");
            assertThat(a.get("techniques").get(0).asText()).isEqualTo("T0814");
            assertThat(a.get("zone_path").asText()).isEqualTo("supervisory -> cell");
            assertThat(a.get("evidence").get(0).get("detail").asText())
                    .contains("tolerance 0.0 ms (conduit hmi-to-cell)");
        });

        Path lenient = tmp.resolve("zones-lenient.yaml");
        Files.writeString(
                lenient, Files.readString(POLICY) + "\ndetection:\n  latency-tolerance:\n    hmi-to-cell: 10s\n");
        Path quiet = tmp.resolve("lenient");
        Run ok = run("analyze", BENIGN.toString(), "--out", quiet.toString(), "--policy", lenient.toString());
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(quiet.resolve("alerts.jsonl"))).isEmpty();
    }

    @Test
    void aSavedBaselineIsLoadedForTheNextCapture() throws IOException {
        Path baseline = tmp.resolve("baseline.json");
        Run learn = run(
                "analyze",
                BENIGN.toString(),
                "--out",
                tmp.resolve("l").toString(),
                "--learn",
                "18s",
                "--save-baseline",
                baseline.toString());
        assertThat(learn.exit()).as(learn.err()).isEqualTo(ExitCodes.OK);
        JsonNode saved = JSON.readTree(baseline.toFile());
        assertThat(saved.get("pairs").size()).isEqualTo(2);
        assertThat(saved.get("polls").size()).as("the poller's cycles").isPositive();
        assertThat(saved.get("polls").get(0).get("periodNanos").asLong()).isPositive();
        Run detect = run(
                "analyze", ATTACKS.toString(), "--out", tmp.resolve("d").toString(), "--baseline", baseline.toString());
        assertThat(detect.exit()).as(detect.err()).isEqualTo(ExitCodes.OK);
        assertThat(techniques(alerts(tmp.resolve("d").resolve("alerts.jsonl")))).contains("T0836", "T0816");
    }

    @Test
    void aBaselineSavedBeforePollingCyclesExistedStillLoads() throws IOException {
        Path baseline = tmp.resolve("baseline.json");
        Run learn = run(
                "analyze",
                BENIGN.toString(),
                "--out",
                tmp.resolve("l").toString(),
                "--learn",
                "18s",
                "--save-baseline",
                baseline.toString());
        assertThat(learn.exit()).as(learn.err()).isEqualTo(ExitCodes.OK);
        var saved = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(baseline.toFile());
        saved.remove("polls");
        Path old = tmp.resolve("old-baseline.json");
        JSON.writeValue(old.toFile(), saved);
        Run detect =
                run("analyze", ATTACKS.toString(), "--out", tmp.resolve("d").toString(), "--baseline", old.toString());
        assertThat(detect.exit()).as(detect.err()).isEqualTo(ExitCodes.OK);
        assertThat(techniques(alerts(tmp.resolve("d").resolve("alerts.jsonl")))).contains("T0836", "T0816");
    }

    @Test
    void aDamagedBaselineFileIsAUsageErrorNamingTheLine() throws IOException {
        Path baseline = tmp.resolve("baseline.json");
        Files.writeString(baseline, "{\n  \"pairs\": 7\n}\n");
        Run r = run(
                "analyze", BENIGN.toString(), "--out", tmp.resolve("x").toString(), "--baseline", baseline.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(baseline + ":2:").contains("not a baseline");
    }

    @Test
    void learnAndBaselineTogetherAreAUsageError() {
        Run r = run("analyze", BENIGN.toString(), "--out", tmp.toString(), "--learn", "1m", "--baseline", "b.json");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--learn and --baseline exclude each other");
    }

    @Test
    void alertsReachARealUdpSyslogReceiverAsRfc5424WithCef() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setSoTimeout(10_000);
            Run r = run(
                    "analyze",
                    CAPTURES.resolve("dnp3__ITI__cold_restart_and_response.pcap")
                            .toString(),
                    "--out",
                    tmp.toString(),
                    "--syslog",
                    "udp://127.0.0.1:" + receiver.getLocalPort());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).contains("Syslog: ");
            byte[] buffer = new byte[9000];
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            List<String> messages = new ArrayList<>();
            int expected = alerts(tmp.resolve("alerts.jsonl")).size();
            for (int i = 0; i < expected; i++) {
                receiver.receive(p);
                messages.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            assertThat(messages).anySatisfy(m -> {
                var matcher = RFC5424.matcher(m);
                assertThat(matcher.matches()).as(m).isTrue();
                assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(4 * 8 + 2);
                assertThat(matcher.group(5)).isEqualTo("dangerous-command");
                assertThat(matcher.group(6))
                        .startsWith("CEF:0|Isthmus|Isthmus Guard|")
                        .contains("|dangerous-command|DNP3 cold restart sent by ")
                        .contains("|10|")
                        .contains("cs1Label=techniques cs1=T0816")
                        .contains("app=dnp3");
            });
        }
    }

    @Test
    void alertsReachARealTcpSyslogReceiverOctetCounted() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> readFrames(server));
            Run r = run(
                    "analyze",
                    ATTACKS.toString(),
                    "--out",
                    tmp.toString(),
                    "--policy",
                    POLICY.toString(),
                    "--learn",
                    "18s",
                    "--syslog",
                    "tcp://127.0.0.1:" + server.getLocalPort());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
            List<String> frames = received.get(20, TimeUnit.SECONDS);
            assertThat(frames).hasSize(alerts(tmp.resolve("alerts.jsonl")).size());
            assertThat(frames)
                    .allSatisfy(
                            f -> assertThat(RFC5424.matcher(f).matches()).as(f).isTrue());
            assertThat(frames).anySatisfy(f -> assertThat(f).contains("cs3Label=zonePath cs3=enterprise -> cell"));
        }
    }

    /** RFC 6587 octet counting: "LEN SP MSG" until the sender closes. */
    static List<String> readFrames(ServerSocket server) {
        List<String> frames = new ArrayList<>();
        try (Socket s = server.accept();
                DataInputStream in = new DataInputStream(s.getInputStream())) {
            s.setSoTimeout(20_000);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return frames;
                }
                int len = 0;
                while (c != ' ') {
                    len = len * 10 + (c - '0');
                    c = in.read();
                }
                byte[] msg = new byte[len];
                in.readFully(msg);
                frames.add(new String(msg, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnreachableTcpSyslogReceiverFailsTheRunButKeepsTheAlertsFile() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run(
                "analyze",
                CAPTURES.resolve("enip__ITI__cip_stop_plc.pcap").toString(),
                "--out",
                tmp.toString(),
                "--syslog",
                "tcp://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("cannot send alerts to syslog tcp://127.0.0.1:" + port);
        assertThat(Files.readAllLines(tmp.resolve("alerts.jsonl"))).isNotEmpty();
    }

    @Test
    void aSyslogUrlWithoutSchemeIsAUsageError() {
        Run r = run("analyze", BENIGN.toString(), "--out", tmp.toString(), "--syslog", "127.0.0.1:514");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("must start with udp:// or tcp://");
    }

    @Test
    void policyCheckAcceptsTheExampleAndNamesLinesOfABrokenFile() throws IOException {
        Run ok = run("policy", "check", POLICY.toString());
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("valid: 5 zones, 4 conduits");
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, """
                zones:
                  - {name: a, level: "1", networks: [10.0.0.0/8]}
                  - {name: b, level: "4", networks: [10.1.0.0/16]}
                conduits:
                  - {name: c, from: b, to: a, protocols: [modbus], access: [read]}
                """);
        Run bad = run("policy", "check", broken.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err())
                .contains(broken + ":3:5: zone b: network 10.1.0.0/16 overlaps 10.0.0.0/8 of zone a")
                .contains(broken + ":5:5: conduit c: joins b (L4) directly to a (L1)");
    }

    @Test
    void policySuggestDraftsAPolicyThatAllowsTheObservedBaseline() throws IOException {
        Path draft = tmp.resolve("draft.yaml");
        Run s = run("policy", "suggest", BENIGN.toString(), "-o", draft.toString());
        assertThat(s.exit()).as(s.err()).isEqualTo(ExitCodes.OK);
        String yaml = Files.readString(draft);
        assertThat(yaml).contains("REVIEW EVERY LINE").contains("127.0.0.20/32").contains("protocols: [modbus]");
        Run check = run("policy", "check", draft.toString());
        assertThat(check.exit()).as(check.err() + yaml).isEqualTo(ExitCodes.OK);
        Path out = tmp.resolve("o");
        Run a = run("analyze", BENIGN.toString(), "--out", out.toString(), "--policy", draft.toString());
        assertThat(a.exit()).as(a.err()).isEqualTo(ExitCodes.OK);
        assertThat(alerts(out.resolve("alerts.jsonl")))
                .noneMatch(n -> n.get("rule").asText().startsWith("policy"));
    }
}
