package io.isthmus.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HubConfigYamlTest {
    static HubSettings parse(String yaml) throws TagConfigException {
        return HubConfigYaml.parse("hub.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("/srv"));
    }

    @Test
    void theShippedExampleLoadsWithTheEdgesTagsAsItsCatalog() throws Exception {
        HubSettings hub = HubConfigYaml.load(Path.of("../config/hub.yaml"));
        assertThat(hub.listen().getPort()).isEqualTo(8081);
        assertThat(hub.edges()).containsExactly("springfield-line1");
        assertThat(hub.catalog()).hasSize(134);
        assertThat(hub.catalog())
                .anySatisfy(t -> assertThat(t.unit()).isEqualTo("degC"))
                .allSatisfy(t -> assertThat(t.source()).containsPattern("modbus-tcp://127\\.0\\.0\\.1[0-5]:502[0-5]"));
    }

    @Test
    void settingsAreBound() throws Exception {
        HubSettings h = parse("""
                hub:
                  listen: 127.0.0.1:9000
                  historian: { dir: data, retention: 30d, memory-limit: 256MiB }
                  max-ingest-size: 1MiB
                  max-history-points: 500
                """);
        assertThat(h.historian().dir()).isEqualTo(Path.of("/srv/data"));
        assertThat(h.historian().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(h.historian().memoryLimitMiB()).isEqualTo(256);
        assertThat(h.maxIngestBytes()).isEqualTo(1 << 20);
        assertThat(h.maxHistoryPoints()).isEqualTo(500);
        assertThat(h.edges()).isEmpty();
        assertThat(h.receiver()).as("no receiver section: no UDP socket").isEmpty();
        assertThat(h.incidents()).isEqualTo(io.isthmus.app.hub.IncidentSettings.DEFAULT);
    }

    @Test
    void theReceiverSectionBindsToTheReceiverConfiguration() throws Exception {
        HubSettings h = parse("""
                hub:
                  listen: 127.0.0.1:9000
                  historian: { dir: data }
                  edges: [line-7]
                  receiver:
                    listen: 127.0.0.1:4800
                    site: line-7
                    gap-timeout: 5s
                    reorder-window: 1024
                    receive-buffer: 8MiB
                    max-buffered: 64MiB
                    warm-up: 1500ms
                """);
        var r = h.receiver().orElseThrow();
        assertThat(r.site()).isEqualTo("line-7");
        assertThat(r.config().listen()).isEqualTo(new InetSocketAddress("127.0.0.1", 4800));
        assertThat(r.config().gapTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.config().reorderWindow()).isEqualTo(1024);
        assertThat(r.config().receiveBufferBytes()).isEqualTo(8 << 20);
        assertThat(r.config().maxBufferedBytes()).isEqualTo(64L << 20);
        assertThat(r.config().warmUp()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aReceiverWithListenAndSiteTakesTheDefaults() throws Exception {
        HubSettings h = parse("""
                hub:
                  listen: 127.0.0.1:9000
                  historian: { dir: data }
                  receiver: { listen: "0.0.0.0:4800", site: line-7 }
                """);
        assertThat(h.receiver().orElseThrow().config())
                .isEqualTo(ReceiverConfig.defaults(new InetSocketAddress("0.0.0.0", 4800)));
    }

    @Test
    void theIncidentDeskIsConfigured() throws Exception {
        HubSettings h = parse("""
                hub:
                  listen: 127.0.0.1:9000
                  historian: { dir: data }
                  incidents: { window: 15m, runbooks: runbooks }
                """);
        assertThat(h.incidents().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(h.incidents().runbooks()).contains(Path.of("/srv/runbooks"));
    }

    static List<Arguments> mistakes() {
        return List.of(
                Arguments.of("empty", "{}", "hub.yaml: the 'hub' section is missing"),
                Arguments.of(
                        "unknown section",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\nedge: {}\n",
                        "hub.yaml:4:1: unknown field 'edge'; expected hub, sensor or gateway"),
                Arguments.of(
                        "unknown hub field",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  port: 3\n",
                        "hub.yaml:1:1: hub: unknown field 'port'"),
                Arguments.of(
                        "no historian dir",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { retention: 1d }\n",
                        "historian: 'dir' is required"),
                Arguments.of(
                        "bad retention",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d, retention: forever }\n",
                        "'forever' is not a duration"),
                Arguments.of(
                        "too few history points",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  max-history-points: 1\n",
                        "hub.yaml:1:1: hub: hub max-history-points must be 10..1000000, was 1"),
                Arguments.of(
                        "bad listen", "hub:\n  listen: everywhere\n  historian: { dir: d }\n", "hub.yaml:1:1: hub:"),
                Arguments.of(
                        "receiver without site",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  receiver: { listen: \"127.0.0.1:4800\" }\n",
                        "hub.yaml:1:1: hub: receiver: 'site' is required"),
                Arguments.of(
                        "receiver without listen",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  receiver: { site: a }\n",
                        "hub: receiver: 'listen' is required"),
                Arguments.of(
                        "receiver unknown field",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n"
                                + "  receiver: { listen: \"127.0.0.1:4800\", site: a, port: 3 }\n",
                        "receiver: unknown field 'port' in receiver"),
                Arguments.of(
                        "receiver bad site id",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n"
                                + "  receiver: { listen: \"127.0.0.1:4800\", site: 'a b' }\n",
                        "receiver site must be 1..128 of letters"),
                Arguments.of(
                        "receiver gap timeout too long",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n"
                                + "  receiver: { listen: \"127.0.0.1:4800\", site: a, gap-timeout: 2h }\n",
                        "receiver: gapTimeout is PT2H; it must be in 10ms..1h"),
                Arguments.of(
                        "receiver reorder window zero",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n"
                                + "  receiver: { listen: \"127.0.0.1:4800\", site: a, reorder-window: 0 }\n",
                        "receiver: reorderWindow is 0; it must be in 1..1000000"),
                Arguments.of(
                        "receiver site not among the allowed edges",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  edges: [b]\n"
                                + "  receiver: { listen: \"127.0.0.1:4800\", site: a }\n",
                        "hub.yaml:1:1: hub: receiver site 'a' is not in the hub's edges [b]"),
                Arguments.of(
                        "unknown incidents field",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  incidents: { rules: [] }\n",
                        "hub.yaml:1:1: hub: unknown field 'rules' in incidents"),
                Arguments.of(
                        "incidents window too long",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  incidents: { window: 30d }\n",
                        "incidents window must be more than 0 and at most 7d, was PT720H"),
                Arguments.of(
                        "missing tokens file",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  ingest: { tokens-file: nope }\n",
                        "ingest tokens-file '/srv/nope' cannot be read"),
                Arguments.of(
                        "unknown ingest tls field",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n"
                                + "  ingest: { tls: { keystore: k, password-file: p, client-cert: c } }\n",
                        "unknown field 'client-cert' in ingest tls"),
                Arguments.of(
                        "missing catalog file",
                        "hub:\n  listen: 127.0.0.1:1\n  historian: { dir: d }\n  tag-catalog: [nope.yaml]\n",
                        "cannot read tag catalog /srv/nope.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesAreReportedWithFileLineAndReason(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(TagConfigException.class)
                .hasMessageContaining(message);
    }
}
