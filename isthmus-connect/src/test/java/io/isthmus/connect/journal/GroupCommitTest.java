package io.isthmus.connect.journal;

import static io.isthmus.connect.journal.Journals.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: appenders share fsyncs; the policy decides when a force is due. */
@Timeout(60)
class GroupCommitTest {
    private final Segment segment =
            new Segment(Path.of("00000000000000000001.seg"), 1, new SegmentIndex(512), List.of());

    @TempDir
    Path dir;

    private static Thread awaiting(Durability durability, long sequence) {
        return Thread.ofVirtual().start(() -> durability.awaitAcknowledged(sequence));
    }

    private static void awaitState(List<Thread> threads, Thread.State state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!threads.stream().allMatch(t -> t.getState() == state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("threads did not reach " + state);
            }
            Thread.onSpinWait();
        }
    }

    private void write(Durability durability, GateChannel channel, long sequence) {
        segment.lastSequence = sequence;
        segment.writtenEnd = 100 + sequence;
        durability.written(sequence, segment, channel, segment.writtenEnd);
    }

    @Test
    void appenders_that_write_while_a_force_runs_share_the_next_one() throws Exception {
        var durability = new Durability(FsyncPolicy.everyRecord(), 0);
        var channel = new GateChannel().gateNextForce();
        write(durability, channel, 1);
        Thread leader = awaiting(durability, 1);
        channel.awaitForceEntered();

        List<Thread> followers = new ArrayList<>();
        for (long s = 2; s <= 50; s++) {
            write(durability, channel, s);
            followers.add(awaiting(durability, s));
        }
        channel.release();
        leader.join();
        for (Thread t : followers) {
            t.join();
        }

        assertThat(channel.forces).hasValue(2);
        assertThat(durability.acknowledged()).isEqualTo(50);
        assertThat(segment.visibleEnd).isEqualTo(150);
    }

    @Test
    void every_n_records_waits_for_the_nth_record_and_forces_once_for_all() throws Exception {
        var durability = new Durability(FsyncPolicy.everyNRecords(10, Duration.ofMinutes(1)), 0);
        var channel = new GateChannel();
        List<Thread> waiting = new ArrayList<>();
        for (long s = 1; s <= 9; s++) {
            write(durability, channel, s);
            waiting.add(awaiting(durability, s));
        }
        awaitState(waiting, Thread.State.TIMED_WAITING);

        assertThat(channel.forces).hasValue(0);
        assertThat(durability.acknowledged()).isZero();

        write(durability, channel, 10);
        durability.awaitAcknowledged(10);
        for (Thread t : waiting) {
            t.join();
        }

        assertThat(channel.forces).hasValue(1);
        assertThat(durability.acknowledged()).isEqualTo(10);
    }

    @Test
    void a_lone_record_under_group_commit_is_forced_when_its_delay_is_up() {
        var durability = new Durability(FsyncPolicy.interval(Duration.ofMillis(50)), 0);
        var channel = new GateChannel();
        long start = System.nanoTime();
        write(durability, channel, 1);

        durability.awaitAcknowledged(1);

        assertThat(System.nanoTime() - start)
                .isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(channel.forces).hasValue(1);
    }

    @Test
    void never_acknowledges_on_write_and_never_forces() {
        var durability = new Durability(FsyncPolicy.never(), 0);
        var channel = new GateChannel();

        write(durability, channel, 1);
        durability.awaitAcknowledged(1);

        assertThat(durability.acknowledged()).isEqualTo(1);
        assertThat(segment.visibleEnd).isEqualTo(101);
        assertThat(channel.forces).hasValue(0);
    }

    @Test
    void a_failed_force_fails_its_waiters_and_every_later_one() {
        var durability = new Durability(FsyncPolicy.everyRecord(), 0);
        var channel = new GateChannel().failForces(new IOException("EIO"));
        write(durability, channel, 1);

        assertThatThrownBy(() -> durability.awaitAcknowledged(1))
                .isInstanceOf(JournalIoException.class)
                .hasMessageContaining("EIO");
        write(durability, channel, 2);
        assertThatThrownBy(() -> durability.awaitAcknowledged(2)).isInstanceOf(JournalIoException.class);
        assertThat(durability.acknowledged()).isZero();
    }

    @Test
    void sealing_a_segment_waits_for_the_force_in_flight_then_acknowledges_all_of_it() throws Exception {
        var durability = new Durability(FsyncPolicy.everyRecord(), 0);
        var channel = new GateChannel().gateNextForce();
        write(durability, channel, 1);
        Thread leader = awaiting(durability, 1);
        channel.awaitForceEntered();
        write(durability, channel, 2);
        Thread sealer = Thread.ofVirtual().start(() -> {
            try {
                durability.seal(segment, channel);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        awaitState(List.of(sealer), Thread.State.WAITING);

        channel.release();
        sealer.join();
        leader.join();

        assertThat(durability.acknowledged()).isEqualTo(2);
        assertThat(channel.forces).hasValue(2);
    }

    @Test
    void many_virtual_threads_appending_to_a_real_journal_get_unique_ids_and_share_fsyncs() throws Exception {
        int threads = 32;
        int perThread = 50;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        try (Journal journal = Journal.open(Journals.small(
                dir, b -> b.maxSegmentBytes(64 * 1024).maxTotalBytes(1 << 22).fsync(FsyncPolicy.everyRecord())))) {
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(executor.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            ids.add(journal.append(RecordType.OPAQUE, payload(i)));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            var stats = journal.stats();

            assertThat(ids).hasSize(threads * perThread);
            assertThat(new HashSet<>(ids)).allMatch(id -> id >= 1 && id <= threads * perThread);
            assertThat(Journals.readAll(journal, 1)).hasSize(threads * perThread);
            assertThat(stats.syncs()).isLessThan(stats.appendedRecords());
        }
    }
}
