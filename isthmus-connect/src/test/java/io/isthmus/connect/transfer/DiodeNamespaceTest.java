package io.isthmus.connect.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.transfer.link.ImpairmentRelay;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The transfer between separate JVMs in three network namespaces (sender | impairment relay |
 * receiver), made and removed here. The kernel of CI has no sch_netem, so loss, reordering,
 * duplication and bit flips come from {@link ImpairmentRelay} in the middle namespace, seeded.
 * tcpdump records the receiver's interface through every test; the last test shows the receiver sent
 * no frame at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiodeNamespaceTest {
    private static final int RECORDS = 20_000;
    private static final int RELAY_PORT = 5000;
    private static final int RECEIVER_PORT = 5001;
    /**
     * The sending rate of the tests whose assertions assume the relay is the only place that loses
     * datagrams: 10 Mbit/s. Three JVMs and tcpdump share the CI machine's two cores, and a host whose
     * net.core.rmem_max is the kernel default (208 KiB) holds only 8 ms of a 200 Mbit/s stream; a
     * JIT or scheduling pause longer than that lost whole bursts of batches there. At 10 Mbit/s the
     * same buffer holds 170 ms, and the 20,000 records still go in about 2 s.
     */
    private static final String STEADY = "10000000";
    /** The rate where buffer drops are part of the test (the stalled receiver). */
    private static final String FAST = "200000000";

    private Path work;
    private Path journalDir;
    private Netns net;
    private Process capture;
    private Path pcap;
    private List<JournalRecord> expected;
    private Map<Long, JournalRecord> byId;

    @BeforeAll
    void namespaces() throws Exception {
        String reason = Netns.unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "skipping the diode namespace tests: " + reason);
        work = Files.createTempDirectory("isthmus-diode");
        journalDir = work.resolve("journal");
        try (Journal journal = Journal.open(TransferData.journalConfig(journalDir))) {
            TransferData.fill(journal, RECORDS, 40, 2026);
            expected = TransferData.readAll(journal);
        }
        byId = new TreeMap<>();
        expected.forEach(r -> byId.put(r.sequence(), r));
        net = new Netns(Long.toString(ProcessHandle.current().pid() % 100_000), work);
        net.create();
        pcap = work.resolve("receiver.pcap");
        capture = net.start(
                net.receiver,
                "tcpdump",
                "tcpdump",
                "-i",
                net.receiverIf,
                "-n",
                "-s",
                "96",
                "-U",
                "-w",
                pcap.toString());
        Thread.sleep(1000);
    }

    @org.junit.jupiter.api.AfterEach
    void stopProcesses() throws Exception {
        net.stopAllExcept(capture);
    }

    @AfterAll
    void remove() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    @Order(1)
    void within_the_erasure_budget_the_data_arrives_bit_for_bit() throws Exception {
        var relay = relay("0.01", "0.01", "0.01", "0.005", 1);
        var receiver = receiver("budget");
        var sender = sender("budget", STEADY, "0.25", 1);

        assertThat(sender.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var status = awaitStatus("budget", s -> s.records() == RECORDS, Duration.ofSeconds(30));
        Netns.stop(receiver);
        Netns.stop(relay);

        assertThat(status.gaps())
                .as("%s; %s", Files.readString(work.resolve("relay.stats")), kernelDrops())
                .isEmpty();
        assertThat(status.digest()).isEqualTo(TransferData.digest(expected));
        assertThat(Files.readString(work.resolve("relay.stats"))).doesNotContain("dropped 0,");
    }

    @Test
    @Order(2)
    void beyond_the_budget_every_gap_is_exact_and_a_replay_fills_it() throws Exception {
        var relay = relay("0.04", "0", "0.01", "0", 2);
        var receiver = receiver("lossy");
        var sender = sender("lossy", STEADY, "0.05", 3);
        assertThat(sender.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var status = awaitStatus("lossy", s -> accountedFor(s) == RECORDS, Duration.ofSeconds(30));
        assertExactGaps(status, true);
        assertThat(status.gaps()).isNotEmpty();

        Netns.stop(relay);
        var clean = relay("0", "0", "0", "0", 3);
        replayGaps(status);
        var healed = awaitStatus("lossy", s -> s.records() == RECORDS, Duration.ofSeconds(60));
        assertThat(healed.digest()).isEqualTo(TransferData.digest(expected));
        Netns.stop(receiver);
        Netns.stop(clean);
    }

    @Test
    @Order(3)
    void a_receiver_stalled_for_60_seconds_reports_what_it_missed_and_goes_on() throws Exception {
        var relay = relay("0", "0", "0", "0", 4);
        // 4 MiB at most, whatever rmem_max is: the 20,000 records (~35 MB of kernel buffer at
        // 1,400-byte datagrams) must not all fit, or the stall would lose nothing
        var receiver = receiver("stalled", 4 << 20);
        awaitStatus("stalled", s -> true, Duration.ofSeconds(20));
        Netns.signal(receiver, "STOP");
        var sender = sender("stalled", FAST, "0.25", 75);
        Thread.sleep(60_000);
        Netns.signal(receiver, "CONT");
        var status = awaitStatus("stalled", s -> accountedFor(s) == RECORDS, Duration.ofSeconds(60));
        assertExactGaps(status, false);
        assertThat(status.gaps()).isNotEmpty();
        assertThat(status.records()).as("what the socket buffer held").isPositive();

        replayGaps(status);
        var healed = awaitStatus("stalled", s -> s.records() == RECORDS, Duration.ofSeconds(60));
        assertThat(healed.digest()).isEqualTo(TransferData.digest(expected));
        Netns.stop(sender);
        Netns.stop(receiver);
        Netns.stop(relay);
    }

    @Test
    @Order(4)
    void a_sender_killed_and_restarted_continues_in_a_new_epoch() throws Exception {
        Path fresh = work.resolve("journal-restart");
        try (Journal journal = Journal.open(TransferData.journalConfig(fresh))) {
            TransferData.fill(journal, RECORDS, 40, 2026);
        }
        var relay = relay("0.005", "0", "0", "0", 5);
        var receiver = receiver("restart");
        var first = net.java(
                net.sender,
                "sender-first",
                TransferProcess.class,
                "send",
                fresh.toString(),
                Netns.LINK_IN_IP,
                Integer.toString(RELAY_PORT),
                "20000000",
                "0.25",
                "1",
                "diode");
        awaitStatus("restart", s -> s.records() > 3000, Duration.ofSeconds(60));
        Netns.signal(first, "KILL");
        first.waitFor();
        var second = net.java(
                net.sender,
                "sender-second",
                TransferProcess.class,
                "send",
                fresh.toString(),
                Netns.LINK_IN_IP,
                Integer.toString(RELAY_PORT),
                STEADY,
                "0.25",
                "1",
                "diode");
        assertThat(second.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var status = awaitStatus("restart", s -> s.records() == RECORDS, Duration.ofSeconds(30));

        assertThat(status.digest()).isEqualTo(TransferData.digest(expected));
        assertThat(status.epochs()).hasSizeGreaterThanOrEqualTo(2);
        Netns.stop(receiver);
        Netns.stop(relay);
    }

    @Test
    @Order(99)
    void the_receiver_sent_not_a_single_frame() throws Exception {
        Thread.sleep(1000);
        Netns.stop(capture);
        String all = Netns.output("tcpdump", "-r", pcap.toString(), "-n", "-e");
        String fromReceiver =
                Netns.output("tcpdump", "-r", pcap.toString(), "-n", "-e", "ether", "src", net.receiverMac);
        long frames = all.lines().count();
        assertThat(frames).as("frames captured on the receiver's interface").isGreaterThan(10_000);
        assertThat(fromReceiver.lines().toList())
                .as("frames with the receiver's MAC as source")
                .isEmpty();
        assertThat(all.lines()
                        .filter(l -> l.contains(" " + Netns.RECEIVER_IP + ".")
                                && l.contains(" > ")
                                && l.split(" > ")[0].contains(Netns.RECEIVER_IP)))
                .as("IP packets from the receiver")
                .isEmpty();
        System.out.println("diode capture: " + frames + " frames on " + net.receiverIf + ", 0 from the receiver");
    }

    // ------------------------------------------------------------------ helpers

    private Process relay(String loss, String duplicate, String reorder, String flip, long seed) throws Exception {
        Files.deleteIfExists(work.resolve("relay.stats"));
        var p = net.java(
                net.link,
                "relay-" + seed,
                ImpairmentRelay.class,
                Netns.LINK_IN_IP,
                Integer.toString(RELAY_PORT),
                Netns.RECEIVER_IP,
                Integer.toString(RECEIVER_PORT),
                loss,
                duplicate,
                reorder,
                "20",
                flip,
                Long.toString(seed),
                work.resolve("relay.stats").toString());
        awaitFile(work.resolve("relay.stats"));
        return p;
    }

    private Process receiver(String name) throws Exception {
        return receiver(
                name, ReceiverConfig.defaults(new java.net.InetSocketAddress(0)).receiveBufferBytes());
    }

    /**
     * A receiver asking for {@code receiveBuffer} bytes of socket buffer (the kernel caps it at
     * net.core.rmem_max, a host-wide value a benchmark running at the same time may have raised).
     */
    private Process receiver(String name, int receiveBuffer) throws Exception {
        var p = net.java(
                net.receiver,
                "receiver-" + name,
                TransferProcess.class,
                "receive",
                Netns.RECEIVER_IP,
                Integer.toString(RECEIVER_PORT),
                work.resolve(name + ".status").toString(),
                Integer.toString(receiveBuffer));
        awaitFile(work.resolve(name + ".status"));
        return p;
    }

    private Process sender(String consumer, String rate, String overhead, int lingerSeconds) throws Exception {
        return net.java(
                net.sender,
                "sender-" + consumer,
                TransferProcess.class,
                "send",
                journalDir.toString(),
                Netns.LINK_IN_IP,
                Integer.toString(RELAY_PORT),
                rate,
                overhead,
                Integer.toString(lingerSeconds),
                consumer);
    }

    /** The operator's answer: one replay from the lowest to the highest journal id of all gaps. */
    private void replayGaps(Status status) throws Exception {
        long from = status.gaps().stream().mapToLong(Gap::replayFrom).min().orElseThrow();
        long to = status.gaps().stream().mapToLong(Gap::replayTo).max().orElseThrow();
        var p = net.java(
                net.sender,
                "replay-" + from,
                TransferProcess.class,
                "replay",
                journalDir.toString(),
                Netns.LINK_IN_IP,
                Integer.toString(RELAY_PORT),
                STEADY,
                Long.toString(from),
                Long.toString(to));
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** The UDP counters of the relay's and the receiver's namespaces, for assertion messages. */
    private String kernelDrops() {
        return "relay namespace " + net.udpCounters(net.link) + "; receiver namespace " + net.udpCounters(net.receiver);
    }

    /** Expected records that are delivered or inside the replay range of a reported gap. */
    private long accountedFor(Status status) {
        return expected.stream()
                .filter(r -> status.ids().contains(r.sequence())
                        || status.gaps().stream()
                                .anyMatch(g -> r.sequence() >= g.replayFrom() && r.sequence() <= g.replayTo()))
                .count();
    }

    /**
     * Delivered records are exactly the expected ones; every missing id lies in a reported gap; no
     * gap claims a delivered batch (its known ids were not delivered).
     */
    private void assertExactGaps(Status status, boolean allBatchesKnown) {
        List<JournalRecord> delivered = new ArrayList<>();
        for (long id : status.ids()) {
            delivered.add(byId.get(id));
        }
        assertThat(delivered).doesNotContainNull();
        assertThat(status.digest()).isEqualTo(TransferData.digest(delivered));
        assertThat(accountedFor(status)).isEqualTo(RECORDS);
        for (Gap g : status.gaps()) {
            if (g.firstRecord() > 0) {
                assertThat(status.ids().subSet(g.firstRecord(), true, g.lastRecord(), true))
                        .as("ids of lost batches in %s that were delivered", g)
                        .isEmpty();
            }
            if (allBatchesKnown) {
                assertThat(g.unknownBatches())
                        .as("gap %s; %s", g, kernelDrops())
                        .isZero();
            }
        }
        long lost = RECORDS - status.ids().size();
        if (allBatchesKnown) {
            assertThat(status.lostRecords()).isEqualTo(lost);
        }
    }

    private Status awaitStatus(String name, Predicate<Status> done, Duration timeout) throws Exception {
        Path file = work.resolve(name + ".status");
        long deadline = System.nanoTime() + timeout.toNanos();
        Status last = null;
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                last = Status.parse(Files.readAllLines(file));
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("receiver " + name + " did not get there in " + timeout + "; last status " + last
                + "; logs in " + work);
    }

    private static void awaitFile(Path file) throws Exception {
        for (int i = 0; i < 300 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }

    record Gap(
            long epoch,
            long firstSequence,
            long lastSequence,
            long firstRecord,
            long lastRecord,
            long records,
            long unknownBatches,
            long replayFrom,
            long replayTo) {}

    record Status(long records, String digest, TreeSet<Long> ids, List<String> epochs, List<Gap> gaps) {
        long lostRecords() {
            return gaps.stream().mapToLong(Gap::records).sum();
        }

        static Status parse(List<String> lines) {
            long records = 0;
            String digest = "";
            TreeSet<Long> ids = new TreeSet<>();
            List<String> epochs = List.of();
            List<Gap> gaps = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "records" -> records = Long.parseLong(f[1]);
                    case "digest" -> digest = f[1];
                    case "ids" -> {
                        if (f.length > 1) {
                            for (String range : f[1].split(",")) {
                                String[] ends = range.split("-");
                                long a = Long.parseLong(ends[0]);
                                long b = ends.length > 1 ? Long.parseLong(ends[1]) : a;
                                for (long id = a; id <= b; id++) {
                                    ids.add(id);
                                }
                            }
                        }
                    }
                    case "epochs" -> epochs = f.length > 1 ? List.of(f[1].split(",")) : List.of();
                    case "gap" ->
                        gaps.add(new Gap(
                                Long.parseLong(f[1]),
                                Long.parseLong(f[2]),
                                Long.parseLong(f[3]),
                                Long.parseLong(f[4]),
                                Long.parseLong(f[5]),
                                Long.parseLong(f[6]),
                                Long.parseLong(f[7]),
                                Long.parseLong(f[8]),
                                Long.parseLong(f[9])));
                    default -> {}
                }
            }
            return new Status(records, digest, ids, epochs, gaps);
        }

        @Override
        public String toString() {
            return "records " + records + ", epochs " + epochs + ", gaps " + gaps;
        }
    }
}
