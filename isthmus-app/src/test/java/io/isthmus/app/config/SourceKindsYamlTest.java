package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.edge.EdgeConfig;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.TagConfig;
import io.isthmus.connect.opcua.OpcUaSecurity;
import io.isthmus.connect.source.SourceDefinition;
import io.isthmus.connect.sparkplug.MetricKey;
import io.isthmus.model.TagPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The source kinds of edge.yaml beyond Modbus: the shipped examples load, and mistakes name file, line and reason. */
class SourceKindsYamlTest {
    static final String EDGE = """
            edge:
              site-id: a
              journal: { dir: j }
              forward: { hub: "http://127.0.0.1:8081/" }
            """;

    @TempDir
    Path dir;

    EdgeConfig parse(String yaml) throws TagConfigException {
        return EdgeConfigYaml.parse("edge.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
    }

    @Test
    void theShippedOpcUaExampleSubscribesToEveryPointOfTheLine() throws Exception {
        EdgeConfig c = EdgeConfigYaml.load(Path.of("../config/edge-opcua.yaml"));
        assertThat(c.edge().siteId()).isEqualTo("springfield-line1-opcua");
        assertThat(c.sources().sources()).singleElement().isInstanceOf(SourceDefinition.OpcUa.class);
        var o = (SourceDefinition.OpcUa) c.sources().sources().getFirst();
        assertThat(o.source().endpoint().toString()).isEqualTo("opc.tcp://127.0.0.1:4840/isthmus");
        assertThat(o.source().security()).isEqualTo(OpcUaSecurity.NONE);
        assertThat(o.source().publishingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.source().pkiDir())
                .isEqualTo(Path.of("../isthmus-data/pki/opcua-client")
                        .toAbsolutePath()
                        .normalize());
        List<TagConfig> modbus = shippedModbusTags();
        assertThat(o.tags()).hasSameSizeAs(modbus);
        for (TagConfig m : modbus) {
            var t = o.tags().stream()
                    .filter(x -> x.path().equals(m.path()))
                    .findFirst()
                    .orElseThrow();
            assertThat(t.nodeId().toParseableString()).isEqualTo("nsu=urn:isthmus:virtual-factory;s=" + m.path());
            assertThat(t.unit()).as(m.path().toString()).isEqualTo(m.unit());
        }
    }

    @Test
    void theShippedSparkplugExampleDerivesTheLineAndAddsUnitsAndADeadband() throws Exception {
        EdgeConfig c = EdgeConfigYaml.load(Path.of("../config/edge-sparkplug.yaml"));
        var s = (SourceDefinition.Sparkplug) c.sources().sources().getFirst();
        assertThat(s.source().broker().toString()).isEqualTo("127.0.0.1:1883");
        assertThat(s.source().group()).isEqualTo("line1");
        assertThat(s.source().hostId()).isEqualTo("isthmus-edge-line1");
        assertThat(s.source().pathRule().orElseThrow().linePrefix()).isEqualTo("acme/springfield/packaging/line1");
        assertThat(s.source().topicFilter()).isEqualTo("spBv1.0/line1/#");
        var temp = s.tags().stream()
                .filter(t -> t.metric().metric().equals("motorTemperature"))
                .findFirst()
                .orElseThrow();
        assertThat(temp.metric()).isEqualTo(MetricKey.device("line1", "filling", "filler", "motorTemperature"));
        assertThat(temp.unit()).isEqualTo("degC");
        assertThat(temp.deadband()).isEqualTo(new Deadband(OptionalDouble.of(0.5), OptionalDouble.empty()));
    }

    private static List<TagConfig> shippedModbusTags() throws Exception {
        try (InputStream in =
                TagConfigYaml.class.getResourceAsStream("/io/isthmus/app/config/virtual-factory-edge.yaml")) {
            return TagConfigYaml.parse("shipped", in.readAllBytes()).tags();
        }
    }

    @Test
    void everyOpcUaAndSparkplugFieldBindsToItsTypedValue() throws Exception {
        Files.writeString(dir.resolve("opc.pw"), "s3cret\n");
        Files.writeString(dir.resolve("mqtt.pw"), "m0squitto");
        Files.writeString(dir.resolve("edge7.p12.pw"), "p12pass");
        EdgeConfig c = parse(EDGE + """
                sources:
                  - id: ua
                    kind: opcua
                    endpoint: opc.tcp://10.0.0.9/ua
                    security: basic256sha256-sign-and-encrypt
                    pki-dir: pki
                    application-uri: urn:acme:edge7
                    client-keystore: edge7.p12
                    client-keystore-password-file: edge7.p12.pw
                    username: operator
                    password-file: opc.pw
                    publishing-interval: 1s
                    sampling-interval: 100ms
                    queue-size: 5
                    connect-timeout: 2s
                    request-timeout: 3s
                    backoff: { initial: 1s, max: 1m, multiplier: 3, jitter: 0.1 }
                  - id: mq
                    kind: sparkplug
                    broker: 10.0.0.10:8883
                    client-id: edge7
                    group: g1
                    edge-node: n1
                    device: d1
                    host-id: h7
                    username: edge
                    password-file: mqtt.pw
                    rebirth-on-gap: false
                    rebirth-interval: 10s
                    keep-alive: 20s
                tags:
                  - path: a/b/c/d/e/f/ua1
                    source: ua
                    node-id: ns=3;i=1001
                    unit: bar
                    scale: 0.1
                    offset: 1
                    deadband: { percent: 2 }
                    sampling-interval: 50ms
                  - path: a/b/c/d/e/f/mq1
                    source: mq
                    group: g1
                    edge-node: n1
                    metric: Motor/Speed
                    scale: 60
                """);
        var ua = (SourceDefinition.OpcUa) c.sources().sources().get(0);
        assertThat(ua.source().security().toString()).isEqualTo("basic256sha256-sign-and-encrypt");
        assertThat(ua.source().pkiDir()).isEqualTo(dir.resolve("pki"));
        assertThat(ua.source().user().orElseThrow().password()).isEqualTo("s3cret");
        assertThat(ua.source().clientKeyStore().orElseThrow().file()).isEqualTo(dir.resolve("edge7.p12"));
        assertThat(ua.source().clientKeyStore().orElseThrow().password()).isEqualTo("p12pass");
        assertThat(ua.source().endpoint().port()).isEqualTo(4840);
        assertThat(ua.source().queueSize()).isEqualTo(5);
        assertThat(ua.source().backoff().max()).isEqualTo(Duration.ofMinutes(1));
        var t = ua.tags().getFirst();
        assertThat(t.scaling().scale()).isEqualTo(0.1);
        assertThat(t.samplingInterval()).hasValue(Duration.ofMillis(50));
        var mq = (SourceDefinition.Sparkplug) c.sources().sources().get(1);
        assertThat(mq.source().topicFilter()).isEqualTo("spBv1.0/g1/+/n1/#");
        assertThat(mq.source().device()).hasValue("d1");
        assertThat(mq.source().password()).hasValue("m0squitto");
        assertThat(mq.source().toString()).doesNotContain("m0squitto");
        assertThat(mq.source().rebirthOnGap()).isFalse();
        assertThat(mq.tags().getFirst().metric()).isEqualTo(MetricKey.node("g1", "n1", "Motor/Speed"));
        assertThat(mq.tags().getFirst().scaling().scale()).isEqualTo(60);
        assertThat(c.sources().tagCount()).isEqualTo(2);
        assertThat(c.connect().sources()).isEmpty();
        assertThat(TagPath.parse("a/b/c/d/e/f/ua1")).isEqualTo(t.path());
        assertThat(Optional.of(c.edge().siteId())).hasValue("a");
    }

    static final String UA = "  - { id: ua, kind: opcua, endpoint: \"opc.tcp://127.0.0.1:4840/x\" }\n";
    static final String MQ = "  - { id: mq, kind: sparkplug, broker: \"127.0.0.1:1883\" }\n";
    static final String MB = "  - { id: plc, kind: modbus-tcp, endpoint: \"127.0.0.1:502\" }\n";

    static List<Arguments> mistakes() {
        String s = EDGE + "sources:\n";
        return List.of(
                Arguments.of(
                        "unknown kind",
                        s + "  - { id: x, kind: profinet, endpoint: \"1.2.3.4:1\" }\n",
                        "edge.yaml:6:5: sources entry 1: unknown source kind 'profinet'"),
                Arguments.of(
                        "no kind",
                        s + "  - { id: x, endpoint: \"1.2.3.4:1\" }\n",
                        "edge.yaml:6:5: sources entry 1: missing field 'kind'"),
                Arguments.of(
                        "opcua endpoint not opc.tcp",
                        s + "  - { id: ua, kind: opcua, endpoint: \"http://h:1/\" }\n",
                        "edge.yaml:6:5: sources entry 1: endpoint URL 'http://h:1/' must start with opc.tcp://"),
                Arguments.of(
                        "opcua bad security",
                        s + "  - { id: ua, kind: opcua, endpoint: \"opc.tcp://h\", security: basic128 }\n",
                        "unknown security 'basic128'"),
                Arguments.of(
                        "opcua modbus field",
                        s + "  - { id: ua, kind: opcua, endpoint: \"opc.tcp://h\", unit-id: 3 }\n",
                        "edge.yaml:6:5: sources entry 1: unknown field 'unit-id'"),
                Arguments.of(
                        "opcua password file missing",
                        s
                                + "  - { id: ua, kind: opcua, endpoint: \"opc.tcp://h\", username: u, password-file: nope.pw }\n",
                        "password-file"),
                Arguments.of(
                        "opcua key store without its password",
                        s + "  - { id: ua, kind: opcua, endpoint: \"opc.tcp://h\", client-keystore: c.p12 }\n",
                        "client-keystore and client-keystore-password-file go together"),
                Arguments.of(
                        "opcua bad node id",
                        s + UA + "tags:\n  - { path: a/b/c/d/e/f/g, source: ua, node-id: \"x=1\" }\n",
                        "edge.yaml:8:5: tags entry 1: node id 'x=1' is not a NodeId"),
                Arguments.of(
                        "sparkplug tls unknown field",
                        s + "  - { id: mq, kind: sparkplug, broker: \"h:8883\", tls: { ca: x.pem } }\n",
                        "edge.yaml:6:5: sources entry 1: unknown field 'ca' in tls"),
                Arguments.of(
                        "sparkplug tls trust file missing",
                        s + "  - { id: mq, kind: sparkplug, broker: \"h:8883\", tls: { trust-file: nope.pem } }\n",
                        "tls trust-file '"),
                Arguments.of(
                        "sparkplug tls key store without its password",
                        s + "  - { id: mq, kind: sparkplug, broker: \"h:8883\", tls: { client-keystore: c.p12 } }\n",
                        "tls client-keystore and client-keystore-password-file go together"),
                Arguments.of(
                        "sparkplug bad prefix",
                        s + "  - { id: mq, kind: sparkplug, broker: \"h:1883\", path-prefix: a/b }\n",
                        "edge.yaml:6:5: sources entry 1: path rule prefix 'a/b' has 2 segment(s)"),
                Arguments.of(
                        "sparkplug wildcard node filter",
                        s + "  - { id: mq, kind: sparkplug, broker: \"h:1883\", edge-node: \"n/+\" }\n",
                        "edgeNode id must be a non-empty topic level"),
                Arguments.of(
                        "sparkplug tag without group",
                        s + MQ + "tags:\n  - { path: a/b/c/d/e/f/g, source: mq, edge-node: n, metric: m }\n",
                        "edge.yaml:8:5: tags entry 1: missing field 'group'"),
                Arguments.of(
                        "node-id tag on a modbus source",
                        s + MB + "tags:\n  - { path: a/b/c/d/e/f/g, source: plc, node-id: \"ns=2;i=5\" }\n",
                        "edge.yaml:8:5: tag a/b/c/d/e/f/g has a node-id (OPC UA) but source 'plc' is modbus-tcp"),
                Arguments.of(
                        "address tag on a sparkplug source",
                        s + MQ + "tags:\n  - { path: a/b/c/d/e/f/g, source: mq, address: \"coil:1\" }\n",
                        "edge.yaml:8:5: tag a/b/c/d/e/f/g has an address (Modbus) but source 'mq' is sparkplug"),
                Arguments.of(
                        "one path from two kinds",
                        s + MB + UA + "tags:\n  - { path: a/b/c/d/e/f/g, source: plc, address: \"coil:1\" }\n"
                                + "  - { path: a/b/c/d/e/f/g, source: ua, node-id: \"ns=2;i=5\" }\n",
                        "edge.yaml:10:5: tag a/b/c/d/e/f/g is defined twice"),
                Arguments.of(
                        "one id for two kinds",
                        s + MB + "  - { id: plc, kind: opcua, endpoint: \"opc.tcp://h\" }\n",
                        "source id 'plc' is used twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesAreReportedWithFileLineAndReason(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(TagConfigException.class)
                .hasMessageContaining(message);
    }
}
