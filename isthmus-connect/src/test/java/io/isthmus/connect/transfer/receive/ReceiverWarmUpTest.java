package io.isthmus.connect.transfer.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.transfer.frame.FrameLimits;
import io.isthmus.connect.transfer.send.BatchEncoder;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The receiver's warm-up drives its own path with the sender's encoder and nothing else: every
 * synthetic batch is rebuilt and verified by the warm-up's own reassembler, none reaches the
 * receiver's sink or status, it ends at its limit, at the first datagram or at close, and its memory
 * is the few batches it prepared.
 */
class ReceiverWarmUpTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void every_synthetic_batch_is_delivered_verified_to_the_warm_ups_own_sink_and_some_are_rebuilt() {
        // the limit includes making the datagrams, slow in a cold JVM on a loaded machine
        var r = ReceiverWarmUp.run(ReceiverConfig.defaults(LOOPBACK), Duration.ofSeconds(5), () -> false);

        assertThat(r.ended()).isEqualTo(ReceiverWarmUp.Ended.TIME_LIMIT);
        assertThat(r.batches()).as("a round at least").isGreaterThanOrEqualTo(ReceiverWarmUp.BATCHES_PER_SHAPE);
        assertThat(r.delivered())
                .as("every fed batch verified (SHA-256) and delivered")
                .isEqualTo(r.batches());
        assertThat(r.lost()).isZero();
        assertThat(r.rebuilt())
                .as("the erasure code rebuilt the fragments left out")
                .isPositive();
        assertThat(r.payloadBytes()).isPositive();
        assertThat(r.datagrams()).isGreaterThan(r.batches() * 40);
    }

    @Test
    void its_memory_is_the_prepared_batches_under_a_megabyte() {
        var r = ReceiverWarmUp.run(ReceiverConfig.defaults(LOOPBACK), Duration.ofMillis(50), () -> false);

        // 8 batches of 64 KiB, each 47 + 12 fragments of 1,400 bytes and two manifests
        assertThat(r.preparedBytes()).isBetween(8L * 64 * 1024, 1024L * 1024);
    }

    @Test
    void it_stops_after_the_batch_it_is_feeding_when_told() {
        var checks = new AtomicInteger();
        // preparing checks once per batch made, feeding once per batch fed
        int told = ReceiverWarmUp.BATCHES_PER_SHAPE + 3;
        var r = ReceiverWarmUp.run(
                ReceiverConfig.defaults(LOOPBACK), Duration.ofSeconds(60), () -> checks.incrementAndGet() > told);

        assertThat(r.ended()).isEqualTo(ReceiverWarmUp.Ended.STOPPED);
        assertThat(r.batches()).isEqualTo(3);
        assertThat(r.delivered()).isEqualTo(3);
    }

    @Test
    void told_to_stop_before_it_made_anything_it_makes_and_feeds_nothing() {
        var r = ReceiverWarmUp.run(ReceiverConfig.defaults(LOOPBACK), Duration.ofSeconds(60), () -> true);

        assertThat(r.ended()).isEqualTo(ReceiverWarmUp.Ended.STOPPED);
        assertThat(r.batches()).isZero();
        assertThat(r.preparedBytes()).isZero();
    }

    @Test
    void with_frame_limits_too_small_for_its_batches_it_feeds_nothing_and_says_so() {
        var d = ReceiverConfig.defaults(LOOPBACK);
        var small = new FrameLimits(FrameLimits.UDP_MAX_PAYLOAD, 200, 56, 32 * 1024, 65_536, 64, 512);
        var config = new ReceiverConfig(
                LOOPBACK, 512, d.gapTimeout(), 64L << 20, 8, d.receiveBufferBytes(), small, d.warmUp());

        var r = ReceiverWarmUp.run(config, Duration.ofSeconds(3), () -> false);

        assertThat(r.ended()).isEqualTo(ReceiverWarmUp.Ended.NO_BATCHES);
        assertThat(r.batches()).isZero();
        assertThat(r.preparedBytes()).isZero();
        assertThat(r.took()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_warm_up_outside_0s_to_60s_is_refused() {
        var d = ReceiverConfig.defaults(LOOPBACK);
        assertThatThrownBy(() -> d.withWarmUp(Duration.ofSeconds(61))).hasMessageContaining("warmUp");
        assertThatThrownBy(() -> d.withWarmUp(Duration.ofMillis(-1))).hasMessageContaining("warmUp");
        assertThat(d.withWarmUp(Duration.ZERO).warmUp()).isZero();
    }

    @Test
    void the_receivers_sink_and_status_are_untouched_by_a_whole_warm_up() throws Exception {
        var sink = new RecordingSink();
        try (var receiver =
                new DiodeReceiver(ReceiverConfig.defaults(LOOPBACK).withWarmUp(Duration.ofSeconds(3)), sink)) {
            var before = receiver.status();
            Thread loop = Thread.ofPlatform().start(() -> runQuietly(receiver));

            var r = awaitWarmUp(receiver);

            assertThat(r.ended()).isEqualTo(ReceiverWarmUp.Ended.TIME_LIMIT);
            assertThat(r.delivered()).isPositive();
            assertThat(receiver.warmUpReport())
                    .hasValueSatisfying(line -> assertThat(line)
                            .startsWith("receiver warm-up: " + r.batches() + " synthetic batches")
                            .contains("ended by its time limit"));
            assertThat(sink.deliveries).isEmpty();
            assertThat(sink.records).isEmpty();
            assertThat(sink.gaps()).isEmpty();
            Thread.sleep(250); // the loop refreshes the status every 100 ms
            assertThat(receiver.status()).usingRecursiveComparison().isEqualTo(before);
            assertThat(receiver.status().datagrams()).isZero();
            assertThat(receiver.status().batches()).isZero();
            receiver.close();
            loop.join();
            assertThat(sink.deliveries).isEmpty();
            assertThat(receiver.status().lostBatches()).isZero();
        }
    }

    @Test
    void the_first_datagram_ends_the_warm_up_and_is_counted_as_the_only_one() throws Exception {
        var sink = new RecordingSink();
        try (var receiver =
                        new DiodeReceiver(ReceiverConfig.defaults(LOOPBACK).withWarmUp(Duration.ofSeconds(60)), sink);
                var out = new DatagramSocket()) {
            Thread loop = Thread.ofPlatform().start(() -> runQuietly(receiver));
            Thread.sleep(200); // let it warm up a little
            byte[] heartbeat = new BatchEncoder(SenderConfig.defaults(receiver.localAddress())).heartbeat(42, 0, 1, 0);
            out.send(new DatagramPacket(heartbeat, heartbeat.length, receiver.localAddress()));

            var r = awaitWarmUp(receiver);

            assertThat(r.ended()).isEqualTo(ReceiverWarmUp.Ended.STOPPED);
            assertThat(r.took()).isLessThan(Duration.ofSeconds(30));
            Thread.sleep(250);
            assertThat(receiver.status().datagrams()).isEqualTo(1);
            assertThat(receiver.status().epoch()).isEqualTo(42);
            assertThat(receiver.status().batches()).isZero();
            assertThat(sink.deliveries).isEmpty();
            receiver.close();
            loop.join();
        }
    }

    @Test
    void a_zero_warm_up_starts_no_warm_up() throws Exception {
        try (var receiver =
                new DiodeReceiver(ReceiverConfig.defaults(LOOPBACK).withWarmUp(Duration.ZERO), new RecordingSink())) {
            Thread loop = Thread.ofPlatform().start(() -> runQuietly(receiver));
            Thread.sleep(300);
            receiver.close();
            loop.join();
            assertThat(receiver.warmUpReport()).isEmpty();
            assertThat(receiver.warmUpResult()).isNull();
        }
    }

    private static ReceiverWarmUp.Result awaitWarmUp(DiodeReceiver receiver) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (receiver.warmUpResult() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the warm-up did not end within 60 s");
            }
            Thread.sleep(20);
        }
        return receiver.warmUpResult();
    }

    private static void runQuietly(DiodeReceiver receiver) {
        try {
            receiver.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
