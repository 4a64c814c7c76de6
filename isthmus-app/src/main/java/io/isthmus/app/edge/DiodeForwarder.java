package io.isthmus.app.edge;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalClosedException;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.ReplayRequests;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the journal one way through the diode: a {@link DiodeSender} on its own thread, moving the
 * journal consumer {@link SenderConfig#consumerName()} as batches leave. Unlike the HTTP {@link
 * Forwarder} nothing comes back, so there is no retry state: a sender that fails (the journal, a
 * bug) is started again after a pause, in a new epoch, and resends what it had not committed.
 * Operators' replay requests ({@code isthmus transfer replay}) are served from the directory beside
 * the journal.
 */
final class DiodeForwarder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiodeForwarder.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final Journal journal;
    private final SenderConfig config;
    private final ReplayRequests replays;
    private volatile DiodeSender sender;
    private volatile String state = "starting";
    private volatile long restarts;
    private volatile boolean running = true;
    private Thread thread;

    DiodeForwarder(Journal journal, SenderConfig config) {
        this.journal = journal;
        this.config = config;
        this.replays = ReplayRequests.besideJournal(journal.config().directory());
    }

    DiodeForwarder start() {
        thread = Thread.ofPlatform().daemon().name("isthmus-edge-diode").start(this::run);
        return this;
    }

    /** The sender side for the edge's status (zeros before the first start). */
    EdgeTransferStatus status() {
        DiodeSender s = sender;
        return EdgeTransferStatus.of(
                config.destination().getHostString() + ":"
                        + config.destination().getPort(),
                config.rateBitsPerSecond(),
                config.fecOverhead(),
                config.redundancy(),
                state,
                restarts,
                s == null ? null : s.status());
    }

    private void run() {
        while (running) {
            try (DiodeSender s = DiodeSender.udp(config)) {
                sender = s;
                state = "sending";
                log.info("sending the journal one way to {} in epoch {}", config.destination(), s.epoch());
                s.forward(journal, () -> running, replays);
                return;
            } catch (InterruptedException | JournalClosedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                state = "restarting: " + e;
                restarts++;
                log.error("diode sender failed, starting it again in a new epoch: {}", e.toString(), e);
                try {
                    Thread.sleep(RESTART_PAUSE);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        // no interrupt: an interrupt inside the journal's file reads would close its channels
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = "stopped";
    }
}
