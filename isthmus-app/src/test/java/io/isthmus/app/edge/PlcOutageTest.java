package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.hub.Hub;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PLC that disappears for 60 s and comes back: the edge marks its tags BAD_COMM while it is gone
 * and GOOD once it answers again, and the historian ends up with exactly the samples the edge
 * journaled, none lost and none twice.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlcOutageTest {
    static final TagPath FILLER_SPEED = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");
    static final TagPath CONVEYOR_SPEED = TagPath.parse("acme/springfield/packaging/line1/transport/conveyor/speed");

    @TempDir
    Path dir;

    @Test
    void aPlcGoneForSixtySecondsIsBadCommMeanwhileAndNothingIsLostOrDoubled() throws Exception {
        Plant plant = new Plant(dir);
        try (plant.factory;
                Hub hub = plant.hub(0);
                Edge edge = plant.edge(plant.tags(Optional.empty(), "filler", "conveyor"), hub.port(), b -> {})) {
            Plant.await(
                    "filler GOOD at the hub",
                    Duration.ofSeconds(30),
                    () -> Plant.quality(hub, FILLER_SPEED).equals(Optional.of(Quality.GOOD)));

            plant.factory.stopPlc("filler");
            Instant stopped = Instant.now();
            Plant.await(
                    "filler BAD_COMM at the hub",
                    Duration.ofSeconds(20),
                    () -> Plant.quality(hub, FILLER_SPEED).equals(Optional.of(Quality.BAD_COMM)));
            assertThat(edge.status().sources().get("filler")).startsWith("retrying");
            while (Duration.between(stopped, Instant.now()).toSeconds() < 60) {
                Thread.sleep(1000);
                assertThat(Plant.quality(hub, FILLER_SPEED))
                        .as("while the filler is away")
                        .hasValue(Quality.BAD_COMM);
                assertThat(Plant.quality(hub, CONVEYOR_SPEED))
                        .as("the conveyor is unaffected")
                        .hasValue(Quality.GOOD);
            }

            plant.factory.restartPlc("filler");
            Instant restarted = Instant.now();
            Plant.await(
                    "filler GOOD again",
                    Duration.ofSeconds(60),
                    () -> hub.latest()
                            .get(FILLER_SPEED)
                            .filter(s -> s.quality() == Quality.GOOD
                                    && s.sourceTime().isAfter(restarted))
                            .isPresent());

            long compared = plant.assertHistorianHoldsExactlyWhatWasJournaled(hub);
            assertThat(compared).isGreaterThan(100);
            var during = hub.historian()
                    .range(FILLER_SPEED, stopped, restarted, 10_000)
                    .samples();
            assertThat(during)
                    .extracting(Sample::quality)
                    .contains(Quality.BAD_COMM)
                    .doesNotContain(Quality.GOOD);
        }
    }
}
