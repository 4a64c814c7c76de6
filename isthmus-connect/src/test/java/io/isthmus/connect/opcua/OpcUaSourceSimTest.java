package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.BackoffConfig;
import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.sim.opcua.OpcUaServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPC UA source against the virtual factory's real OPC UA server on 127.0.0.1 (security None),
 * one server for the class: subscriptions, quality, a server that goes away and comes back, and
 * browsing.
 */
class OpcUaSourceSimTest {
    /** How long the server stays away; the 60 s with -Disthmus.test.outageSeconds=60. */
    private static final long OUTAGE_SECONDS = Long.getLong("isthmus.test.outageSeconds", 2);

    static final TagPath GOOD_COUNT = SimLine.path("filling", "filler", "goodCount");
    static final TagPath MOTOR_CURRENT = SimLine.path("filling", "filler", "motorCurrent");
    static final TagPath SPEED_SETPOINT = SimLine.path("filling", "filler", "speedSetpoint");
    static final TagPath RUN_COMMAND = SimLine.path("filling", "filler", "runCommand");

    @TempDir
    static Path serverPki;

    static SimLine line;

    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void startLine() throws Exception {
        int port = SimLine.freePort();
        line = new SimLine(OpcUaServerSettings.create(b -> b.port(port).pkiDir(serverPki)));
    }

    @AfterAll
    static void stopLine() {
        if (line != null) {
            line.close();
        }
    }

    @AfterEach
    void closeSources() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
    }

    private static OpcUaSourceConfig config(Consumer<OpcUaSourceConfig.Builder> more) {
        return OpcUaSourceConfig.create("line1", line.endpoint(), b -> {
            b.publishingInterval = Duration.ofMillis(100);
            b.samplingInterval = Duration.ofMillis(100);
            b.connectTimeout = Duration.ofSeconds(3);
            b.requestTimeout = Duration.ofSeconds(3);
            b.backoff = new BackoffConfig(Duration.ofMillis(200), Duration.ofSeconds(1), 2, 0.2);
            more.accept(b);
        });
    }

    private static OpcUaTagConfig tag(TagPath path, String nodeId) {
        return OpcUaTagConfig.of(path, "line1", nodeId);
    }

    private OpcUaSource start(OpcUaSourceConfig config, List<OpcUaTagConfig> tags, Received out) {
        OpcUaSource source = OpcUaSource.create(config, tags, out, out);
        closeLater.add(source);
        source.start();
        return source;
    }

    @Test
    void subscribed_line_tags_change_with_good_quality_and_the_servers_source_time() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        var out = new Received();
        var source = start(
                config(b -> {}),
                List.of(
                        tag(GOOD_COUNT, line.nodeId(GOOD_COUNT)),
                        tag(MOTOR_CURRENT, "nsu=" + SimLine.NAMESPACE_URI + ";s=" + MOTOR_CURRENT),
                        tag(SPEED_SETPOINT, line.nodeId(SPEED_SETPOINT)),
                        tag(RUN_COMMAND, line.nodeId(RUN_COMMAND))),
                out);

        Sample first = out.awaitSample("of goodCount", 0, s -> s.path().equals(GOOD_COUNT));
        Sample later = out.awaitSample(
                "of a higher goodCount",
                0,
                s -> s.path().equals(GOOD_COUNT)
                        && s.value().asDouble() > first.value().asDouble());
        Sample current = out.awaitSample("of motorCurrent", 0, s -> s.path().equals(MOTOR_CURRENT));
        Sample setpoint = out.awaitSample("of speedSetpoint", 0, s -> s.path().equals(SPEED_SETPOINT));
        Sample run = out.awaitSample("of runCommand", 0, s -> s.path().equals(RUN_COMMAND));

        assertThat(List.of(first, later, current, setpoint, run)).allSatisfy(s -> {
            assertThat(s.quality()).isEqualTo(Quality.GOOD);
            assertThat(s.sourceTime()).isBetween(before, Instant.now().plusSeconds(1));
        });
        assertThat(later.sourceTime()).isAfter(first.sourceTime());
        assertThat(first.value()).isInstanceOf(Value.Int.class);
        assertThat(current.value()).isInstanceOf(Value.Real.class);
        assertThat(run.value()).isInstanceOf(Value.Bool.class);
        assertThat(source.state()).isInstanceOf(ConnectionState.Connected.class);
        assertThat(source.stats().connects()).isEqualTo(1);
        assertThat(source.stats().dataChanges()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void scaling_and_deadband_apply_to_the_notified_values() throws Exception {
        var out = new Received();
        var scaled = new OpcUaTagConfig(
                GOOD_COUNT,
                "line1",
                OpcUaTagConfig.parseNodeId(line.nodeId(GOOD_COUNT)),
                "kbottles",
                new Scaling(0.001, 0),
                Deadband.absolute(1e9),
                Optional.empty());
        var source = start(config(b -> {}), List.of(scaled), out);

        Sample s = out.awaitSample("of scaled goodCount", 0, x -> x.path().equals(GOOD_COUNT));
        long changes = source.stats().dataChanges();
        awaitDataChanges(source, changes + 5);

        assertThat(s.value()).isInstanceOf(Value.Real.class);
        assertThat(s.value().asDouble()).isLessThan(1_000); // raw counts / 1000
        // the huge deadband lets only the first value through however many notifications arrive
        assertThat(out.samplesOf(GOOD_COUNT)).hasSize(1);
    }

    @Test
    void a_node_the_server_does_not_know_makes_only_its_tag_bad_device() throws Exception {
        TagPath missing = SimLine.path("filling", "filler", "noSuchPoint");
        var out = new Received();
        var source = start(
                config(b -> {}),
                List.of(
                        tag(missing, "ns=" + line.server().namespaceIndex() + ";s=no/such/node"),
                        tag(SPEED_SETPOINT, line.nodeId(SPEED_SETPOINT)),
                        tag(GOOD_COUNT, "nsu=urn:not-on-this-server;s=x")),
                out);

        Sample bad = out.awaitSample("of the missing node", 0, s -> s.path().equals(missing));
        Sample unknownNamespace =
                out.awaitSample("of the unknown namespace", 0, s -> s.path().equals(GOOD_COUNT));
        Sample good = out.awaitSample("of speedSetpoint", 0, s -> s.path().equals(SPEED_SETPOINT));

        assertThat(bad.quality()).isEqualTo(Quality.BAD_DEVICE);
        assertThat(unknownNamespace.quality()).isEqualTo(Quality.BAD_DEVICE);
        assertThat(good.quality()).isEqualTo(Quality.GOOD);
        assertThat(source.stats().rejectedItems()).isEqualTo(2);
        assertThat(source.state()).isInstanceOf(ConnectionState.Connected.class);
    }

    @Test
    void a_security_the_server_does_not_offer_is_refused_naming_what_it_offers(@TempDir Path clientPki)
            throws Exception {
        var out = new Received();
        var source = start(
                config(b -> {
                    b.security = OpcUaSecurity.parse("basic256sha256-sign-and-encrypt");
                    b.pkiDir = clientPki;
                }),
                List.of(tag(GOOD_COUNT, line.nodeId(GOOD_COUNT))),
                out);

        var backingOff = (ConnectionState.BackingOff)
                out.awaitState("backing off", 0, s -> s instanceof ConnectionState.BackingOff);

        assertThat(backingOff.lastError())
                .contains("offers no endpoint with security basic256sha256-sign-and-encrypt")
                .contains("None/None");
        assertThat(source.stats().connects()).isZero();
        assertThat(out.samplesOf(GOOD_COUNT))
                .singleElement()
                .extracting(Sample::quality)
                .isEqualTo(Quality.BAD_COMM);
    }

    @Test
    void a_server_that_stops_gives_bad_comm_once_and_values_resume_when_it_is_back_on_the_same_port() throws Exception {
        var out = new Received();
        List<TagPath> paths = List.of(GOOD_COUNT, SPEED_SETPOINT);
        var source = start(
                config(b -> {}), paths.stream().map(p -> tag(p, line.nodeId(p))).toList(), out);
        for (TagPath p : paths) {
            out.awaitSample("GOOD of " + p, 0, s -> s.path().equals(p) && s.quality() == Quality.GOOD);
        }
        int statesBefore = out.stateCount();

        line.stop();
        try {
            for (TagPath p : paths) {
                out.awaitSample("BAD_COMM of " + p, 0, s -> s.path().equals(p) && s.quality() == Quality.BAD_COMM);
            }
            out.awaitState("backing off", statesBefore, s -> s instanceof ConnectionState.BackingOff);
            out.awaitState(
                    "reconnecting", statesBefore, s -> s instanceof ConnectionState.Connecting c && c.attempt() >= 2);
            Thread.sleep(Duration.ofSeconds(OUTAGE_SECONDS));
            assertThat(source.state()).isNotInstanceOf(ConnectionState.Connected.class);
        } finally {
            line.start();
        }
        int samplesAtRestart = out.sampleCount();

        for (TagPath p : paths) {
            out.awaitSample(
                    "GOOD again of " + p, samplesAtRestart, s -> s.path().equals(p) && s.quality() == Quality.GOOD);
        }
        out.awaitState("connected again", statesBefore, s -> s instanceof ConnectionState.Connected);
        Sample resumed = out.awaitSample(
                "a higher goodCount after the restart",
                samplesAtRestart,
                s -> s.path().equals(GOOD_COUNT) && s.quality() == Quality.GOOD);

        for (TagPath p : paths) {
            assertThat(out.samplesOf(p).stream().filter(s -> s.quality() == Quality.BAD_COMM))
                    .as("one BAD_COMM per outage for %s", p)
                    .hasSize(1);
        }
        assertThat(resumed.sourceTime()).isAfter(Instant.now().minusSeconds(30));
        assertThat(source.stats().connects()).isEqualTo(2);
        assertThat(source.stats().sessionLosses()).isEqualTo(1);
        assertThat(source.stats().connectFailures()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void browsing_finds_the_lines_variables_with_node_id_path_type_access_and_unit() throws Exception {
        OpcUaBrowseResult result = OpcUaBrowser.browse(config(b -> {}), BrowseLimits.DEFAULT);

        assertThat(result.truncated()).isFalse();
        BrowsedVariable goodCount = find(result, GOOD_COUNT);
        assertThat(goodCount.nodeId()).isEqualTo(line.nodeId(GOOD_COUNT));
        assertThat(goodCount.namespaceUri()).isEqualTo(SimLine.NAMESPACE_URI);
        assertThat(goodCount.browsePath()).containsExactlyElementsOf(GOOD_COUNT.segments());
        assertThat(goodCount.dataType()).isEqualTo("Int64");
        assertThat(goodCount.readable()).isTrue();
        assertThat(goodCount.writable()).isFalse();
        assertThat(goodCount.unit()).isEqualTo("bottles");
        BrowsedVariable run = find(result, RUN_COMMAND);
        assertThat(run.dataType()).isEqualTo("Boolean");
        assertThat(run.writable()).isTrue();
        assertThat(find(result, MOTOR_CURRENT).dataType()).isEqualTo("Double");
        // every point of the five machines and the meter, nothing from namespace 0
        Set<String> machines =
                result.variables().stream().map(v -> v.browsePath().get(5)).collect(Collectors.toSet());
        assertThat(machines).contains("conveyor", "filler", "capper", "labeler", "palletizer");
        assertThat(result.variables()).allSatisfy(v -> assertThat(v.nodeId()).startsWith("ns="));
        assertThat(result.variables()).noneMatch(v -> v.browsePath().contains("EngineeringUnits"));
    }

    @Test
    void browsing_stops_at_the_node_limit_and_says_so() throws Exception {
        OpcUaBrowseResult result = OpcUaBrowser.browse(config(b -> {}), new BrowseLimits(12, 5, false));

        assertThat(result.truncated()).isTrue();
        assertThat(result.nodesVisited()).isEqualTo(5);
    }

    private static BrowsedVariable find(OpcUaBrowseResult result, TagPath path) {
        return result.variables().stream()
                .filter(v -> v.browsePath().equals(path.segments()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("browse found no " + path));
    }

    private static void awaitDataChanges(OpcUaSource source, long atLeast) throws InterruptedException {
        long end = System.nanoTime() + Received.WAIT.toNanos();
        while (source.stats().dataChanges() < atLeast) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + atLeast + " data changes: " + source.stats());
            }
            Thread.sleep(20);
        }
    }
}
