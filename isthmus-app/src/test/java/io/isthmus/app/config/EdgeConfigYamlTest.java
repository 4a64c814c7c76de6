package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.edge.EdgeConfig;
import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.FullPolicy;
import io.isthmus.connect.transfer.send.PacingRamp;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdgeConfigYamlTest {
    static final Path BASE = Path.of("/etc/isthmus");

    static final String SOURCES = """
            sources:
              - { id: filler, kind: modbus-tcp, endpoint: "127.0.0.1:5021" }
            tags:
              - { path: acme/springfield/packaging/line1/filling/filler/speed, source: filler, address: "input:6" }
            """;

    static EdgeConfig parse(String yaml) throws TagConfigException {
        return EdgeConfigYaml.parse("edge.yaml", yaml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    @Test
    void theShippedExampleLoadsAndPollsExactlyTheShippedTags() throws Exception {
        EdgeConfig example = EdgeConfigYaml.load(Path.of("../config/edge.yaml"));
        assertThat(example.edge().siteId()).isEqualTo("springfield-line1");
        assertThat(example.edge().status()).as("no listening port by default").isEmpty();
        assertThat(example.edge().forward().orElseThrow().ingest().toString())
                .isEqualTo("http://127.0.0.1:8081/api/ingest");
        try (InputStream in =
                TagConfigYaml.class.getResourceAsStream("/io/isthmus/app/config/virtual-factory-edge.yaml")) {
            assertThat(example.connect()).isEqualTo(TagConfigYaml.parse("shipped", in.readAllBytes()));
        }
    }

    @Test
    void everySettingIsBoundToItsTypedValue() throws Exception {
        EdgeConfig c = parse("""
                edge:
                  site-id: line-7
                  journal: { dir: journal, max-size: 64MiB, fsync: { every-records: 50, max-delay: 20ms }, when-full: reject-new }
                  forward: { hub: "https://hub.example:8443/isthmus", batch-records: 100, min-backlog-records: 10, timeout: 3s }
                  status: { listen: "127.0.0.1:9100" }
                """ + SOURCES);
        var e = c.edge();
        assertThat(e.journal().directory()).isEqualTo(BASE.resolve("journal"));
        assertThat(e.journal().maxTotalBytes()).isEqualTo(64L << 20);
        assertThat(e.journal().fsync()).isEqualTo(new FsyncPolicy.GroupCommit(50, Duration.ofMillis(20)));
        assertThat(e.journal().whenFull()).isEqualTo(FullPolicy.REJECT_NEW);
        assertThat(e.forward().orElseThrow().ingest().toString())
                .isEqualTo("https://hub.example:8443/isthmus/api/ingest");
        assertThat(e.forward().orElseThrow().budget().maxRecords()).isEqualTo(100);
        assertThat(e.forward().orElseThrow().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(e.status().orElseThrow().port()).isEqualTo(9100);
        assertThat(c.connect().tags()).hasSize(1);
    }

    @Test
    void theTransferSectionBindsToTheSenderConfigurationAndForwardBecomesOptional() throws Exception {
        EdgeConfig c = parse("""
                edge:
                  site-id: line-7
                  journal: { dir: journal }
                  transfer:
                    destination: "127.0.0.1:4800"
                    rate: 250M
                    fec-overhead: 0.2
                    redundancy: 2
                    heartbeat: 200ms
                    fragment-bytes: 1200
                    batch-size: 32KiB
                    consumer: oneway
                    hand-off-batches: 8
                    ramp-from: 0.5
                    ramp-up: 1500ms
                """ + SOURCES);
        var e = c.edge();
        assertThat(e.forward())
                .as("no HTTP forwarding: the diode is the only path")
                .isEmpty();
        SenderConfig t = e.transfer().orElseThrow();
        assertThat(t.destination()).isEqualTo(new InetSocketAddress("127.0.0.1", 4800));
        assertThat(t.rateBitsPerSecond()).isEqualTo(250_000_000L);
        assertThat(t.fecOverhead()).isEqualTo(0.2);
        assertThat(t.redundancy()).isEqualTo(2);
        assertThat(t.heartbeatInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(t.fragmentBytes()).isEqualTo(1200);
        assertThat(t.maxBatchBytes()).isEqualTo(32 * 1024);
        assertThat(t.consumerName()).isEqualTo("oneway");
        assertThat(t.handOffBatches())
                .as("a sending thread with at most 8 batches waiting for it")
                .isEqualTo(8);
        assertThat(t.ramp()).isEqualTo(new PacingRamp(0.5, Duration.ofMillis(1500)));
    }

    @Test
    void eitherRampKeyAloneKeepsTheOthersDefaultAndRampFromOneTurnsItOff() throws Exception {
        assertThat(rampOf("ramp-up: 10s"))
                .isEqualTo(new PacingRamp(PacingRamp.DEFAULT.rampFrom(), Duration.ofSeconds(10)));
        assertThat(rampOf("ramp-from: 0.1")).isEqualTo(new PacingRamp(0.1, PacingRamp.DEFAULT.rampUp()));
        assertThat(rampOf("ramp-from: 1").ramps()).isFalse();
        assertThat(rampOf("ramp-up: 0s").ramps()).isFalse();
    }

    /** The ramp an edge config gets from a transfer section with {@code keys} after its destination. */
    private static PacingRamp rampOf(String keys) throws Exception {
        return parse("edge:\n  site-id: line-7\n  journal: { dir: journal }\n"
                        + "  transfer: { destination: \"127.0.0.1:4800\", " + keys + " }\n" + SOURCES)
                .edge()
                .transfer()
                .orElseThrow()
                .ramp();
    }

    @Test
    void aTransferSectionWithOnlyADestinationTakesTheDefaultsAndMayStandBesideForward() throws Exception {
        EdgeConfig c = parse("""
                edge:
                  site-id: line-7
                  journal: { dir: journal }
                  forward: { hub: "http://127.0.0.1:8081/" }
                  transfer: { destination: "127.0.0.1:4800" }
                """ + SOURCES);
        SenderConfig t = c.edge().transfer().orElseThrow();
        SenderConfig d = SenderConfig.defaults(new InetSocketAddress("127.0.0.1", 4800));
        assertThat(t).isEqualTo(d);
        assertThat(t.handOffBatches()).as("one thread by default").isZero();
        assertThat(t.ramp()).as("a start-up ramp by default").isEqualTo(PacingRamp.DEFAULT);
        assertThat(t.ramp().ramps()).isTrue();
        assertThat(c.edge().forward()).isPresent();
    }

    static List<Arguments> mistakes() {
        String ok = "  journal: { dir: j }\n  forward: { hub: \"http://127.0.0.1:8081/\" }\n";
        return List.of(
                Arguments.of("no edge section", SOURCES, "edge.yaml: the 'edge' section is missing"),
                Arguments.of("bad site id", "edge:\n  site-id: 'a b'\n" + ok + SOURCES, "edge.yaml:1:1: edge:"),
                Arguments.of(
                        "unknown journal field",
                        "edge:\n  site-id: a\n  journal: { dir: j, sync: x }\n" + "  forward: { hub: \"http://h/\" }\n"
                                + SOURCES,
                        "edge.yaml:1:1: edge: unknown field 'sync' in journal"),
                Arguments.of(
                        "bad fsync",
                        "edge:\n  site-id: a\n  journal: { dir: j, fsync: sometimes }\n"
                                + "  forward: { hub: \"http://h/\" }\n" + SOURCES,
                        "journal fsync is 'sometimes'"),
                Arguments.of(
                        "bad size",
                        "edge:\n  site-id: a\n  journal: { dir: j, max-size: 1TB }\n"
                                + "  forward: { hub: \"http://h/\" }\n" + SOURCES,
                        "'1TB' is not a size"),
                Arguments.of(
                        "hub not http",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n" + "  forward: { hub: \"ftp://h/\" }\n" + SOURCES,
                        "must be an http:// or https:// URL"),
                Arguments.of(
                        "client key store without its password",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  forward: { hub: \"https://h/\", client-keystore: e.p12 }\n" + SOURCES,
                        "forward client-keystore (a PKCS#12 file) and client-password-file (its password) go together"),
                Arguments.of(
                        "missing forward",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n" + SOURCES,
                        "edge.yaml:1:1: edge: edge needs 'forward' (HTTP to a hub), 'transfer' (one way through a diode) or both"),
                Arguments.of(
                        "transfer without destination",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n  transfer: { rate: 10M }\n" + SOURCES,
                        "edge.yaml:1:1: edge: transfer: 'destination' is required"),
                Arguments.of(
                        "transfer unknown field",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", fec: 0.2 }\n" + SOURCES,
                        "transfer: unknown field 'fec' in transfer"),
                Arguments.of(
                        "transfer bad rate",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", rate: fast }\n" + SOURCES,
                        "transfer: rate 'fast' is not a bit rate"),
                Arguments.of(
                        "transfer FEC overhead out of range",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", fec-overhead: 1.5 }\n" + SOURCES,
                        "transfer: fecOverhead is 1.5; it must be in 0..1"),
                Arguments.of(
                        "transfer redundancy out of range",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", redundancy: 9 }\n" + SOURCES,
                        "transfer: redundancy is 9; it must be in 1..4"),
                Arguments.of(
                        "transfer redundancy not a whole number",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", redundancy: 1.5 }\n" + SOURCES,
                        "transfer: redundancy must be a whole number, was '1.5'"),
                Arguments.of(
                        "transfer hand-off batches out of range",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", hand-off-batches: 2000 }\n"
                                + SOURCES,
                        "transfer: handOffBatches is 2000; it must be in 0..1024"),
                Arguments.of(
                        "transfer hand-off batches not a whole number",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", hand-off-batches: 2.5 }\n"
                                + SOURCES,
                        "transfer: hand-off-batches must be a whole number, was '2.5'"),
                Arguments.of(
                        "transfer ramp start out of range",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", ramp-from: 0 }\n"
                                + SOURCES,
                        "transfer: rampFrom is 0.0; it must be in 0.01..1 (a share of rate)"),
                Arguments.of(
                        "transfer ramp start above the rate",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", ramp-from: 1.5 }\n"
                                + SOURCES,
                        "transfer: rampFrom is 1.5; it must be in 0.01..1 (a share of rate)"),
                Arguments.of(
                        "transfer ramp too long",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", ramp-up: 1h }\n"
                                + SOURCES,
                        "transfer: rampUp is PT1H; it must be in 0s..10m"),
                Arguments.of(
                        "transfer destination without port",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n" + "  transfer: { destination: \"127.0.0.1\" }\n"
                                + SOURCES,
                        "transfer: address '127.0.0.1' must be HOST:PORT"),
                Arguments.of(
                        "transfer heartbeat too short",
                        "edge:\n  site-id: a\n  journal: { dir: j }\n"
                                + "  transfer: { destination: \"127.0.0.1:4800\", heartbeat: 1ms }\n" + SOURCES,
                        "transfer: heartbeatInterval is PT0.001S; it must be in 10ms..1m"),
                Arguments.of(
                        "transfer sharing the HTTP forwarder's consumer",
                        "edge:\n  site-id: a\n" + ok
                                + "  transfer: { destination: \"127.0.0.1:4800\", consumer: hub }\n" + SOURCES,
                        "transfer consumer 'hub' is the HTTP forwarder's journal consumer"),
                Arguments.of(
                        "unknown top-level field",
                        "edge:\n  site-id: a\n" + ok + "extra: 1\n" + SOURCES,
                        "edge.yaml:5:1: unknown field 'extra'; expected edge, sources, tags"),
                Arguments.of(
                        "a tag error still names its line",
                        "edge:\n  site-id: a\n" + ok + SOURCES.replace("input:6", "input:6:float16"),
                        "edge.yaml:8:5: tags entry 1: address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesAreReportedWithFileLineAndReason(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(TagConfigException.class)
                .hasMessageContaining(message);
    }
}
