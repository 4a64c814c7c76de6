package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.transfer.EventCodec;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.connect.transfer.TransferLimits;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import io.isthmus.store.HistorianConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's event stream carries the hub's events as {@code event} messages, live. */
class StreamEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventAnEdgeDeliversReachesStreamClientsAsAnEventMessageShapedLikeApiEventsItems(@TempDir Path dir)
            throws Exception {
        try (Hub hub = Hub.start(new HubSettings(
                new InetSocketAddress("127.0.0.1", 0),
                HistorianConfig.create(dir.resolve("historian")),
                4096,
                100,
                Set.of(),
                List.of()))) {
            String base = "http://127.0.0.1:" + hub.port();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<InputStream> stream = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            CompletableFuture<JsonNode> received = CompletableFuture.supplyAsync(() -> firstEvent(stream.body()));
            Event event = new Event(
                    Instant.parse("2026-11-26T00:00:00Z"),
                    EventKind.MACHINE_FAULT,
                    Severity.HIGH,
                    "conveyor jammed",
                    List.of(),
                    List.of(),
                    Evidence.of("fault 201").with("faultCode", "201"));
            byte[] batch = new TransferCodec(TransferLimits.DEFAULT)
                    .encode(new TransferBatch(
                            "edge-a",
                            1,
                            List.of(new JournalRecord(
                                    1,
                                    RecordType.EVENT,
                                    event.time(),
                                    EventCodec.withBundledAttack().encode(event)))));
            // the stream client registers asynchronously: post until it has seen the event
            JsonNode got = null;
            for (int i = 0; i < 50 && got == null; i++) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/ingest"))
                                .header("Content-Type", TransferCodec.MEDIA_TYPE)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                try {
                    got = received.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // a retried batch is a duplicate and raises no second event; send a fresh one
                    batch = new TransferCodec(TransferLimits.DEFAULT)
                            .encode(new TransferBatch(
                                    "edge-a",
                                    1,
                                    List.of(new JournalRecord(
                                            i + 2,
                                            RecordType.EVENT,
                                            event.time(),
                                            EventCodec.withBundledAttack().encode(event)))));
                }
            }
            assertThat(got).as("no event message within 10 s").isNotNull();
            assertThat(got.get("kind").asText()).isEqualTo("machine_fault");
            assertThat(got.get("title").asText()).isEqualTo("conveyor jammed");
            assertThat(got.get("edge").asText()).isEqualTo("edge-a");
            assertThat(got.get("facts").get("faultCode").asText()).isEqualTo("201");
            JsonNode listed = JSON.readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/events"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("items")
                    .get(0);
            assertThat(got.properties().stream()
                            .map(java.util.Map.Entry::getKey)
                            .toList())
                    .isEqualTo(listed.properties().stream()
                            .map(java.util.Map.Entry::getKey)
                            .toList());
        }
    }

    private static JsonNode firstEvent(InputStream body) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            boolean event = false;
            while ((line = in.readLine()) != null) {
                if (line.equals("event: event")) {
                    event = true;
                } else if (event && line.startsWith("data: ")) {
                    return JSON.readTree(line.substring(6));
                }
            }
            throw new AssertionError("the stream ended without an event message");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
