package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.isthmus.model.Protocol;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.DissectorFactory.Confidence;
import io.isthmus.wire.capture.CaptureBytes;
import io.isthmus.wire.capture.CaptureLimits;
import io.isthmus.wire.packet.Frames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flow-sharded analysis against the single-threaded one: the same observations and flow
 * summaries in the same order, the same counters, for every capture in the test resources and for
 * synthetic captures with many flows ending together, fragments and idle timeouts; under flow-table
 * pressure (where the shards evict their own stalest flows) the bound and the per-packet counters.
 */
class ShardedAnalysisTest {
    private static final List<Path> CAPTURE_DIRS = List.of(
            Path.of("..", "isthmus-wire", "src", "test", "resources", "captures"),
            Path.of("src", "test", "resources", "io", "isthmus", "observe", "detect"));

    /**
     * How the shards get their packets: from one reading thread in batches, or each from its own
     * reader of the capture ({@link ShardedAnalysis.Opener}).
     */
    enum Reading {
        BATCHES,
        OWN_READERS
    }

    /** What one run emitted, both sinks interleaved, plus its result. */
    record Outcome(List<Object> emitted, CaptureAnalysis result) {}

    static Stream<Path> captures() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : CAPTURE_DIRS) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().matches(".*\\.(pcap|pcapng)(\\.gz)?"))
                        .sorted()
                        .forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(60);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyTestCaptureGivesTheSameObservationsFlowsAndCountersOnTwoAndFourShards(Path capture) throws IOException {
        byte[] bytes = Files.readAllBytes(capture);
        Outcome single = run(bytes, FlowLimits.DEFAULT, 1);
        for (Reading reading : Reading.values()) {
            for (int shards : new int[] {2, 4}) {
                assertSame(
                        single,
                        run(bytes, FlowLimits.DEFAULT, shards, reading),
                        capture + " on " + shards + " shards, " + reading);
            }
        }
    }

    @Test
    void manyFlowsEndingTogetherByIdleTimeoutAndAtTheEndLeaveInTheSingleThreadedOrder() throws IOException {
        byte[] bytes = synthetic(7, 400, 30);
        Outcome single = run(bytes, FlowLimits.DEFAULT, 1);
        assertThat(single.result().flows().flowsExpired()).isGreaterThan(100);
        assertThat(single.result().flows().flowsClosed()).isGreaterThan(50);
        assertThat(single.result().flows().datagramsReassembled()).isGreaterThan(20);
        assertThat(single.result().flows().datagramsExpired()).isGreaterThan(5);
        assertThat(single.result().stats().observations()).isGreaterThan(1000);
        for (Reading reading : Reading.values()) {
            for (int shards : new int[] {2, 3, 4}) {
                assertSame(
                        single,
                        run(bytes, FlowLimits.DEFAULT, shards, reading),
                        "synthetic on " + shards + " shards, " + reading);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void underFlowTablePressureEachShardKeepsItsShareOfTheBoundAndEveryPacketIsCounted(Reading reading)
            throws IOException {
        byte[] bytes = synthetic(11, 400, 30);
        FlowLimits tight = FlowLimits.DEFAULT.withMaxFlows(32);
        Outcome single = run(bytes, tight, 1);
        Outcome sharded = run(bytes, tight, 4, reading);
        assertThat(single.result().flows().flowsEvicted()).isGreaterThan(0);
        assertThat(sharded.result().flows().flowsEvicted()).isGreaterThan(0);
        assertThat(sharded.result().flows().flowsActive()).isLessThanOrEqualTo(32);
        assertThat(ShardedAnalysis.perShard(tight, 4).maxFlows()).isEqualTo(8);
        var a = single.result().flows();
        var b = sharded.result().flows();
        assertThat(List.of(b.packets(), b.bytes(), b.decodeErrors(), b.nonIpFrames(), b.tcpSegments(), b.fragments()))
                .isEqualTo(List.of(
                        a.packets(), a.bytes(), a.decodeErrors(), a.nonIpFrames(), a.tcpSegments(), a.fragments()));
        assertThat(sharded.emitted()).isNotEmpty();
    }

    @Test
    void theSharesOfTheFlowLimitsAddUpToNoMoreThanTheWhole() {
        FlowLimits share = ShardedAnalysis.perShard(FlowLimits.DEFAULT, 3);
        assertThat(3L * share.maxFlows()).isLessThanOrEqualTo(FlowLimits.DEFAULT.maxFlows());
        assertThat(3L * share.maxTotalStreamBufferBytes())
                .isLessThanOrEqualTo(FlowLimits.DEFAULT.maxTotalStreamBufferBytes());
        assertThat(3L * share.maxFragmentedDatagrams())
                .isLessThanOrEqualTo(FlowLimits.DEFAULT.maxFragmentedDatagrams());
        assertThat(share.maxStreamBufferBytes()).isEqualTo(FlowLimits.DEFAULT.maxStreamBufferBytes());
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void aShardThatThrowsEndsTheRunWithAnErrorNamingIt(Reading reading) {
        byte[] bytes = synthetic(3, 100, 5);
        var failing = new DissectorRegistry(List.of(new ExplodingModbus()));
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> {
                            runOnTwoShards(bytes, failing, o -> {}, reading);
                        })
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("isthmus-shard-")
                        .hasRootCauseMessage("dissector failed on purpose"));
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void aSinkThatThrowsEndsTheRunWithItsOwnException(Reading reading) {
        byte[] bytes = synthetic(5, 200, 10);
        int[] seen = new int[1];
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> {
                            runOnTwoShards(
                                    bytes,
                                    DissectorRegistry.defaults(),
                                    o -> {
                                        if (++seen[0] == 100) {
                                            throw new IllegalArgumentException("sink full");
                                        }
                                    },
                                    reading);
                        })
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("sink full"));
        assertThat(seen[0]).isEqualTo(100);
    }

    private static void runOnTwoShards(
            byte[] bytes, DissectorRegistry registry, Consumer<Observation> sink, Reading reading) throws IOException {
        try (CaptureSource once = source(bytes)) {
            ShardedAnalysis.Opener capture =
                    reading == Reading.OWN_READERS ? () -> source(bytes) : ShardedAnalysis.Opener.once(once);
            ShardedAnalysis.run(capture, registry, SessionLimits.DEFAULT, FlowLimits.DEFAULT, sink, f -> {}, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(Reading.class)
    void aDamagedCaptureReportsItsDamageAfterEverythingBeforeIt(Reading reading) throws IOException {
        byte[] whole = synthetic(13, 100, 10);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 7);
        Outcome single = run(cut, FlowLimits.DEFAULT, 1);
        Outcome sharded = run(cut, FlowLimits.DEFAULT, 2, reading);
        assertThat(single.result().damage()).isPresent();
        assertSame(single, sharded, "cut capture");
    }

    @Test
    void shardCountsOutsideOneToSixtyFourAreRefused() {
        assertThatThrownBy(() -> ShardedAnalysis.run(source(synthetic(1, 1, 1)), o -> {}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardedAnalysis.run(source(synthetic(1, 1, 1)), o -> {}, 65))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ownReadersAreAllClosedAndAnOpenThatFailsClosesThoseOpenedBefore() throws IOException {
        byte[] bytes = synthetic(17, 50, 5);
        List<CountingClose> opened = new ArrayList<>();
        ShardedAnalysis.Opener counting = () -> {
            var in = new CountingClose(bytes);
            opened.add(in);
            return CaptureSource.of(in, OptionalLong.of(bytes.length), CaptureLimits.DEFAULT);
        };
        CaptureAnalysis r = ShardedAnalysis.run(counting, o -> {}, 3);
        assertThat(r.stats().observations()).isGreaterThan(100);
        assertThat(opened).hasSize(3).allMatch(c -> c.closed);

        opened.clear();
        ShardedAnalysis.Opener secondFails = () -> {
            if (opened.size() == 1) {
                throw new IOException("cannot open the capture a second time");
            }
            return counting.open();
        };
        assertThatThrownBy(() -> ShardedAnalysis.run(secondFails, o -> {}, 2))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot open the capture a second time");
        assertThat(opened).hasSize(1).allMatch(c -> c.closed);
    }

    /** Bytes of a capture that remember whether they were closed. */
    private static final class CountingClose extends ByteArrayInputStream {
        boolean closed;

        CountingClose(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Outcome run(byte[] bytes, FlowLimits limits, int shards) throws IOException {
        return run(bytes, limits, shards, Reading.BATCHES);
    }

    private static Outcome run(byte[] bytes, FlowLimits limits, int shards, Reading reading) throws IOException {
        List<Object> emitted = new ArrayList<>();
        try (CaptureSource once = source(bytes)) {
            ShardedAnalysis.Opener capture =
                    reading == Reading.OWN_READERS ? () -> source(bytes) : ShardedAnalysis.Opener.once(once);
            CaptureAnalysis r = ShardedAnalysis.run(
                    capture,
                    DissectorRegistry.defaults(),
                    SessionLimits.DEFAULT,
                    limits,
                    emitted::add,
                    emitted::add,
                    shards);
            return new Outcome(emitted, r);
        }
    }

    private static CaptureSource source(byte[] bytes) throws IOException {
        return CaptureSource.of(new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), CaptureLimits.DEFAULT);
    }

    private static void assertSame(Outcome single, Outcome sharded, String what) {
        List<Object> a = single.emitted();
        List<Object> b = sharded.emitted();
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                throw new AssertionError(
                        what + ": item " + i + " differs:\n single:  " + a.get(i) + "\n sharded: " + b.get(i));
            }
        }
        assertThat(b).as(what + ": items").hasSameSizeAs(a);
        assertThat(sharded.result().flows())
                .as(what + ": flow counters")
                .isEqualTo(single.result().flows());
        assertThat(describe(sharded.result().stats()))
                .as(what + ": session counters")
                .isEqualTo(describe(single.result().stats()));
        assertThat(sharded.result().damage())
                .as(what + ": damage")
                .isEqualTo(single.result().damage());
        assertThat(sharded.result().firstNanos()).isEqualTo(single.result().firstNanos());
        assertThat(sharded.result().lastNanos()).isEqualTo(single.result().lastNanos());
    }

    /** Every counter of the session layer, in a comparable form. */
    private static Map<String, Object> describe(AnalysisStats stats) {
        Map<String, Object> out = new TreeMap<>();
        out.put("unidentifiedFlows", stats.unidentifiedFlows());
        out.put("observations", stats.observations());
        stats.protocols().forEach((p, s) -> {
            Map<String, Object> f = new TreeMap<>();
            s.functions().forEach((code, c) -> f.put(code + " " + c.name(), c.requests() + "/" + c.responses()));
            out.put(
                    p.id(),
                    List.of(
                            s.requests(),
                            s.responses(),
                            s.malformed(),
                            s.flows(),
                            s.paired(),
                            s.unanswered(),
                            s.unsolicited(),
                            s.heldOverflows(),
                            s.stoppedDirections(),
                            f,
                            s.anomalies(),
                            s.topTalkers(Integer.MAX_VALUE)));
        });
        return out;
    }

    /**
     * A classic pcap of {@code clients} Modbus/TCP clients polling four servers in random
     * interleaving, in {@code rounds} rounds: some connections end with FIN, some with RST, the
     * rest stay open; a pause of six minutes halfway makes every open one time out at the same
     * packet; IPv4-fragmented UDP datagrams (some never completed) and ARP frames between.
     */
    static byte[] synthetic(long seed, int clients, int rounds) {
        var random = new Random(seed);
        var pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 1);
        long[] time = {1_700_000_000_000_000L}; // microseconds
        int[] seqC = new int[clients];
        int[] seqS = new int[clients];
        int[] state = new int[clients]; // 0 closed, 1 open
        int[] port = new int[clients];
        int[] transaction = new int[clients];
        for (int r = 0; r < rounds; r++) {
            if (r == rounds / 2) {
                time[0] += 6 * 60 * 1_000_000L;
            }
            for (int step = 0; step < clients; step++) {
                int c = random.nextInt(clients);
                time[0] += random.nextInt(2_000);
                int client = 0x0A010000 | c;
                int server = 0x0A000000 | (c % 4) + 1;
                if (state[c] == 0) {
                    port[c] = 40000 + random.nextInt(20000);
                    seqC[c] = random.nextInt();
                    seqS[c] = random.nextInt();
                    tcp(pcap, time, client, server, port[c], 502, seqC[c], 0, 0x02, new byte[0]);
                    tcp(pcap, time, server, client, 502, port[c], seqS[c], seqC[c] + 1, 0x12, new byte[0]);
                    seqC[c]++;
                    seqS[c]++;
                    tcp(pcap, time, client, server, port[c], 502, seqC[c], seqS[c], 0x10, new byte[0]);
                    state[c] = 1;
                }
                int t = ++transaction[c] & 0xFFFF;
                byte[] request = modbus(t, 3, new byte[] {0, (byte) random.nextInt(100), 0, 2});
                byte[] response = modbus(t, 3, new byte[] {4, 0, 1, 0, 2});
                tcp(pcap, time, client, server, port[c], 502, seqC[c], seqS[c], 0x18, request);
                seqC[c] += request.length;
                tcp(pcap, time, server, client, 502, port[c], seqS[c], seqC[c], 0x18, response);
                seqS[c] += response.length;
                int end = random.nextInt(20);
                if (end == 0) {
                    tcp(pcap, time, client, server, port[c], 502, seqC[c], seqS[c], 0x11, new byte[0]);
                    tcp(pcap, time, server, client, 502, port[c], seqS[c], seqC[c] + 1, 0x11, new byte[0]);
                    tcp(pcap, time, client, server, port[c], 502, seqC[c] + 1, seqS[c] + 1, 0x10, new byte[0]);
                    state[c] = 0;
                } else if (end == 1) {
                    tcp(pcap, time, client, server, port[c], 502, seqC[c], seqS[c], 0x14, new byte[0]);
                    state[c] = 0;
                }
                if (random.nextInt(8) == 0) {
                    fragmented(pcap, time, client, server, random.nextInt(0xFFFF), random.nextInt(6) != 0);
                }
                if (random.nextInt(16) == 0) {
                    frame(pcap, time, Frames.ethernet(0xFFFFFFFFFFFFL, 0x020000000000L | c, 0x0806, new byte[28]));
                }
            }
        }
        return pcap.bytes();
    }

    private static byte[] modbus(int transaction, int function, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length);
        b.putShort((short) transaction).putShort((short) 0).putShort((short) (2 + data.length));
        b.put((byte) 1).put((byte) function).put(data);
        return b.array();
    }

    private static void tcp(
            CaptureBytes.Pcap pcap,
            long[] time,
            int src,
            int dst,
            int sport,
            int dport,
            int seq,
            int ack,
            int flags,
            byte[] payload) {
        byte[] segment = Frames.tcp(sport, dport, seq, ack, flags, payload);
        frame(pcap, time, Frames.ethernet(0x020000000002L, 0x020000000001L, 0x0800, Frames.ipv4(src, dst, 6, segment)));
    }

    /** A 64-byte UDP datagram to port 47808 in two IPv4 fragments, or only the first one. */
    private static void fragmented(CaptureBytes.Pcap pcap, long[] time, int src, int dst, int id, boolean complete) {
        byte[] udp = Frames.udp(50000, 47808, new byte[56]);
        byte[] first = java.util.Arrays.copyOfRange(udp, 0, 32);
        byte[] second = java.util.Arrays.copyOfRange(udp, 32, 64);
        frame(pcap, time, Frames.ethernet(2, 1, 0x0800, Frames.ipv4(src, dst, 17, id, 0x2000, first)));
        if (complete) {
            frame(pcap, time, Frames.ethernet(2, 1, 0x0800, Frames.ipv4(src, dst, 17, id, 32 / 8, second)));
        }
    }

    private static void frame(CaptureBytes.Pcap pcap, long[] time, byte[] frame) {
        time[0] += 1 + (time[0] % 7);
        pcap.packet(time[0] / 1_000_000, time[0] % 1_000_000, frame);
    }

    /** Claims port 502 and fails on the first bytes it is given. */
    private static final class ExplodingModbus implements DissectorFactory {
        @Override
        public Protocol protocol() {
            return Protocol.MODBUS;
        }

        @Override
        public Confidence probe(ByteBuffer firstPayload, int serverPort) {
            return serverPort == 502 ? Confidence.CONTENT : Confidence.NO;
        }

        @Override
        public Dissector newDissector() {
            return new Dissector() {
                @Override
                public Protocol protocol() {
                    return Protocol.MODBUS;
                }

                @Override
                public io.isthmus.wire.Dissection next(ByteBuffer data, io.isthmus.wire.Direction hint) {
                    throw new IllegalStateException("dissector failed on purpose");
                }
            };
        }
    }
}
