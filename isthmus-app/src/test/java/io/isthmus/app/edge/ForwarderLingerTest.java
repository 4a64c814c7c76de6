package io.isthmus.app.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.isthmus.connect.journal.ForwardingBudget;
import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import io.isthmus.connect.transfer.TransferDecoding;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP forwarder's linger (issue 9): when caught up it waits a short while after the first new
 * record so a poll cycle travels in one request; when behind or in backfill it sends full batches
 * at once. No clock is asserted: the linger's sleep is replaced by one that appends the records
 * that would land during it, and the test checks what each request carried.
 */
class ForwarderLingerTest {
    static final ForwardingBudget BUDGET = new ForwardingBudget(200, 40);

    @TempDir
    Path dir;

    Journal journal;
    HttpServer hub;
    final List<List<Long>> requests = new CopyOnWriteArrayList<>();
    final TransferCodec codec = new TransferCodec(ForwardSettings.LIMITS);

    @BeforeEach
    void start() throws Exception {
        journal = Journal.open(JournalConfig.create(dir.resolve("journal"), b -> b.fsync(FsyncPolicy.never())));
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/api/ingest", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (codec.decode(body) instanceof TransferDecoding.Decoded<TransferBatch> d) {
                requests.add(d.value().records().stream()
                        .map(JournalRecord::sequence)
                        .toList());
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop(0);
        journal.close();
    }

    ForwardSettings settings() {
        return new ForwardSettings(
                URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/"),
                BUDGET,
                ForwardSettings.DEFAULT_TIMEOUT,
                ForwardSettings.DEFAULT_RETRY);
    }

    void append(int records) {
        for (int i = 0; i < records; i++) {
            journal.append(RecordType.SAMPLE_BATCH, "sample".getBytes(StandardCharsets.US_ASCII));
        }
    }

    long received() {
        return requests.stream().mapToLong(List::size).sum();
    }

    /** One record journaled before the forwarder opens (its backlog), sent before the live part starts. */
    void primed(Forwarder f) throws InterruptedException {
        await("the primer arrived", () -> received() == 1);
        requests.clear();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aPollCycleThatLandsDuringTheLingerTravelsInTheSameRequest() throws Exception {
        AtomicInteger lingers = new AtomicInteger();
        Forwarder.Pause cycleLands = d -> {
            assertThat(d).isEqualTo(Forwarder.LINGER);
            if (lingers.incrementAndGet() == 1) {
                append(5); // the other sources' samples of the same poll cycle
            }
        };
        append(1);
        try (Forwarder f = new Forwarder(journal, "site", settings(), Forwarder.LINGER, cycleLands).start()) {
            primed(f);
            append(1);
            await("six records arrived", () -> received() == 6);
            assertThat(requests).containsExactly(List.of(2L, 3L, 4L, 5L, 6L, 7L));
            assertThat(lingers).hasValue(1);
            assertThat(f.requests()).isEqualTo(2);
        }
    }

    @Test
    void withoutALingerEveryRecordThatFindsTheForwarderIdleGoesAtOnce() throws Exception {
        AtomicInteger lingers = new AtomicInteger();
        append(1);
        try (Forwarder f =
                new Forwarder(journal, "site", settings(), Duration.ZERO, d -> lingers.incrementAndGet()).start()) {
            primed(f);
            append(1);
            await("the first record arrived", () -> received() == 1);
            append(1);
            await("the second record arrived", () -> received() == 2);
            assertThat(requests).containsExactly(List.of(2L), List.of(3L));
            assertThat(lingers).hasValue(0);
        }
    }

    @Test
    void behindItSendsFullBatchesWithoutLingering() throws Exception {
        AtomicInteger lingers = new AtomicInteger();
        Forwarder.Pause burst = d -> {
            if (lingers.incrementAndGet() == 1) {
                append(449); // a burst far above one batch lands while the first record lingers
            }
        };
        append(1);
        try (Forwarder f = new Forwarder(journal, "site", settings(), Forwarder.LINGER, burst).start()) {
            primed(f);
            append(1);
            await("450 records arrived", () -> received() == 450);
            assertThat(requests).extracting(List::size).containsExactly(200, 200, 50);
            assertThat(lingers).as("lingered only before the first batch").hasValue(1);
            assertThat(requests.stream().flatMap(List::stream).distinct().count())
                    .isEqualTo(450);
            await("the cursor moved over all of it", () -> f.committed() == 451); // after the hub's answers
        }
    }

    @Test
    void theBacklogAfterAnOutageIsSentInFullBatchesWithoutLingering() throws Exception {
        append(300); // journaled while the hub was away: backlog when the forwarder opens
        AtomicInteger lingers = new AtomicInteger();
        try (Forwarder f =
                new Forwarder(journal, "site", settings(), Forwarder.LINGER, d -> lingers.incrementAndGet()).start()) {
            await("the backlog arrived", () -> received() == 300);
            assertThat(requests).extracting(List::size).startsWith(200);
            assertThat(lingers).hasValue(0);
            await("the cursor moved over the backlog", () -> f.committed() == 300);
        }
    }

    @Test
    void aLingerLongerThanTheLiveWaitIsRefused() {
        assertThatThrownBy(() -> new Forwarder(journal, "site", settings(), Duration.ofSeconds(1), Thread::sleep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forward linger")
                .hasMessageContaining("PT1S");
    }
}
