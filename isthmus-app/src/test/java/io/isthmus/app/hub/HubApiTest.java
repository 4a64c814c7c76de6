package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.transfer.EventCodec;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.connect.transfer.TransferLimits;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Severity;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hub's HTTP API against a real hub on 127.0.0.1: ingest, history and events. */
class HubApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final TagPath TAG = TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed");
    static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    static final TransferCodec CODEC = new TransferCodec(TransferLimits.DEFAULT);

    @TempDir
    static Path dir;

    static Hub hub;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        hub = Hub.start(new HubSettings(
                new InetSocketAddress("127.0.0.1", 0),
                HistorianConfig.create(dir.resolve("historian")),
                4096,
                100,
                java.util.Set.of(),
                List.of()));
        base = "http://127.0.0.1:" + hub.port();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static HttpResponse<String> post(byte[] body, String type) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/ingest"))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JournalRecord samples(long seq, int from, int count) {
        List<Sample> s = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            s.add(new Sample(TAG, T0.plusSeconds(i), Value.of((double) i), Quality.GOOD));
        }
        return new JournalRecord(
                seq,
                RecordType.SAMPLE_BATCH,
                T0,
                SampleBatchCodec.withDefaults().encode(s));
    }

    static void assertProblem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).contains(detail);
    }

    @Test
    void aRetriedBatchIsStoredOnceAndBackfillBehindLiveRecordsIsKept() throws Exception {
        var event = new Event(
                T0,
                EventKind.DATA_LOSS,
                Severity.HIGH,
                "journal full",
                List.of(),
                List.of(),
                Evidence.of("12 records dropped").with("records", "12"));
        byte[] live = CODEC.encode(new TransferBatch(
                "edge-a",
                1,
                List.of(
                        samples(1, 0, 10),
                        samples(3, 20, 10),
                        new JournalRecord(
                                4,
                                RecordType.EVENT,
                                T0,
                                EventCodec.withBundledAttack().encode(event)))));
        HttpResponse<String> first = post(live, TransferCodec.MEDIA_TYPE);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("samplesStored").asLong()).isEqualTo(20);

        HttpResponse<String> retry = post(live, TransferCodec.MEDIA_TYPE);
        assertThat(JSON.readTree(retry.body()).get("duplicates").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(retry.body()).get("samplesStored").asLong()).isZero();

        // the backlog record 2 arrives after 3 and 4 (live first): still stored
        byte[] backlog = CODEC.encode(new TransferBatch("edge-a", 4, List.of(samples(2, 10, 10))));
        assertThat(JSON.readTree(post(backlog, TransferCodec.MEDIA_TYPE).body())
                        .get("contiguousThrough")
                        .asLong())
                .isEqualTo(4);
        assertThat(hub.historian().range(TAG, T0, T0.plusSeconds(60), 1000).samples())
                .hasSize(30);

        JsonNode events = JSON.readTree(get("/api/events").body());
        assertThat(events.get("total").asLong()).isEqualTo(1);
        assertThat(events.get("items").get(0).get("kind").asText()).isEqualTo("data_loss");
        assertThat(events.get("items").get(0).get("facts").get("records").asText())
                .isEqualTo("12");

        JsonNode history = JSON.readTree(get("/api/tags/history?path=" + TAG + "&from=2026-11-26T00:00:00Z"
                        + "&to=2026-11-26T00:00:30Z&interval=10s&agg=avg")
                .body());
        assertThat(history.get("points").findValues("v"))
                .extracting(JsonNode::asDouble)
                .containsExactly(4.5, 14.5, 24.5);
        JsonNode count = JSON.readTree(get("/api/tags/history?path=" + TAG + "&from=2026-11-26T00:00:00Z"
                        + "&to=2026-11-26T00:01:00Z&interval=30s&agg=count")
                .body());
        assertThat(count.get("points").findValues("v"))
                .extracting(JsonNode::asDouble)
                .containsExactly(30.0, 0.0);

        JsonNode tags = JSON.readTree(get("/api/tags").body());
        assertThat(tags.get("items").findValues("path"))
                .extracting(JsonNode::asText)
                .contains(TAG.toString());
    }

    @Test
    void malformedOversizedAndMistypedBodiesAreRefusedWithProblems() throws Exception {
        assertProblem(post(new byte[] {1, 2, 3}, TransferCodec.MEDIA_TYPE), 400, "not a transfer batch: TRUNCATED");
        assertProblem(post(new byte[10], "application/json"), 415, TransferCodec.MEDIA_TYPE);
        assertProblem(post(new byte[5000], TransferCodec.MEDIA_TYPE), 413, "at most 4096");
        JournalRecord garbage = new JournalRecord(9, RecordType.SAMPLE_BATCH, T0, new byte[] {(byte) 0xff});
        assertProblem(
                post(CODEC.encode(new TransferBatch("edge-b", 0, List.of(garbage))), TransferCodec.MEDIA_TYPE),
                400,
                "record 9 is not a sample batch");
        assertThat(hub.historian().journalPosition(io.isthmus.store.JournalId.of("edge-b")))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no path|from=now-1h|parameter 'path' is required",
                "bad path|path=a/b|parameter 'path'",
                "unknown parameter|path=" + "acme/springfield/packaging/line1/filling/filler/speed"
                        + "&limit=3|unknown parameter 'limit'",
                "bad from|path=acme/springfield/packaging/line1/filling/filler/speed&from=yesterday|parameter 'from' is 'yesterday'",
                "reversed|path=acme/springfield/packaging/line1/filling/filler/speed&from=now&to=now-1h|must be before 'to'",
                "bad interval|path=acme/springfield/packaging/line1/filling/filler/speed&interval=fast|parameter 'interval'",
                "interval below 1s|path=acme/springfield/packaging/line1/filling/filler/speed&interval=500ms|1s .. 366d",
                "bad agg|path=acme/springfield/packaging/line1/filling/filler/speed&agg=median|expected one of avg, min, max, last, count, twa",
                "too many points|path=acme/springfield/packaging/line1/filling/filler/speed&from=now-1d&interval=1m|more than 100",
                "twice|path=acme/springfield/packaging/line1/filling/filler/speed&agg=avg&agg=max|given 2 times",
                "from before the storable times|path=acme/springfield/packaging/line1/filling/filler/speed"
                        + "&from=-1000000000-01-01T00:00:00Z&to=-1000000000-01-01T01:00:00Z"
                        + "|before the earliest time the historian stores (-70000-01-01T00:00:00Z)",
                "to after the storable times|path=acme/springfield/packaging/line1/filling/filler/speed"
                        + "&from=%2B1000000000-01-01T00:00:00Z&to=%2B1000000000-01-01T01:00:00Z"
                        + "|after the latest time the historian stores",
            })
    void everyHistoryParameterIsValidated(String name, String query, String detail) throws Exception {
        assertProblem(get("/api/tags/history?" + query), 400, detail);
    }

    @Test
    void eventLimitsAreValidated() throws Exception {
        assertProblem(get("/api/events?limit=0"), 400, "parameter 'limit'");
        assertProblem(get("/api/events?limit=" + URLEncoder.encode("1e9", StandardCharsets.UTF_8)), 400, "1..1000");
    }
}
