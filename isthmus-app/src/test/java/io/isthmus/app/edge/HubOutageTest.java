package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.hub.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub is away (not started yet, then stopped and restarted on the same port): the edge keeps
 * journaling, retries, and backfills once the hub is back; the historian holds every journaled
 * sample exactly once.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HubOutageTest {
    @TempDir
    Path dir;

    @Test
    void theEdgeJournalsWhileTheHubIsDownAndBackfillsExactlyOnceAfter() throws Exception {
        Plant plant = new Plant(dir);
        int port = Plant.freePort();
        int statusPort = Plant.freePort();
        try (plant.factory;
                Edge edge = plant.edge(
                        plant.tags(Optional.of(Duration.ofMillis(200)), "conveyor"),
                        port,
                        b -> {},
                        Optional.of(new io.isthmus.connect.config.HostPort("127.0.0.1", statusPort)))) {
            Plant.await(
                    "samples journaled with no hub",
                    Duration.ofSeconds(20),
                    () -> edge.status().samplesJournaled() > 200);
            assertThat(edge.status().forwarder()).startsWith("retrying");
            assertThat(edge.status().forwardedThrough()).isZero();
            String metrics = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + statusPort + "/metrics"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("isthmus_edge_forward_up{site=\"test-line\"} 0")
                    .contains("isthmus_edge_source_up{site=\"test-line\",source=\"conveyor\",kind=\"modbus-tcp\"} 1")
                    .containsPattern("isthmus_edge_samples_journaled_total\\{site=\"test-line\"} [1-9]");

            try (Hub hub = plant.hub(port)) {
                Plant.await(
                        "backlog forwarded",
                        Duration.ofSeconds(30),
                        () -> edge.status().forwardedThrough() > 0
                                && !edge.status().backfilling());
                plant.assertHistorianHoldsExactlyWhatWasJournaled(hub);
            }
            // the hub goes away again while the edge keeps polling
            long before = edge.status().samplesJournaled();
            Plant.await(
                    "journaling goes on",
                    Duration.ofSeconds(20),
                    () -> edge.status().samplesJournaled() > before + 200);
            assertThat(edge.status().forwarder()).startsWith("retrying");
            try (Hub hub = plant.hub(port)) {
                long compared = plant.assertHistorianHoldsExactlyWhatWasJournaled(hub);
                assertThat(compared).isGreaterThan(before + 200);
                assertThat(edge.status().journalLost()).isZero();
            }
        }
    }
}
