package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.hub.Hub;
import io.isthmus.model.TagPath;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.store.JournalId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a separate edge JVM while it journals and forwards, twice, then a restart:
 * every record the journal acknowledged before the kill reaches the historian, each sample exactly
 * once.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillNineEdgeTest {
    private static final int ACKS_BEFORE_KILL = 25;

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private Path writeConfig(PlcEndpoint conveyor, int hubPort) throws Exception {
        Path yaml = dir.resolve("edge.yaml");
        Files.writeString(yaml, """
                edge:
                  site-id: %s
                  journal: { dir: journal, fsync: every-record }
                  forward: { hub: "http://127.0.0.1:%d/", batch-records: 20, retry: { initial: 100ms, max: 1s } }
                sources:
                  - { id: conveyor, kind: modbus-tcp, endpoint: "%s", poll-rate: 100ms }
                tags:
                  - { path: acme/springfield/packaging/line1/transport/conveyor/speed, source: conveyor, address: "input:6:uint16" }
                  - { path: acme/springfield/packaging/line1/transport/conveyor/goodCount, source: conveyor, address: "input:2:uint32" }
                  - { path: acme/springfield/packaging/line1/transport/conveyor/motorCurrent, source: conveyor, address: "input:7:uint16:scale=0.01" }
                """.formatted(Plant.SITE, hubPort, conveyor.hostPort()));
        return yaml;
    }

    private Process startEdge(Path yaml, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EdgeChild.class.getName(),
                        yaml.toString())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** Reads ACK lines until {@code enough}, then SIGKILLs the edge and reads what it printed before dying. */
    private Map<Long, List<String>> runAndKill(Path yaml, String name, int enough) throws Exception {
        child = startEdge(yaml, name);
        Map<Long, List<String>> acked = new HashMap<>();
        boolean killed = false;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ", 3);
                    acked.put(Long.parseLong(parts[1]), parts.length > 2 ? List.of(parts[2].split(";")) : List.of());
                }
                if (!killed && acked.size() >= enough) {
                    assertThat(child.toHandle().destroyForcibly()).isTrue(); // SIGKILL
                    killed = true;
                }
            }
        }
        assertThat(killed)
                .as("edge ended early: %s", Files.readString(dir.resolve(name + ".err")))
                .isTrue();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return acked;
    }

    @Test
    void everyAcknowledgedRecordReachesTheHistorianExactlyOnceAcrossKillNine() throws Exception {
        Plant plant = new Plant(dir);
        try (plant.factory;
                Hub hub = plant.hub(0)) {
            Path yaml = writeConfig(plant.factory.plcs().getFirst(), hub.port());
            Map<Long, List<String>> acked = new HashMap<>();
            acked.putAll(runAndKill(yaml, "edge-1", ACKS_BEFORE_KILL));
            acked.putAll(runAndKill(yaml, "edge-2", ACKS_BEFORE_KILL));
            long highest =
                    acked.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();

            child = startEdge(yaml, "edge-3");
            Plant.await(
                    "the restarted edge forwards record " + highest,
                    Duration.ofSeconds(60),
                    () -> hub.historian()
                                    .journalProgress(JournalId.of(Plant.SITE))
                                    .contiguousThrough()
                            >= highest);

            Map<String, Set<Long>> stored = new HashMap<>();
            int checked = 0;
            for (List<String> samples : acked.values()) {
                for (String s : samples) {
                    String[] f = s.split("\\|");
                    TagPath tag = TagPath.parse(f[0]);
                    Set<Long> times = stored.computeIfAbsent(f[0], k -> storedTimes(hub, tag));
                    assertThat(times).as("acknowledged sample %s", s).contains(Long.parseLong(f[1]));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(2 * ACKS_BEFORE_KILL);
        }
    }

    /** The sample times of a tag in the historian, failing on any time stored twice. */
    private static Set<Long> storedTimes(Hub hub, TagPath tag) {
        var samples = hub.historian()
                .range(tag, Instant.EPOCH, Instant.now().plusSeconds(3600), 1_000_000)
                .samples();
        List<Long> times = new ArrayList<>();
        samples.forEach(s -> times.add(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, s.sourceTime())));
        Set<Long> unique = new HashSet<>(times);
        assertThat(unique).as("%s: no sample stored twice", tag).hasSameSizeAs(times);
        return unique;
    }
}
