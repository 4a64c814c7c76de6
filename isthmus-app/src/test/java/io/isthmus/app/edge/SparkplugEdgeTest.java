package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.hub.Hub;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import io.isthmus.sim.sparkplug.SparkplugLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config/edge-sparkplug.yaml} run as shipped against Debian's mosquitto (started by the
 * test on a free loopback port) and the virtual line publishing Sparkplug B: every point of the
 * line, derived by the path prefix or named by an explicit tag, arrives at a real hub GOOD.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkplugEdgeTest {
    @TempDir
    Path dir;

    @Test
    void theShippedSparkplugEdgeDeliversEveryPointOfTheLineToTheHub() throws Exception {
        Plant plant = new Plant(dir);
        try (plant.factory;
                Mosquitto broker = Mosquitto.start(dir);
                Hub hub = plant.hub(0);
                SparkplugLine line = new SparkplugLine(
                        "127.0.0.1", broker.port(), "line1", plant.factory.processImage(), Duration.ofMillis(200))) {
            line.start();
            EdgeConfig config = ShippedEdge.load(
                    "edge-sparkplug.yaml",
                    dir,
                    Map.of(
                            "broker: 127.0.0.1:1883", "broker: 127.0.0.1:" + broker.port(),
                            "http://127.0.0.1:8081/", "http://127.0.0.1:" + hub.port() + "/"));
            List<TagPath> line1 = Plant.linePaths(plant);
            try (Edge edge = Edge.start(config)) {
                Plant.await(
                        "all " + line1.size() + " points of the line GOOD at the hub",
                        Duration.ofSeconds(90),
                        () -> line1.stream().allMatch(p -> Plant.quality(hub, p).equals(Optional.of(Quality.GOOD))));
                SourceStatus s = edge.status().sourceDetails().get("line1-mqtt");
                assertThat(s.kind()).isEqualTo("sparkplug");
                assertThat(s.state()).startsWith("connected");
                assertThat(s.counters().get("samples")).isGreaterThanOrEqualTo(line1.size());
                assertThat(s.counters().get("rebirth_requests"))
                        .as("the edge started after the nodes' births: it asked them to be born again")
                        .isPositive();
                assertThat(hub.historian().tags())
                        .as("nothing but the line's own points")
                        .allMatch(t -> line1.contains(t.path()));
            }
        }
    }
}
