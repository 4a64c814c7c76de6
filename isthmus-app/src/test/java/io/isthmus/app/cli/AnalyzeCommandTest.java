package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code isthmus analyze} end to end on the test captures (docs/analyze.md). */
class AnalyzeCommandTest {
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

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> s = Files.list(CAPTURES)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyTestCaptureIsAnalysedWithoutAnExceptionAndEveryLineHasTheRequiredFields(Path capture) throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("analyze", capture.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Totals:");
        for (String line : Files.readAllLines(out.resolve("observations.jsonl"))) {
            assertThat(line).startsWith("{\"ts\":").endsWith("}");
            JsonNode n = JSON.readTree(line);
            for (String field : List.of(
                    "ts",
                    "src",
                    "dst",
                    "sport",
                    "dport",
                    "protocol",
                    "direction",
                    "function",
                    "function_name",
                    "access",
                    "attributes",
                    "anomalies")) {
                assertThat(n.has(field)).as(field + " in " + line).isTrue();
            }
            assertThat(n.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
            assertThat(n.get("direction").asText()).isIn("request", "response");
        }
    }

    @Test
    void aModbusWriteIsOneLineWithAddressQuantityValuesAndMacs() throws IOException {
        Run r = run(
                "analyze",
                CAPTURES.resolve("modbus__ITI__modbusSmall.pcap").toString(),
                "--out",
                tmp.toString(),
                "--quiet");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(tmp.resolve("observations.jsonl"));
        assertThat(lines).hasSize(32);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.get("protocol").asText()).isEqualTo("modbus");
        assertThat(first.get("direction").asText()).isEqualTo("request");
        assertThat(first.get("function").asInt()).isEqualTo(15);
        assertThat(first.get("function_name").asText()).isEqualTo("Write Multiple Coils");
        assertThat(first.get("access").asText()).isEqualTo("write");
        assertThat(first.get("dport").asInt()).isEqualTo(502);
        assertThat(first.get("address").asInt()).isZero();
        assertThat(first.get("quantity").asInt()).isEqualTo(3);
        assertThat(first.get("attributes").get("values").asText()).isEqualTo("0,0,0");
        assertThat(first.get("src_mac").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        JsonNode response = JSON.readTree(lines.get(1));
        assertThat(response.get("direction").asText()).isEqualTo("response");
        assertThat(response.has("latency_us")).isTrue();
    }

    @Test
    void aTruncatedCaptureIsAnalysedUpToTheDamageWithOneMessageAndExitCode3() throws IOException {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("modbus__ITI__modbusSmall.pcap"));
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2 + 7));
        Run r = run("analyze", cut.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.CAPTURE_DAMAGED);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("damaged");
        assertThat(Files.readAllLines(tmp.resolve("o").resolve("observations.jsonl")))
                .isNotEmpty();
    }

    @Test
    void anExistingOutputIsNotOverwrittenWithoutForce() throws IOException {
        String capture = CAPTURES.resolve("modbus__ITI__fuzz-1011.pcap").toString();
        assertThat(run("analyze", capture, "--out", tmp.toString(), "--quiet").exit())
                .isZero();
        Run again = run("analyze", capture, "--out", tmp.toString(), "--quiet");
        assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("--force");
        assertThat(run("analyze", capture, "--out", tmp.toString(), "--quiet", "--force")
                        .exit())
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void onTwoThreadsEveryTestCaptureGivesTheSameFileAsOnOne(Path capture) throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Run single = run("analyze", capture.toString(), "--out", one.toString(), "--quiet");
        Run sharded = run("analyze", capture.toString(), "--out", two.toString(), "--quiet", "--threads", "2");
        assertThat(sharded.exit()).as(sharded.err()).isEqualTo(single.exit());
        assertThat(sharded.err()).isEqualTo(single.err());
        assertThat(Files.readAllBytes(two.resolve("observations.jsonl")))
                .isEqualTo(Files.readAllBytes(one.resolve("observations.jsonl")));
    }

    @Test
    void aGzipCaptureOnTwoThreadsIsReadOnceAndGivesTheSameFileAsOnOne() throws IOException {
        // gzip: one reading thread feeds the shards (each shard reading the file would decompress it
        // once per shard); a plain file (the test above) is read by every shard itself
        Path gz = tmp.resolve("capture.pcap.gz");
        try (var os = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(Files.readAllBytes(CAPTURES.resolve("s7comm__ITI__snap7_s300_everything.pcapng")));
        }
        Run single = run("analyze", gz.toString(), "--out", tmp.resolve("a").toString(), "--quiet");
        Run sharded = run("analyze", gz.toString(), "--out", tmp.resolve("b").toString(), "--quiet", "--threads", "2");
        assertThat(single.exit()).as(single.err()).isEqualTo(ExitCodes.OK);
        assertThat(sharded.exit()).as(sharded.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(tmp.resolve("b").resolve("observations.jsonl")))
                .hasSizeGreaterThan(10)
                .isEqualTo(Files.readAllLines(tmp.resolve("a").resolve("observations.jsonl")));
    }

    @Test
    void aTruncatedCaptureOnTwoThreadsEndsLikeOnOne() throws IOException {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("s7comm__ITI__snap7_s300_everything.pcapng"));
        Path cut = tmp.resolve("cut.pcapng");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2 + 7));
        Run single = run("analyze", cut.toString(), "--out", tmp.resolve("a").toString(), "--quiet");
        Run sharded = run("analyze", cut.toString(), "--out", tmp.resolve("b").toString(), "--quiet", "--threads", "2");
        assertThat(single.exit()).isEqualTo(ExitCodes.CAPTURE_DAMAGED);
        assertThat(sharded.exit()).isEqualTo(ExitCodes.CAPTURE_DAMAGED);
        assertThat(sharded.err()).isEqualTo(single.err());
        assertThat(Files.readAllLines(tmp.resolve("b").resolve("observations.jsonl")))
                .isNotEmpty()
                .isEqualTo(Files.readAllLines(tmp.resolve("a").resolve("observations.jsonl")));
    }

    @Test
    void threadsOutsideOneToSixtyFourAreAUsageError() {
        String capture = CAPTURES.resolve("modbus__ITI__fuzz-1011.pcap").toString();
        for (String n : List.of("0", "65")) {
            Run r = run("analyze", capture, "--out", tmp.toString(), "--quiet", "--threads", n);
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--threads must be 1..64");
        }
    }

    @Test
    void aMissingFileIsAUsageError() {
        Run r = run("analyze", tmp.resolve("nope.pcap").toString(), "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no such capture file");
    }
}
