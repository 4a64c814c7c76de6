package io.isthmus.app.edge;

import io.isthmus.connect.journal.ConsumerCursor;
import io.isthmus.connect.journal.ForwardBatch;
import io.isthmus.connect.journal.ForwardingReader;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalClosedException;
import io.isthmus.connect.poll.Backoff;
import io.isthmus.connect.transfer.TransferBatch;
import io.isthmus.connect.transfer.TransferCodec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the journal to the hub: batches from a {@link ForwardingReader} (live records first, the
 * backlog after an outage in the rest of every batch), one HTTP POST per batch, and the consumer
 * cursor moves only when the hub answered 200, which it does only after the historian committed
 * the batch. A failed request (hub down, timeout, refusal) is retried after a backoff from the
 * committed cursor; what the hub already stored comes again and is skipped there by sequence.
 *
 * <p>Latency versus requests: when it is caught up, the forwarder waits for the first new live
 * record, then lingers {@link #LINGER} so the rest of the sources' poll cycle (they finish a few
 * milliseconds apart) goes in the same request instead of one request each. When it is behind (the
 * last batch was full) or sends the backlog, it does not linger: batches then fill by themselves.
 * The linger delays nothing the journal has not yet acknowledged, so the at-least-once guarantee is
 * the cursor's, as before.
 */
final class Forwarder implements AutoCloseable {
    static final String CONSUMER = "hub";
    private static final Duration WAIT_FOR_LIVE = Duration.ofMillis(200);
    /**
     * How long a caught-up forwarder waits after the first new record: long enough for the other
     * sources' samples of the same poll cycle, short against the console's 1 s goal (issue 9).
     */
    static final Duration LINGER = Duration.ofMillis(20);

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    /** What the forwarder is doing now. */
    sealed interface State {
        record Starting() implements State {}

        record Forwarding(Instant since) implements State {}

        record Retrying(Instant until, String lastError, int attempt) implements State {}
    }

    private final Journal journal;
    private final String siteId;
    private final ForwardSettings settings;
    private final TransferCodec codec = new TransferCodec(ForwardSettings.LIMITS);
    private final Backoff backoff;
    private final HttpClient http;
    private final EdgeToken token;
    private final LongAdder sentRecords = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile State state = new State.Starting();
    private volatile boolean running = true;
    private volatile boolean inBackfill;
    private final Duration linger;
    private final Pause pause;
    private boolean caughtUp = true;
    private ConsumerCursor cursor;
    private Thread thread;

    /** How the forwarder lingers; tests replace the sleep to land records during it. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    Forwarder(Journal journal, String siteId, ForwardSettings settings) {
        this(journal, siteId, settings, LINGER, Thread::sleep);
    }

    Forwarder(Journal journal, String siteId, ForwardSettings settings, Duration linger, Pause pause) {
        if (linger.isNegative() || linger.compareTo(WAIT_FOR_LIVE) > 0) {
            throw new IllegalArgumentException("forward linger must be 0.." + WAIT_FOR_LIVE + ", was " + linger);
        }
        this.journal = journal;
        this.siteId = siteId;
        this.settings = settings;
        this.linger = linger;
        this.pause = pause;
        this.backoff = new Backoff(settings.retry(), RandomGenerator.getDefault());
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.trust().isPresent() || settings.client().isPresent()) {
            http.sslContext(HubTrust.sslContext(settings.trust(), settings.client()));
        }
        this.http = http.build();
        this.token = new EdgeToken(settings.token(), System::nanoTime);
    }

    Forwarder start() {
        cursor = journal.consumer(CONSUMER);
        thread = Thread.ofPlatform().daemon().name("isthmus-edge-forward").start(this::run);
        return this;
    }

    State state() {
        return state;
    }

    long committed() {
        return cursor == null ? 0 : cursor.committed();
    }

    long sentRecords() {
        return sentRecords.sum();
    }

    long requests() {
        return requests.sum();
    }

    long failures() {
        return failures.sum();
    }

    boolean inBackfill() {
        return inBackfill;
    }

    private void run() {
        int attempt = 0;
        while (running) {
            try (ForwardingReader reader = ForwardingReader.open(journal, cursor, settings.budget())) {
                inBackfill = reader.inBackfill();
                while (running) {
                    forwardOne(reader);
                    if (!(state instanceof State.Forwarding)) {
                        state = new State.Forwarding(Instant.now());
                        log.info("forwarding to {} (committed through {})", settings.ingest(), cursor.committed());
                    }
                    attempt = 0;
                }
            } catch (InterruptedException | JournalClosedException e) {
                return;
            } catch (IOException | HubRefusedException e) {
                failures.increment();
                attempt++;
                Duration delay = backoff.delay(attempt);
                if (attempt == 1 || state instanceof State.Forwarding) {
                    log.warn(
                            "hub {} not reachable or refused ({}); journaling and retrying",
                            settings.ingest(),
                            e.getMessage());
                }
                state = new State.Retrying(Instant.now().plus(delay), String.valueOf(e.getMessage()), attempt);
                if (!sleep(delay)) {
                    return;
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.error("forwarder failed, restarting it: {}", e.toString(), e);
                state = new State.Retrying(Instant.now().plus(settings.retry().max()), e.toString(), ++attempt);
                if (!sleep(settings.retry().max())) {
                    return;
                }
            }
        }
    }

    private void forwardOne(ForwardingReader reader) throws InterruptedException, IOException, HubRefusedException {
        ForwardBatch batch = nextBatch(reader);
        inBackfill = reader.inBackfill();
        if (batch.isEmpty() && batch.committableThrough() <= cursor.committed()) {
            return;
        }
        post(new TransferBatch(siteId, batch.committableThrough(), batch.records()));
        reader.commit(batch);
        sentRecords.add(batch.size());
        caughtUp = batch.size() < settings.budget().maxRecords();
    }

    /** The next batch: at once when behind or in backfill, else after a linger from the first new record. */
    private ForwardBatch nextBatch(ForwardingReader reader) throws InterruptedException {
        if (linger.isZero() || reader.inBackfill() || !caughtUp) {
            return reader.nextBatch(WAIT_FOR_LIVE);
        }
        if (reader.awaitLive(WAIT_FOR_LIVE)) {
            pause.sleep(linger);
        }
        return reader.nextBatch();
    }

    private void post(TransferBatch batch) throws IOException, InterruptedException, HubRefusedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.ingest())
                .timeout(settings.requestTimeout())
                .header("Content-Type", TransferCodec.MEDIA_TYPE);
        token.current().ifPresent(t -> b.header("Authorization", "Bearer " + t));
        HttpRequest request = b.POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(batch)))
                .build();
        requests.increment();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new HubRefusedException("HTTP " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The hub answered, but not with 200: nothing was stored, the batch is sent again later. */
    static final class HubRefusedException extends Exception {
        HubRefusedException(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        running = false;
        // no interrupt: an interrupt inside the journal's file reads would close its channels
        http.shutdownNow();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
