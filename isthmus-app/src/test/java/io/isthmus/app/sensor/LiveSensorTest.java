package io.isthmus.app.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.config.PolicyYaml;
import io.isthmus.model.Event;
import io.isthmus.model.Technique;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.inventory.InventoryOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sensor on the labelled captures of the virtual factory (isthmus-observe test resources,
 * SOURCES.md there) read as a stream: the same alerts as {@code isthmus analyze} arrive as events
 * while the capture is read, inventory changes after learning are events, and the persisted
 * inventory is what the next run compares with.
 */
class LiveSensorTest {
    static final Path CAPTURES =
            Path.of("..", "isthmus-observe", "src", "test", "resources", "io", "isthmus", "observe", "detect");
    static final Path ATTACKS = CAPTURES.resolve("guard-attacks.pcap.gz");
    static final Path BENIGN = CAPTURES.resolve("guard-benign.pcap.gz");

    @TempDir
    Path dir;

    record Published(long sequence, Event event) {}

    private LiveSensor run(Path capture, Path inventory, List<Published> out) throws Exception {
        SensorSettings settings = new SensorSettings(
                capture.toString(),
                Optional.of(PolicyYaml.load(Path.of("..", "config", "zones.yaml"))),
                new BaselineSource.Learn(Duration.ofSeconds(18)),
                Optional.of(inventory),
                InventoryOverrides.NONE,
                SensorSettings.DEFAULT_FLOW_IDLE_TIMEOUT,
                Duration.ofMillis(100));
        LiveSensor sensor =
                LiveSensor.start(settings, SensorInput.of(capture.toString()), (s, e) -> out.add(new Published(s, e)));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!sensor.status().state().equals("ended") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return sensor;
    }

    private static List<String> techniques(List<Published> events) {
        return events.stream()
                .flatMap(p -> p.event().techniques().stream())
                .map(Technique::id)
                .distinct()
                .toList();
    }

    @Test
    void everyLabelledAttackArrivesAsAnEventAndTheNewLaptopIsANewAsset() throws Exception {
        List<Published> events = new CopyOnWriteArrayList<>();
        Path inventory = dir.resolve("inventory.json");
        try (LiveSensor sensor = run(ATTACKS, inventory, events)) {
            SensorStatus s = sensor.status();
            assertThat(s.state()).isEqualTo("ended");
            assertThat(s.packets()).isEqualTo(7446);
            assertThat(s.learning()).isFalse();
            assertThat(s.problem()).isNull();
            assertThat(s.dropped()).isNull(); // a file cannot tell
            assertThat(techniques(events)).contains("T0846", "T0888", "T0855", "T0816", "T0836");
            assertThat(s.alerts()).isEqualTo(10); // as isthmus analyze finds on this capture (docs/guard.md)
            assertThat(events.stream().map(p -> p.event().title()))
                    .anyMatch(t -> t.startsWith("New asset ip:127.0.0.66 "))
                    .noneMatch(t -> t.startsWith("New asset ip:127.0.0.1 "));
            assertThat(events).extracting(Published::sequence).doesNotHaveDuplicates();
            assertThat(sensor.raised()).hasSize(events.size());
            assertThat(sensor.snapshot().assets())
                    .extracting(a -> a.id().value())
                    .contains("ip:127.0.0.66");
        }
        assertThat(Files.readString(inventory)).contains("ip:127.0.0.66");
    }

    @Test
    void theNextRunComparesWithThePersistedInventoryAndReportsWhatVanished() throws Exception {
        Path inventory = dir.resolve("inventory.json");
        try (LiveSensor first = run(ATTACKS, inventory, new CopyOnWriteArrayList<>())) {
            assertThat(first.status().state()).isEqualTo("ended");
        }
        List<Published> events = new CopyOnWriteArrayList<>();
        try (LiveSensor second = run(BENIGN, inventory, events)) {
            assertThat(second.status().alerts()).isZero();
        }
        List<String> titles = events.stream().map(p -> p.event().title()).toList();
        assertThat(titles).anyMatch(t -> t.startsWith("Asset vanished: ip:127.0.0.66"));
        assertThat(titles).noneMatch(t -> t.startsWith("New asset"));
        assertThat(Files.readString(inventory)).doesNotContain("ip:127.0.0.66");
    }

    @Test
    void anInputThatCannotBeOpenedIsAFailedSensorNotACrash() throws Exception {
        List<Published> events = new CopyOnWriteArrayList<>();
        SensorSettings settings = new SensorSettings(
                "missing.pcap",
                Optional.empty(),
                new BaselineSource.None(),
                Optional.empty(),
                InventoryOverrides.NONE,
                SensorSettings.DEFAULT_FLOW_IDLE_TIMEOUT,
                SensorSettings.DEFAULT_REFRESH);
        try (LiveSensor sensor = LiveSensor.start(
                settings,
                SensorInput.of(dir.resolve("missing.pcap").toString()),
                (s, e) -> events.add(new Published(s, e)))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!sensor.status().state().equals("failed") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sensor.status().state()).isEqualTo("failed");
            assertThat(sensor.status().problem()).contains("missing.pcap");
        }
        assertThat(events).isEmpty();
    }
}
