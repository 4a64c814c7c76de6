package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.journal.JournalReader;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.transfer.frame.DiodeFrame;
import io.isthmus.connect.transfer.frame.FrameCodec;
import io.isthmus.connect.transfer.frame.FrameDecoding;
import io.isthmus.connect.transfer.frame.FrameLimits;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import io.isthmus.connect.transfer.send.DatagramOut;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.SenderConfig;
import io.isthmus.connect.transfer.send.UdpOut;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalProgress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's one-way receiver on 127.0.0.1 fed by a real {@link DiodeSender} over UDP: what arrives
 * is stored exactly once per journal id, a lost batch becomes a DATA_LOSS event naming its
 * sequences, tags and time span (also in {@code GET /api/transfer}), and a replay fills it.
 */
class TransferReceiverTest {
    static final String SITE = "line-9";
    static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    static final int TAGS = 5;
    static final int RECORDS = 300;
    static final int SAMPLES_PER_RECORD = 10;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    Hub hub;
    Journal journal;

    @BeforeEach
    void start() throws Exception {
        var receiver = new ReceiverSettings(
                SITE,
                ReceiverConfig.defaults(new InetSocketAddress("127.0.0.1", 0)).withGapTimeout(Duration.ofMillis(300)));
        hub = Hub.start(HubSettings.of(
                        new InetSocketAddress("127.0.0.1", 0),
                        HistorianConfig.create(dir.resolve("historian")),
                        List.of())
                .withReceiver(receiver));
        journal = Journal.open(JournalConfig.create(dir.resolve("journal"), b -> b.fsync(FsyncPolicy.never())));
        SampleBatchCodec codec = SampleBatchCodec.withDefaults();
        for (int r = 0; r < RECORDS; r++) {
            List<Sample> samples = new ArrayList<>();
            for (int s = 0; s < SAMPLES_PER_RECORD; s++) {
                int n = r * SAMPLES_PER_RECORD + s;
                samples.add(new Sample(tag(n % TAGS), time(n), Value.of((double) n), Quality.GOOD));
            }
            journal.append(RecordType.SAMPLE_BATCH, codec.encode(samples));
        }
    }

    @AfterEach
    void stop() {
        journal.close();
        hub.close();
    }

    static TagPath tag(int i) {
        return TagPath.parse("acme/springfield/packaging/line9/filling/filler/t" + i);
    }

    static Instant time(int sampleNumber) {
        return T0.plusMillis(sampleNumber);
    }

    @Test
    void everyRecordIsStoredExactlyOnceAlthoughASecondEpochSendsItAgain() throws Exception {
        try (var first = sender(new UdpOut(hub.receiverAddress().orElseThrow()))) {
            first.send(all(), false);
            first.finish();
        }
        // the sink stores on its own thread (HandOffSink): wait for the store, not only the receipt
        await(
                "the first epoch delivered and stored",
                () -> transfer().get("records").asLong() == RECORDS
                        && transfer().get("recordsStored").asLong() == RECORDS);
        try (var second = sender(new UdpOut(hub.receiverAddress().orElseThrow()))) {
            assertThat(second.replay(journal, 1, RECORDS)).isEqualTo(RECORDS);
        }
        await("the second epoch delivered", () -> transfer().get("records").asLong() == 2L * RECORDS);

        JsonNode t = transfer();
        assertThat(t.get("site").asText()).isEqualTo(SITE);
        assertThat(t.get("recordsStored").asLong()).isEqualTo(RECORDS);
        assertThat(t.get("lostRanges")).isEmpty();
        assertThat(t.get("lastHeartbeat").asText()).isNotEmpty();
        assertThat(hub.historian().journalProgress(JournalId.of(SITE)))
                .isEqualTo(new JournalProgress(RECORDS, List.of()));
        assertThat(storedSamples()).isEqualTo(RECORDS * SAMPLES_PER_RECORD);
    }

    @Test
    void aLostBatchIsOneDataLossEventWithItsSequencesTagsAndTimeSpanAndAReplayFillsIt() throws Exception {
        AtomicReference<DiodeFrame.Manifest> lost = new AtomicReference<>();
        var codec = new FrameCodec(FrameLimits.DEFAULT);
        try (var udp = new UdpOut(hub.receiverAddress().orElseThrow());
                var sender = sender((datagram, length) -> {
                    // the link drops every fragment of batch 2; its manifests get through
                    if (codec.decode(datagram, 0, length) instanceof FrameDecoding.Decoded d
                            && d.frame().sequence() == 2) {
                        if (d.frame() instanceof DiodeFrame.Manifest m) {
                            lost.set(m);
                        } else if (d.frame() instanceof DiodeFrame.Fragment) {
                            return;
                        }
                    }
                    udp.send(datagram, length);
                })) {
            sender.send(all(), false);
            sender.finish();
        }
        // the sink stores on its own thread, in order: once every other record is stored, the gap's event is too
        await("the loss is reported and the rest stored", () -> {
            JsonNode t = transfer();
            if (t.get("lostRanges").isEmpty()) {
                return false;
            }
            JsonNode r = t.get("lostRanges").get(0);
            long lostRecords = r.get("to").asLong() - r.get("from").asLong() + 1;
            return t.get("recordsStored").asLong() == RECORDS - lostRecords;
        });
        DiodeFrame.Manifest m = lost.get();
        long from = m.firstRecord();
        long to = m.lastRecord();
        assertThat(to - from + 1).as("batch 2 held several records").isGreaterThan(1);

        JsonNode event = dataLossEvent();
        assertThat(event.get("edge").asText()).isEqualTo(SITE);
        JsonNode facts = event.get("facts");
        assertThat(facts.get("sequences").asText()).isEqualTo("2..2");
        assertThat(facts.get("journal_ids").asText()).isEqualTo(from + ".." + to);
        assertThat(facts.get("replay").asText()).isEqualTo(from + ".." + to);
        assertThat(facts.get("records").asLong()).isEqualTo(to - from + 1);
        assertThat(facts.get("tags").asText().split(",")).containsExactlyElementsOf(tagsOf(from, to));
        assertThat(facts.get("from").asText())
                .isEqualTo(time((int) (from - 1) * SAMPLES_PER_RECORD).toString());
        assertThat(facts.get("to").asText())
                .isEqualTo(time((int) to * SAMPLES_PER_RECORD - 1).toString());

        JsonNode range = transfer().get("lostRanges").get(0);
        assertThat(range.get("from").asLong()).isEqualTo(from);
        assertThat(range.get("to").asLong()).isEqualTo(to);
        assertThat(range.get("firstSequence").asLong()).isEqualTo(2);
        assertThat(range.get("fromTime").asText()).isEqualTo(facts.get("from").asText());
        assertThat(range.get("toTime").asText()).isEqualTo(facts.get("to").asText());
        assertThat(range.get("tags")).hasSize(TAGS);

        JournalProgress progress = hub.historian().journalProgress(JournalId.of(SITE));
        for (long id = 1; id <= RECORDS; id++) {
            assertThat(progress.contains(id)).as("record " + id).isEqualTo(id < from || id > to);
        }
        assertThat(storedSamples()).isEqualTo((RECORDS - (to - from + 1)) * SAMPLES_PER_RECORD);

        try (var replay = sender(new UdpOut(hub.receiverAddress().orElseThrow()))) {
            replay.replay(journal, from, to);
        }
        await(
                "the replay is stored",
                () -> hub.historian()
                        .journalProgress(JournalId.of(SITE))
                        .equals(new JournalProgress(RECORDS, List.of())));
        assertThat(storedSamples()).isEqualTo(RECORDS * SAMPLES_PER_RECORD);
    }

    DiodeSender sender(DatagramOut out) {
        return new DiodeSender(
                SenderConfig.create(
                        hub.receiverAddress().orElseThrow(),
                        b -> b.maxBatchBytes(4096).rateBitsPerSecond(50_000_000)),
                out);
    }

    List<JournalRecord> all() {
        List<JournalRecord> out = new ArrayList<>();
        try (JournalReader reader = journal.read(1)) {
            for (List<JournalRecord> chunk = reader.next(1000); !chunk.isEmpty(); chunk = reader.next(1000)) {
                out.addAll(chunk);
            }
        }
        return out;
    }

    @Test
    void theStartUpWarmUpStoresNothingCountsNothingAndRaisesNoEvent() throws Exception {
        // nothing is sent: the receiver's warm-up (default 3 s) runs to its time limit
        await("the warm-up ended", () -> !transfer().get("warmUp").isNull());

        JsonNode t = transfer();
        assertThat(t.get("warmUp").asText()).startsWith("receiver warm-up: ").contains("ended by its time limit");
        assertThat(t.get("warmUp").asText()).doesNotContain(" 0 synthetic batches");
        for (String counter : List.of(
                "epoch",
                "lastSequence",
                "batches",
                "records",
                "recordsStored",
                "payloadBytes",
                "datagrams",
                "recoveredBatches",
                "recoveredFragments",
                "lostBatches",
                "duplicateFrames",
                "refusedBatches")) {
            assertThat(t.get(counter).asLong()).as(counter).isZero();
        }
        assertThat(t.get("badFrames")).isEmpty();
        assertThat(t.get("lostRanges")).isEmpty();
        assertThat(t.get("lastHeartbeat").isNull()).isTrue();
        assertThat(JSON.readTree(get("/api/events")).get("items"))
                .as("no event")
                .isEmpty();
        // nothing of the warm-up's records reached the historian: no journal id of the site is applied
        assertThat(hub.historian().journalProgress(JournalId.of(SITE))).isEqualTo(JournalProgress.NONE);

        // and the receiver still receives, exactly as without it
        try (var sender = sender(new UdpOut(hub.receiverAddress().orElseThrow()))) {
            sender.send(all(), false);
            sender.finish();
        }
        await("delivered and stored", () -> transfer().get("recordsStored").asLong() == RECORDS);
        assertThat(storedSamples()).isEqualTo((long) RECORDS * SAMPLES_PER_RECORD);
        assertThat(transfer().get("lostBatches").asLong()).isZero();
    }

    static List<String> tagsOf(long fromRecord, long toRecord) {
        var tags = new TreeSet<String>();
        for (long r = fromRecord - 1; r < toRecord; r++) {
            for (int s = 0; s < SAMPLES_PER_RECORD; s++) {
                tags.add(tag((int) (r * SAMPLES_PER_RECORD + s) % TAGS).toString());
            }
        }
        return List.copyOf(tags);
    }

    long storedSamples() {
        long n = 0;
        for (int i = 0; i < TAGS; i++) {
            var r = hub.historian().range(tag(i), T0, T0.plusSeconds(3600), 100_000);
            assertThat(r.truncated()).isFalse();
            n += r.samples().size();
        }
        return n;
    }

    JsonNode transfer() throws IOException, InterruptedException {
        JsonNode body = JSON.readTree(get("/api/transfer"));
        assertThat(body.get("receivers")).hasSize(1);
        return body.get("receivers").get(0);
    }

    JsonNode dataLossEvent() throws IOException, InterruptedException {
        List<JsonNode> losses = new ArrayList<>();
        for (JsonNode e : JSON.readTree(get("/api/events")).get("items")) {
            if (e.get("kind").asText().equals("data_loss")) {
                losses.add(e);
            }
        }
        assertThat(losses).as("exactly one data-loss event").hasSize(1);
        return losses.getFirst();
    }

    String get(String path) throws IOException, InterruptedException {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Waits (up to 30 s on a loaded machine) for what the receiver's thread does. */
    static void await(String what, ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime() - deadline).as("waiting until " + what).isNegative();
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
