package io.isthmus.connect.transfer.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.transfer.TransferData;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receive loop over a real loopback socket: it reads bursts that queue while it is busy, wakes
 * from an idle wait when datagrams come again, and returns promptly when closed.
 */
class DiodeReceiverLoopTest {
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("127.0.0.1", 9);

    @TempDir
    Path dir;

    @Test
    void bursts_sent_while_the_loop_is_busy_or_idle_all_arrive_and_close_ends_the_run_promptly() throws Exception {
        List<JournalRecord> expected;
        List<byte[]> datagrams = new ArrayList<>();
        try (Journal journal = Journal.open(TransferData.journalConfig(dir))) {
            TransferData.fill(journal, 1500, 40, 23);
            expected = TransferData.readAll(journal);
            var config = SenderConfig.create(NOWHERE, b -> b.rateBitsPerSecond(100_000_000_000L));
            try (var sender = new DiodeSender(config, (d, n) -> datagrams.add(Arrays.copyOf(d, n)))) {
                sender.send(expected, false);
                sender.finish();
            }
        }
        var sink = new RecordingSink();
        var receiver = new DiodeReceiver(ReceiverConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), sink);
        Thread loop = Thread.ofPlatform().start(() -> {
            try {
                receiver.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (var out = new DatagramSocket()) {
            int half = datagrams.size() / 2;
            sendInBursts(out, datagrams.subList(0, half), receiver.localAddress());
            Thread.sleep(300); // the loop drains what came and waits on the socket again
            sendInBursts(out, datagrams.subList(half, datagrams.size()), receiver.localAddress());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sink.records.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // idle again before the close

        long closedAt = System.nanoTime();
        receiver.close();
        loop.join(Duration.ofSeconds(5));

        assertThat(loop.isAlive()).as("run() still running 5 s after close()").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(sink.gaps()).isEmpty();
        assertThat(TransferData.digest(sink.records.values())).isEqualTo(TransferData.digest(expected));
        assertThat(receiver.status().lostBatches()).isZero();
    }

    /** Bursts of 32 datagrams with 2 ms between them: each queues while the loop reads the one before. */
    private static void sendInBursts(DatagramSocket out, List<byte[]> datagrams, InetSocketAddress to)
            throws Exception {
        for (int i = 0; i < datagrams.size(); i++) {
            byte[] d = datagrams.get(i);
            out.send(new DatagramPacket(d, d.length, to));
            if (i % 32 == 31) {
                Thread.sleep(2);
            }
        }
    }
}
