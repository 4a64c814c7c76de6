package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.hub.Hub;
import io.isthmus.connect.source.SourceDefinition;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config/edge-opcua.yaml} run as shipped against the virtual factory's real OPC UA server
 * on loopback: every point of the line arrives at a real hub with GOOD quality, and the edge's
 * status and metrics show the source as an OPC UA source with its counters.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpcUaEdgeTest {
    static final TagPath FILLER_SPEED = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");

    @TempDir
    Path dir;

    @Test
    void theShippedOpcUaEdgeDeliversEveryPointOfTheLineToTheHub() throws Exception {
        Plant plant = new Plant(dir);
        int statusPort = Plant.freePort();
        try (plant.factory;
                Hub hub = plant.hub(0)) {
            String endpoint = plant.factory.opcUaEndpoint();
            EdgeConfig config = ShippedEdge.load(
                    "edge-opcua.yaml",
                    dir,
                    Map.of(
                            "opc.tcp://127.0.0.1:4840/isthmus", endpoint,
                            "http://127.0.0.1:8081/", "http://127.0.0.1:" + hub.port() + "/",
                            "# status: { listen: 127.0.0.1:9101 }",
                                    "status: { listen: 127.0.0.1:" + statusPort + " }"));
            var source = (SourceDefinition.OpcUa) config.sources().sources().getFirst();
            int points = source.tags().size();
            try (Edge edge = Edge.start(config)) {
                Plant.await(
                        "all " + points + " points GOOD at the hub",
                        Duration.ofSeconds(90),
                        () -> source.tags().stream()
                                .allMatch(t -> Plant.quality(hub, t.path()).equals(Optional.of(Quality.GOOD))));
                Sample speed = hub.latest().get(FILLER_SPEED).orElseThrow();
                assertThat(speed.value()).isInstanceOf(Value.Real.class);

                SourceStatus s = edge.status().sourceDetails().get("line1-opcua");
                assertThat(s.kind()).isEqualTo("opcua");
                assertThat(s.endpoint()).isEqualTo(endpoint);
                assertThat(s.state()).startsWith("connected");
                assertThat(s.counters().get("connects")).isEqualTo(1);
                assertThat(s.counters().get("data_changes")).isGreaterThanOrEqualTo(points);
                assertThat(s.counters().get("rejected_items")).isZero();

                String metrics = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(metrics)
                        .contains("isthmus_edge_source_up{site=\"springfield-line1-opcua\",source=\"line1-opcua\","
                                + "kind=\"opcua\"} 1")
                        .contains("isthmus_edge_source_data_changes_total{site=\"springfield-line1-opcua\","
                                + "source=\"line1-opcua\",kind=\"opcua\"}");
            }
        }
    }
}
