package io.isthmus.connect.transfer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.transfer.TransferData;
import io.isthmus.connect.transfer.frame.DiodeFrame;
import io.isthmus.connect.transfer.frame.FrameCodec;
import io.isthmus.connect.transfer.frame.FrameDecoding;
import io.isthmus.connect.transfer.frame.FrameLimits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender with a sending thread ({@code handOffBatches} above 0): the same datagrams in the same
 * order as one thread sends, the cursor moved only after a batch's datagrams left, a bounded number
 * of batches between the threads, and a failing sending thread surfacing instead of hanging.
 */
class HandOffSenderTest {
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("127.0.0.1", 9);

    @TempDir
    Path dir;

    private Journal journal;
    private List<JournalRecord> expected;

    @BeforeEach
    void fill() {
        journal = Journal.open(TransferData.journalConfig(dir));
        TransferData.fill(journal, 1500, 40, 17);
        expected = TransferData.readAll(journal);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void sends_the_same_datagrams_in_the_same_order_as_one_thread() throws Exception {
        List<byte[]> inline = sendAll(0);
        List<byte[]> handedOff = sendAll(2);

        assertThat(handedOff).hasSameSizeAs(inline).hasSizeGreaterThan(1000);
        // everything but the three closing heartbeats (they carry the time they were sent) is equal
        for (int i = 0; i < inline.size() - 3; i++) {
            assertThat(handedOff.get(i)).as("datagram %d", i).isEqualTo(inline.get(i));
        }
        var codec = new FrameCodec(FrameLimits.DEFAULT);
        long lastSequence = lastSequence(inline, codec);
        assertThat(lastSequence).isPositive();
        for (byte[] d : handedOff.subList(handedOff.size() - 3, handedOff.size())) {
            assertThat(codec.decode(d) instanceof FrameDecoding.Decoded(DiodeFrame.Heartbeat hb)
                            && hb.sequence() == lastSequence
                            && hb.lastRecord() == expected.getLast().sequence())
                    .as("a closing heartbeat naming the last batch and record")
                    .isTrue();
        }
    }

    @Test
    void the_cursor_moves_only_after_the_sending_thread_sent_the_batch_and_the_hand_off_is_bounded() throws Exception {
        var gate = new CountDownLatch(1);
        var sent = new AtomicInteger();
        DatagramOut out = (d, n) -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.incrementAndGet();
        };
        var config = config(b -> b.handOffBatches(2).heartbeatInterval(Duration.ofMillis(50)));
        var sender = new DiodeSender(config, out);
        var stop = new AtomicBoolean();
        var forwarding = Thread.ofPlatform().start(() -> {
            try {
                sender.forward(journal, () -> !stop.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var cursor = journal.consumer(config.consumerName());
        Thread.sleep(500);
        assertThat(cursor.committed()).as("nothing left the blocked socket").isZero();
        assertThat(sender.status().batches()).isZero();
        // the encoding thread is stuck at the bound: a batch in the socket, two handed over, one claimed
        assertThat(forwarding.isAlive()).isTrue();

        gate.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cursor.committed() < expected.getLast().sequence() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        forwarding.join(30_000);
        sender.close();

        assertThat(cursor.committed()).isEqualTo(expected.getLast().sequence());
        assertThat(sender.status().records()).isEqualTo(expected.size());
        assertThat(sender.status().datagrams()).isEqualTo(sent.get());
    }

    @Test
    void a_failing_sending_thread_fails_the_sender_instead_of_hanging_it() {
        DatagramOut out = (d, n) -> {
            throw new IllegalStateException("broken socket for the test");
        };
        var sender = new DiodeSender(config(b -> b.handOffBatches(1)), out);

        assertThatThrownBy(() -> {
                    sender.send(expected, false);
                    sender.finish();
                })
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("broken socket for the test");
    }

    private static long lastSequence(List<byte[]> datagrams, FrameCodec codec) {
        long last = -1;
        for (byte[] d : datagrams) {
            if (codec.decode(d) instanceof FrameDecoding.Decoded(DiodeFrame.Fragment f)) {
                last = Math.max(last, f.sequence());
            }
        }
        return last;
    }

    private List<byte[]> sendAll(int handOff) throws Exception {
        List<byte[]> datagrams = Collections.synchronizedList(new ArrayList<>());
        try (var sender = new DiodeSender(
                config(b -> b.handOffBatches(handOff)), (d, n) -> datagrams.add(Arrays.copyOf(d, n)), 42)) {
            sender.send(expected.subList(0, 700), false);
            sender.send(expected.subList(700, expected.size()), true);
            sender.finish();
            assertThat(sender.status().records()).isEqualTo(expected.size());
            return new ArrayList<>(datagrams);
        }
    }

    private static SenderConfig config(java.util.function.Consumer<SenderConfig.Builder> changes) {
        return SenderConfig.create(NOWHERE, b -> {
            b.rateBitsPerSecond(100_000_000_000L);
            changes.accept(b);
        });
    }
}
