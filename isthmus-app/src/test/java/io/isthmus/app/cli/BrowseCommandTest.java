package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.isthmus.connect.opcua.OpcUaTagConfig;
import io.isthmus.model.TagPath;
import io.isthmus.sim.opcua.OpcUaLineServer;
import io.isthmus.sim.opcua.OpcUaServerSettings;
import io.isthmus.sim.process.BottlingLine;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LineProcessImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isthmus browse} against the virtual factory's real OPC UA server on 127.0.0.1. */
class BrowseCommandTest {

    @TempDir
    static Path pki;

    static OpcUaLineServer server;

    @BeforeAll
    static void startServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var image = new LineProcessImage(new BottlingLine(7, Instant.now()), LineNames.DEFAULT);
        server = OpcUaLineServer.start(
                OpcUaServerSettings.create(b -> b.port(port).pkiDir(pki)), image);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void the_yaml_lists_every_point_of_the_line_with_a_path_node_id_and_unit_that_parse_back() throws Exception {
        CliRun r = run("browse", server.endpointUrl(), "--source-id", "line1");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode yaml = new YAMLMapper().readTree(r.out());
        JsonNode source = yaml.get("sources").get(0);
        assertThat(source.get("id").asText()).isEqualTo("line1");
        assertThat(source.get("kind").asText()).isEqualTo("opcua");
        assertThat(source.get("endpoint").asText()).isEqualTo(server.endpointUrl());
        assertThat(source.get("security").asText()).isEqualTo("none");
        List<String> paths = new ArrayList<>();
        for (JsonNode tag : yaml.get("tags")) {
            paths.add(TagPath.parse(tag.get("path").asText()).toString());
            assertThat(OpcUaTagConfig.parseNodeId(tag.get("node-id").asText()).toParseableString())
                    .isEqualTo("ns=" + server.namespaceIndex() + ";s="
                            + tag.get("path").asText());
            assertThat(tag.get("source").asText()).isEqualTo("line1");
        }
        String goodCount = "acme/springfield/packaging/line1/filling/filler/goodCount";
        assertThat(paths).contains(goodCount, "acme/springfield/packaging/line1/transport/conveyor/runCommand");
        assertThat(paths).doesNotHaveDuplicates();
        assertThat(r.out())
                .contains("node-id: \"ns=" + server.namespaceIndex() + ";s=" + goodCount
                        + "\"\n    unit: \"bottles\"\n    # Int64, read-only");
    }

    @Test
    void the_table_shows_type_access_unit_node_id_and_browse_path() {
        CliRun r = run("browse", server.endpointUrl(), "--format", "table");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("TYPE")
                .containsPattern("(?m)^Boolean\\s+rw\\s+.*transport/conveyor/runCommand$")
                .containsPattern("(?m)^Double\\s+r-\\s+A\\s+ns=\\d+;s=\\S+/filler/motorCurrent\\s")
                .containsPattern("(?m)^\\d+ variables, \\d+ nodes visited$");
    }

    @Test
    void a_bad_url_or_security_is_a_usage_error_saying_what_is_wrong() {
        CliRun url = run("browse", "http://127.0.0.1:4840");
        CliRun security = run("browse", server.endpointUrl(), "--security", "basic128rsa15");

        assertThat(url.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).contains("must start with opc.tcp://");
        assertThat(security.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(security.err()).contains("unknown security 'basic128rsa15'");
    }

    @Test
    void a_server_that_does_not_answer_fails_naming_the_endpoint() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliRun r = run("browse", "opc.tcp://127.0.0.1:" + closedPort + "/x", "--timeout", "2s");

        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("opc.tcp://127.0.0.1:" + closedPort + "/x");
    }
}
