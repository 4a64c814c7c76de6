package io.isthmus.connect.sparkplug;

import static io.isthmus.connect.sparkplug.BrokerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.sim.process.BottlingLine;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LineProcessImage;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.sparkplug.SparkplugEdgeNode;
import io.isthmus.sim.sparkplug.SparkplugLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sparkplug source against a real broker (Debian's mosquitto on a free loopback port) and the
 * virtual line's Sparkplug edge nodes (Tahu-encoded, one per work cell).
 */
class SparkplugSourceTest {
    @TempDir
    Path dir;

    private Mosquitto broker;
    private BottlingLine line;
    private LineProcessImage image;
    private BrokerFixture f;
    private SparkplugLine edges;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir);
        line = new BottlingLine(42, Instant.now());
        image = new LineProcessImage(line, LineNames.DEFAULT);
        f = new BrokerFixture(broker.port(), b -> {});
    }

    @AfterEach
    void stop() throws Exception {
        if (edges != null) {
            edges.close();
        }
        f.close();
        broker.close();
    }

    private SparkplugLine edges(int port) throws Exception {
        edges = new SparkplugLine("127.0.0.1", port, "line1", image, Duration.ofHours(1));
        edges.start();
        return edges;
    }

    private void awaitEveryPoint(String what, Quality quality, boolean currentValue) {
        await(
                what,
                () -> image.points().stream().allMatch(p -> {
                    Sample s = f.latest.get(p.path());
                    return s != null
                            && s.quality() == quality
                            && (!currentValue || s.value().equals(image.read(p.path())));
                }));
    }

    /** Ticks the line until the node has something to publish, and publishes it. */
    private void changeAndPublish(SparkplugEdgeNode node) {
        do {
            line.tick();
        } while (node.publishChanges() == 0);
    }

    @Test
    void births_then_data_map_every_point_of_the_line_to_its_own_tag_path_with_values_and_times() throws Exception {
        f.startAndAwaitConnected();
        edges(broker.port());
        awaitEveryPoint("every point is born GOOD with its value", Quality.GOOD, true);

        Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
        for (int i = 0; i < 30; i++) {
            line.tick();
        }
        int changed = edges.nodes().stream()
                .mapToInt(SparkplugEdgeNode::publishChanges)
                .sum();
        Instant after = Instant.ofEpochMilli(System.currentTimeMillis());
        awaitEveryPoint("every changed point arrives", Quality.GOOD, true);

        assertThat(changed).isPositive();
        List<Sample> data =
                f.samples.stream().filter(s -> !s.sourceTime().isBefore(before)).toList();
        assertThat(data)
                .hasSize(changed)
                .allSatisfy(s -> assertThat(s.sourceTime()).isBetween(before, after));
        assertThat(f.latest.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        image.points().stream().map(PointSpec::path).toList());
        assertThat(f.source.stats().totalAnomalies()).isZero();
        assertThat(f.source.stats().rebirthRequests()).isZero();
    }

    @Test
    void the_host_publishes_its_state_online_retained_and_offline_when_closed() throws Exception {
        f.startAndAwaitConnected();
        f.watch("spBv1.0/STATE/+");
        await("the retained STATE arrives", () -> f.seenOn("spBv1.0/STATE/isthmus") > 0);
        assertThat(f.lastOn("spBv1.0/STATE/isthmus")).startsWith("{\"online\":true,\"timestamp\":");

        f.source.close();

        await(
                "the offline STATE arrives",
                () -> f.lastOn("spBv1.0/STATE/isthmus").startsWith("{\"online\":false"));
        assertThat(f.source.state()).isInstanceOf(ConnectionState.Stopped.class);
    }

    @Test
    void a_sequence_gap_makes_the_node_stale_and_sends_exactly_one_rebirth_that_the_node_answers() throws Exception {
        f.startAndAwaitConnected();
        f.watch("spBv1.0/line1/NCMD/#");
        edges(broker.port());
        awaitEveryPoint("every point is born", Quality.GOOD, true);
        SparkplugEdgeNode node = edges.nodes().getFirst();
        String ncmd = "spBv1.0/line1/NCMD/" + node.config().edgeNode();

        node.skipSequenceNumber();
        changeAndPublish(node);

        await("the node answers the rebirth request", () -> node.rebirthsAnswered() == 1);
        for (int i = 0; i < 3; i++) {
            changeAndPublish(node);
        }
        edges.nodes().forEach(SparkplugEdgeNode::publishChanges);
        awaitEveryPoint("every point is current again", Quality.GOOD, true);
        assertThat(f.seenOn(ncmd)).isEqualTo(1);
        assertThat(f.source.stats().rebirthRequests()).isEqualTo(1);
        assertThat(f.source.stats().anomalies(Anomaly.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(f.samples)
                .filteredOn(s -> s.quality() == Quality.STALE)
                .extracting(s -> s.path().cell())
                .isNotEmpty()
                .containsOnly(node.config().edgeNode());
    }

    @Test
    void a_host_that_starts_after_the_edge_nodes_asks_each_for_a_rebirth() throws Exception {
        edges(broker.port());
        f.startAndAwaitConnected();

        edges.nodes().forEach(this::changeAndPublish);
        edges.nodes().forEach(SparkplugEdgeNode::publishChanges);

        awaitEveryPoint("every point arrives through the rebirths", Quality.GOOD, true);
        assertThat(f.source.stats().rebirthRequests()).isEqualTo(edges.nodes().size());
        assertThat(f.source.stats().anomalies(Anomaly.DATA_BEFORE_BIRTH)).isPositive();
    }

    @Test
    void an_edge_node_whose_connection_dies_is_declared_dead_by_its_will_and_every_tag_is_bad_comm() throws Exception {
        f.startAndAwaitConnected();
        try (TcpCutter cutter = new TcpCutter(broker.port())) {
            edges(cutter.port());
            awaitEveryPoint("every point is born", Quality.GOOD, true);

            cutter.cut();

            awaitEveryPoint("the wills make every point BAD_COMM", Quality.BAD_COMM, false);
        }
        assertThat(f.source.state()).isInstanceOf(ConnectionState.Connected.class);
        assertThat(f.source.stats().anomalies(Anomaly.STALE_DEATH)).isZero();
        for (PointSpec p : image.points()) {
            assertThat(f.samples.stream().filter(s -> s.path().equals(p.path()) && s.quality() == Quality.BAD_COMM))
                    .as("one BAD_COMM sample for %s", p.path())
                    .hasSize(1);
        }
    }

    @Test
    void after_a_broker_restart_the_source_reconnects_resubscribes_and_tells_the_truth_meanwhile() throws Exception {
        f.startAndAwaitConnected();
        edges(broker.port());
        awaitEveryPoint("every point is born", Quality.GOOD, true);

        broker.kill();
        await("the source notices", () -> !(f.source.state() instanceof ConnectionState.Connected));
        awaitEveryPoint("every point is BAD_COMM while the broker is away", Quality.BAD_COMM, false);
        assertThat(f.source.state())
                .isInstanceOfAny(ConnectionState.BackingOff.class, ConnectionState.Connecting.class);

        broker.restart();
        await("the source reconnects", () -> f.source.state() instanceof ConnectionState.Connected);
        for (SparkplugEdgeNode n : edges.nodes()) {
            n.close();
            n.start();
        }
        awaitEveryPoint("every point is GOOD again", Quality.GOOD, true);
        assertThat(f.source.stats().connects()).isEqualTo(2);
        f.watch("spBv1.0/STATE/isthmus");
        await(
                "the STATE is online again",
                () -> f.lastOn("spBv1.0/STATE/isthmus").startsWith("{\"online\":true"));
        TagPath any = image.points().getFirst().path();
        assertThat(f.samples.stream().filter(s -> s.path().equals(any)).map(Sample::quality))
                .containsSubsequence(Quality.GOOD, Quality.BAD_COMM, Quality.GOOD);
    }
}
