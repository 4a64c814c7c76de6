package io.isthmus.connect.transfer.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.transfer.TransferData;
import io.isthmus.connect.transfer.frame.FrameError;
import io.isthmus.connect.transfer.link.ImpairedLink;
import io.isthmus.connect.transfer.link.Impairment;
import io.isthmus.connect.transfer.send.DiodeSender;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sender, impaired link and receiver logic in one thread, with the receiver's clock driven by the
 * datagrams (1 µs each): seeded loss, reordering, duplication and bit flips, then the two promises:
 * within the erasure budget the data arrives bit for bit; beyond it every gap is named exactly.
 */
class TransferLoopTest {
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("127.0.0.1", 9);

    @TempDir
    Path dir;

    private Journal journal;
    private List<JournalRecord> expected;
    private final RecordingSink sink = new RecordingSink();
    private Reassembler receiver;
    private long now;

    @BeforeEach
    void fill() {
        journal = Journal.open(TransferData.journalConfig(dir));
        TransferData.fill(journal, 2000, 40, 11);
        expected = TransferData.readAll(journal);
        receiver = new Reassembler(
                ReceiverConfig.defaults(NOWHERE).withGapTimeout(Duration.ofSeconds(2)),
                sink,
                InstantSource.system(),
                0);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @ParameterizedTest(name = "loss {0}, reorder {1}, duplicate {2}, bit flips {3}, hand-off {4}")
    @CsvSource({
        "0.001, 0, 0, 0, 0",
        "0.01, 0.02, 0.02, 0.01, 0",
        "0.05, 0.05, 0.05, 0.01, 0",
        "0.01, 0.02, 0.02, 0.01, 3",
        "0.05, 0.05, 0.05, 0.01, 1"
    })
    void within_the_erasure_budget_every_record_arrives_bit_for_bit(
            double loss, double reorder, double duplicate, double flips, int handOff) throws Exception {
        var link = new ImpairedLink(new Impairment(loss, duplicate, reorder, 30, flips, 5));
        var sender = sender(link, b -> b.fecOverhead(0.25).handOffBatches(handOff));

        sender.send(expected, false);
        sender.finish();
        link.flush(this::receive);
        receiver.tick(now + Duration.ofSeconds(10).toNanos());

        assertThat(sink.gaps()).as(link.summary()).isEmpty();
        assertThat(TransferData.digest(sink.records.values())).isEqualTo(TransferData.digest(expected));
        var status = receiver.status();
        assertThat(status.lostBatches()).isZero();
        assertThat(status.lastHeartbeat()).as("the closing heartbeats").isPresent();
        assertThat(sender.status().lastSequence()).isEqualTo(status.lastSequence());
        sender.close();
        if (loss >= 0.01) {
            assertThat(status.recoveredBatches()).isPositive();
            assertThat(status.recoveredFragments()).isGreaterThanOrEqualTo(status.recoveredBatches());
            assertThat(status.duplicateFrames()).isPositive();
            assertThat(status.badFrames()).containsKey(FrameError.BAD_CRC);
        }
    }

    @Test
    void beyond_the_budget_every_lost_batch_is_in_exactly_one_gap_and_nothing_else_is_lost() throws Exception {
        var link = new ImpairedLink(new Impairment(0.25, 0.01, 0.02, 10, 0.01, 99));
        var sender = sender(link, b -> b.fecOverhead(0.1).maxBatchBytes(16 * 1024));

        sender.send(expected, false);
        sender.finish();
        link.flush(this::receive);
        receiver.tick(now + Duration.ofSeconds(10).toNanos());

        long lastSequence = sender.status().lastSequence();
        TreeSet<Long> seen = new TreeSet<>();
        sink.deliveries.forEach(d -> assertThat(seen.add(d.sequence())).isTrue());
        long lostRecordsReported = 0;
        for (Gap gap : sink.gaps()) {
            for (long s = gap.firstSequence(); s <= gap.lastSequence(); s++) {
                assertThat(seen.add(s)).as("sequence %d in one gap only", s).isTrue();
            }
            lostRecordsReported += gap.records();
            assertThat(gap.unknownBatches()).isZero();
            assertThat(gap.tags()).isNotEmpty();
            assertThat(gap.from()).isPresent();
            assertThat(gap.toEvent().evidence().fact("journal_ids")).isPresent();
        }
        assertThat(sink.gaps()).isNotEmpty();
        assertThat(seen).hasSize((int) lastSequence);
        assertThat(seen.last()).isEqualTo(lastSequence);
        assertThat(lostRecordsReported + sink.records.size()).isEqualTo(expected.size());
        for (JournalRecord r : expected) {
            var got = sink.records.get(r.sequence());
            if (got != null) {
                assertThat(got).isEqualTo(r);
            } else {
                assertThat(sink.gaps())
                        .anySatisfy(g -> assertThat(r.sequence()).isBetween(g.firstRecord(), g.lastRecord()));
            }
        }
    }

    @Test
    void a_restarted_sender_with_a_new_epoch_fills_in_what_the_old_one_left_half_sent() throws Exception {
        int[] budget = {Integer.MAX_VALUE};
        var first = new DiodeSender(config(b -> {}), (d, n) -> {
            if (budget[0]-- > 0) {
                receive(java.util.Arrays.copyOf(d, n));
            }
        });
        first.send(expected.subList(0, 1000), false);
        // the old sender dies in the middle of a batch: only its first datagrams leave
        budget[0] = 10;
        first.send(expected.subList(1000, 1200), false);
        var second = sender(new ImpairedLink(Impairment.none(1)), b -> {});
        assertThat(second.epoch()).isGreaterThan(first.epoch());
        second.send(expected.subList(900, expected.size()), false);
        second.finish();
        receiver.tick(now + Duration.ofSeconds(10).toNanos());

        assertThat(TransferData.digest(sink.records.values())).isEqualTo(TransferData.digest(expected));
        assertThat(sink.redelivered).isEqualTo(100);
        assertThat(sink.gaps()).singleElement().satisfies(g -> {
            assertThat(g.epoch()).isEqualTo(first.epoch());
            assertThat(g.firstRecord()).isEqualTo(expected.get(1000).sequence());
        });
    }

    @Test
    void a_blackout_is_reported_as_one_gap_with_its_exact_sequences() throws Exception {
        boolean[] dark = {false};
        var sender = sender(null, b -> {});
        var out = (io.isthmus.connect.transfer.send.DatagramOut) (d, n) -> {
            if (!dark[0]) {
                receive(java.util.Arrays.copyOf(d, n));
            }
        };
        var live = new DiodeSender(config(b -> {}), out, sender.epoch());
        live.send(expected.subList(0, 500), false);
        long before = live.status().lastSequence();
        dark[0] = true;
        live.send(expected.subList(500, 1500), false);
        long darkThrough = live.status().lastSequence();
        dark[0] = false;
        live.send(expected.subList(1500, 2000), false);
        live.finish();
        receiver.tick(now + Duration.ofSeconds(10).toNanos());

        assertThat(sink.gaps()).singleElement().satisfies(g -> {
            assertThat(g.firstSequence()).isEqualTo(before + 1);
            assertThat(g.lastSequence()).isEqualTo(darkThrough);
            assertThat(g.unknownBatches()).isEqualTo(darkThrough - before);
            assertThat(g.recordsAfter()).isEqualTo(expected.get(499).sequence());
            assertThat(g.recordsBefore()).isEqualTo(expected.get(1500).sequence() - 1);
            assertThat(g.replayFrom()).isEqualTo(expected.get(500).sequence());
            assertThat(g.replayTo()).isEqualTo(expected.get(1499).sequence());
        });
        assertThat(sink.records).hasSize(1000);
    }

    /**
     * A batch lost whole (a burst of socket drops) with the rest arriving: the complete batches behind
     * it count against maxBufferedBytes, so the gap is given up once they exceed it, long before the
     * reorder window (512 batches) or the gap timeout (2 s; here the clock moves 1 µs per datagram),
     * and what waited behind it is delivered. With the bound above what the stream holds, the same
     * stream keeps everything after the gap back until a tick past the timeout.
     */
    @ParameterizedTest(name = "maxBufferedBytes {0}: gap given up before the timeout {1}")
    @CsvSource({"262144, true", "8388608, false"})
    void complete_batches_waiting_behind_a_missing_one_count_against_max_buffered_bytes(
            long maxBuffered, boolean givenUpEarly) throws Exception {
        var d = ReceiverConfig.defaults(NOWHERE);
        var limits = new io.isthmus.connect.transfer.frame.FrameLimits(
                io.isthmus.connect.transfer.frame.FrameLimits.UDP_MAX_PAYLOAD, 200, 56, 128 * 1024, 65_536, 64, 512);
        receiver = new Reassembler(
                new ReceiverConfig(
                        NOWHERE,
                        d.reorderWindow(),
                        d.gapTimeout(),
                        maxBuffered,
                        d.maxSessions(),
                        d.receiveBufferBytes(),
                        limits,
                        d.warmUp()),
                sink,
                InstantSource.system(),
                0);
        long missing = 3;
        var sender = sender(null, b -> {});
        var out = (io.isthmus.connect.transfer.send.DatagramOut) (datagram, n) -> {
            boolean dropped = io.isthmus.connect.transfer.frame.FrameCodec.claimsBatchFrame(datagram, 0, n)
                    && io.isthmus.connect.transfer.frame.FrameCodec.claimedSequence(datagram, 0) == missing;
            if (!dropped) {
                receive(java.util.Arrays.copyOf(datagram, n));
            }
        };
        var live = new DiodeSender(config(b -> {}), out, sender.epoch());
        live.send(expected, false);
        live.finish();
        long sent = live.status().lastSequence();

        assertThat(sent).as("batches sent").isBetween(missing + 8, (long) d.reorderWindow());
        assertThat(now).as("receiver clock, ns").isLessThan(d.gapTimeout().toNanos());
        if (givenUpEarly) {
            assertThat(sink.gaps()).singleElement().satisfies(g -> {
                assertThat(g.firstSequence()).isEqualTo(missing);
                assertThat(g.lastSequence()).isEqualTo(missing);
            });
            assertThat(sink.deliveries).hasSize((int) sent - 1);
        } else {
            assertThat(sink.gaps()).isEmpty();
            assertThat(sink.deliveries).hasSize((int) missing - 1);
            receiver.tick(now + Duration.ofSeconds(10).toNanos());
            assertThat(sink.gaps())
                    .singleElement()
                    .satisfies(g -> assertThat(g.firstSequence()).isEqualTo(missing));
            assertThat(sink.deliveries).hasSize((int) sent - 1);
        }
        var gap = sink.gaps().getFirst();
        assertThat(sink.records.size() + gap.replayTo() - gap.replayFrom() + 1).isEqualTo(expected.size());
    }

    @Test
    void garbage_between_frames_is_counted_and_changes_nothing() throws Exception {
        var random = new Random(3);
        var sender = sender(null, b -> {});
        var out = (io.isthmus.connect.transfer.send.DatagramOut) (d, n) -> {
            byte[] junk = new byte[random.nextInt(100)];
            random.nextBytes(junk);
            receive(junk);
            receive(java.util.Arrays.copyOf(d, n));
        };
        var noisy = new DiodeSender(config(b -> {}), out, sender.epoch());
        noisy.send(expected, false);
        noisy.finish();
        receiver.tick(now + Duration.ofSeconds(10).toNanos());

        assertThat(TransferData.digest(sink.records.values())).isEqualTo(TransferData.digest(expected));
        assertThat(receiver.status().badFrames().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isGreaterThan(1000);
    }

    private void receive(byte[] datagram) {
        now += 1_000;
        receiver.accept(datagram, 0, datagram.length, now);
    }

    private DiodeSender sender(ImpairedLink link, java.util.function.Consumer<SenderConfig.Builder> changes) {
        return new DiodeSender(config(changes), (d, n) -> {
            if (link != null) {
                link.offer(d, n, this::receive);
            }
        });
    }

    private static SenderConfig config(java.util.function.Consumer<SenderConfig.Builder> changes) {
        return SenderConfig.create(NOWHERE, b -> {
            b.rateBitsPerSecond(100_000_000_000L);
            changes.accept(b);
        });
    }
}
