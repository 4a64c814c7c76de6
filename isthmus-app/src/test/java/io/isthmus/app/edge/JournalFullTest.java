package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.app.hub.Hub;
import io.isthmus.connect.journal.FullPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A journal that fills while the hub is away: under either policy the loss is counted at the edge
 * and raised as a DATA_LOSS event that reaches the hub once it is back, never silent.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JournalFullTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FullPolicy.class)
    void aFullJournalCountsItsLossesAndTheHubReceivesTheEvent(FullPolicy policy) throws Exception {
        Plant plant = new Plant(dir);
        int port = Plant.freePort();
        try (plant.factory;
                Edge edge = plant.edge(
                        plant.tags(Optional.of(Duration.ofMillis(100)), "conveyor"),
                        port,
                        b -> b.maxTotalBytes(16 * 1024)
                                .maxSegmentBytes(4 * 1024)
                                .maxRecordBytes(2 * 1024)
                                .whenFull(policy))) {
            Plant.await("the journal loses records", Duration.ofSeconds(60), () -> switch (policy) {
                case DROP_OLDEST -> edge.status().journalLost() > 0;
                case REJECT_NEW -> edge.status().samplesDropped() > 0;
            });
            assertThat(edge.status().journalBytes()).isLessThanOrEqualTo(16 * 1024);

            try (Hub hub = plant.hub(port)) {
                HttpClient http = HttpClient.newHttpClient();
                Plant.await("a DATA_LOSS event at the hub", Duration.ofSeconds(60), () -> {
                    try {
                        String body = http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + hub.port() + "/api/events?limit=1000"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                        JsonNode items = new ObjectMapper().readTree(body).get("items");
                        for (JsonNode e : items) {
                            if (e.get("kind").asText().equals("data_loss")
                                    && e.get("edge").asText().equals(Plant.SITE)) {
                                return true;
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }
}
