package io.isthmus.connect.transfer.receive;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.transfer.frame.DiodeFrame;
import io.isthmus.connect.transfer.frame.FrameCodec;
import io.isthmus.connect.transfer.frame.FrameDecoding;
import io.isthmus.connect.transfer.send.BatchEncoder;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Drives the receiver's own path — frame decoding, fragment CRC-32C, reassembly, the erasure decode,
 * the body's SHA-256, record decoding and the hand-off — with synthetic batches before real traffic,
 * so the JIT compiles it while the receiver waits: a cold receiver met by a sender already at full
 * rate fell behind for about two seconds and overflowed its socket buffer (docs/benchmarks.md,
 * "diode19", "diode22w").
 *
 * <p>The datagrams are made once, in memory, by the sender's own {@link BatchEncoder} (batches of
 * records in the product's default shape, 47 data and 12 parity fragments of 1,400
 * bytes, with one or two data fragments of most batches left out so that the erasure code rebuilds
 * them),
 * and fed again and again into a {@link Reassembler} of the warm-up's own whose sink only counts.
 * Nothing here opens a socket, and nothing reaches the receiver's sink or its status counters.
 * Bounded: at most {@code limit} of wall time, ended early by {@code stop} (the first real datagram,
 * or the receiver closing), checked between batches; memory is the prepared datagrams (about 0.6 MB)
 * plus one batch in reassembly and what the warm-up's hand-off holds ({@link #HAND_OFF_BYTES}).
 */
final class ReceiverWarmUp {
    /** Batches prepared per shape; fed in a fresh reassembler per round. */
    static final int BATCHES_PER_SHAPE = 8;
    /** What the warm-up's own hand-off may hold, as the receiver's {@link HandOffSink} does. */
    static final long HAND_OFF_BYTES = 4L * 1024 * 1024;

    private static final int PAYLOAD_BYTES = 835;
    private static final int DISTINCT_PAYLOADS = 16;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * (fragment bytes, batch bytes): the product's default. Not also the jumbo shape of a 9,000-byte
     * MTU (47 fragments of 8,920 bytes): the receiver runs the same code for both, and making eight
     * jumbo and eight default batches in a cold JVM (class loading, the encoder's SHA-256 and parity
     * still interpreted) took 2.6 s of a 3 s warm-up at load 17 and longer than the whole warm-up at
     * load 20-38; eight default batches of random records took 1.1 s at load 14, class loading
     * included (docs/benchmarks.md, "diode22w").
     */
    private static final int[][] SHAPES = {{1_400, 64 * 1024}};

    private ReceiverWarmUp() {}

    /** Why a warm-up ended. */
    enum Ended {
        TIME_LIMIT,
        STOPPED,
        /** The receiver's frame limits are too small for the warm-up's batches: nothing fed. */
        NO_BATCHES
    }

    /**
     * What one warm-up did.
     *
     * @param batches synthetic batches fed
     * @param delivered of them, delivered complete and verified by the warm-up's reassembler
     * @param rebuilt of them, rebuilt by the erasure code
     * @param lost batches the warm-up's reassembler gave up (0 unless something is wrong)
     * @param datagrams datagrams fed
     * @param payloadBytes record payload delivered
     * @param preparedBytes the prepared datagrams held for the whole warm-up
     */
    record Result(
            long batches,
            long delivered,
            long rebuilt,
            long lost,
            long datagrams,
            long payloadBytes,
            long preparedBytes,
            Duration preparing,
            Duration took,
            Ended ended) {
        String describe() {
            return String.format(
                    java.util.Locale.ROOT,
                    "receiver warm-up: %d synthetic batches (%d rebuilt by the erasure code, %d lost), %d datagrams,"
                            + " %.1f MB of records through the receive path in %d ms (%d ms of it making them), ended"
                            + " by %s; nothing was sent, delivered or counted",
                    batches,
                    rebuilt,
                    lost,
                    datagrams,
                    payloadBytes / 1e6,
                    took.toMillis(),
                    preparing.toMillis(),
                    switch (ended) {
                        case TIME_LIMIT -> "its time limit";
                        case STOPPED -> "traffic or close";
                        case NO_BATCHES -> "frame limits too small for its batches";
                    });
        }
    }

    /** The synthetic datagrams of one batch shape: per batch, in sending order. */
    private record Shape(List<Batch> batches, byte[] heartbeat, long bytes) {}

    /** One batch's datagrams in sending order, and its number of data fragments. */
    private record Batch(List<byte[]> datagrams, int dataCount) {}

    /** Runs until {@code limit} has passed or {@code stop} is true, on the calling thread. */
    static Result run(ReceiverConfig config, Duration limit, BooleanSupplier stop) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Shape> shapes = prepare(config, stop);
        long prepared = shapes.stream().mapToLong(Shape::bytes).sum();
        Duration preparing = Duration.ofNanos(System.nanoTime() - start);
        var counted = new Counting();
        long batches = 0;
        long datagrams = 0;
        long rebuilt = 0;
        Ended ended = !shapes.isEmpty() ? Ended.TIME_LIMIT : stop.getAsBoolean() ? Ended.STOPPED : Ended.NO_BATCHES;
        try (var handOff = new HandOffSink(counted, HAND_OFF_BYTES, "diode-receiver-warm-up-sink")) {
            rounds:
            for (int round = 0; !shapes.isEmpty(); round++) {
                Shape shape = shapes.get(round % shapes.size());
                var reassembler = new Reassembler(config, handOff, InstantSource.system(), System.nanoTime());
                for (int b = 0; b < shape.batches().size(); b++) {
                    if (stop.getAsBoolean()) {
                        ended = Ended.STOPPED;
                        break rounds;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        break rounds;
                    }
                    datagrams += feed(reassembler, shape.batches().get(b), round, b);
                    batches++;
                    if (b % 4 == 3) {
                        reassembler.tick(System.nanoTime());
                    }
                }
                reassembler.accept(shape.heartbeat(), 0, shape.heartbeat().length, System.nanoTime());
                datagrams++;
                reassembler.tick(System.nanoTime());
                rebuilt += reassembler.status().recoveredBatches();
                reassembler.finish();
            }
        }
        return new Result(
                batches,
                counted.batches.get(),
                rebuilt,
                counted.lost.get(),
                datagrams,
                counted.payload.get(),
                prepared,
                preparing,
                Duration.ofNanos(System.nanoTime() - start),
                ended);
    }

    /**
     * One batch's datagrams, less the data fragments this round leaves out: one in two of three
     * batches, a second in one of five (at most two of 47, within any parity of the product's).
     */
    private static int feed(Reassembler reassembler, Batch batch, int round, int index) {
        List<byte[]> datagrams = batch.datagrams(); // manifest, k data, m parity, manifest
        int k = batch.dataCount();
        int skipA = (round + index) % 3 != 0 ? 1 + (round * 7 + index * 13) % k : -1;
        int skipB = (round + index) % 5 == 0 ? 1 + (round * 11 + index * 5 + 3) % k : -1;
        int fed = 0;
        for (int i = 0; i < datagrams.size(); i++) {
            if (i == skipA || i == skipB) {
                continue;
            }
            byte[] d = datagrams.get(i);
            reassembler.accept(d, 0, d.length, System.nanoTime());
            fed++;
        }
        return fed;
    }

    /** The batches of every shape the limits allow, made by the sender's encoder. */
    private static List<Shape> prepare(ReceiverConfig config, BooleanSupplier stop) {
        List<byte[]> payloads = payloads();
        List<Shape> shapes = new ArrayList<>();
        for (int[] s : SHAPES) {
            try {
                var sender = SenderConfig.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), // a value only: no socket
                        b -> b.fragmentBytes(s[0]).maxBatchBytes(s[1]).limits(config.limits()));
                Shape shape = shape(sender, payloads, shapes.size() + 1, stop);
                if (!shape.batches().isEmpty()) {
                    shapes.add(shape);
                }
            } catch (IllegalArgumentException beyondLimits) {
                // a receiver with smaller frame limits never receives this shape: not warmed
            }
        }
        return shapes;
    }

    /** Up to {@link #BATCHES_PER_SHAPE} batches; fewer if {@code stop} turns true meanwhile. */
    private static Shape shape(SenderConfig sender, List<byte[]> payloads, long epoch, BooleanSupplier stop) {
        var encoder = new BatchEncoder(sender);
        List<JournalRecord> records = new ArrayList<>();
        long perBatch = sender.maxBatchBytes() / payloads.getFirst().length + 1;
        for (int i = 0; i < perBatch * BATCHES_PER_SHAPE; i++) {
            records.add(new JournalRecord(
                    i + 1, RecordType.OPAQUE, START.plusMillis(i), payloads.get(i % payloads.size())));
        }
        var codec = new FrameCodec(sender.limits());
        List<Batch> batches = new ArrayList<>();
        long bytes = 0;
        List<List<JournalRecord>> split = encoder.split(records, oversize -> {});
        for (int b = 0; b < Math.min(BATCHES_PER_SHAPE, split.size()) && !stop.getAsBoolean(); b++) {
            List<byte[]> datagrams = new ArrayList<>();
            encoder.encode(epoch, b + 1, false, split.get(b), (d, n) -> datagrams.add(Arrays.copyOf(d, n)));
            for (byte[] d : datagrams) {
                bytes += d.length;
            }
            // the first data fragment names the batch's k, as the receiver reads it
            if (!(codec.decode(datagrams.get(1), 0, datagrams.get(1).length)
                    instanceof FrameDecoding.Decoded(DiodeFrame.Fragment f))) {
                throw new IllegalStateException("the sender's encoder made a datagram its codec refuses");
            }
            batches.add(new Batch(datagrams, f.dataCount()));
        }
        if (batches.isEmpty()) {
            return new Shape(batches, new byte[0], 0);
        }
        byte[] heartbeat = encoder.heartbeat(
                epoch,
                batches.size(),
                0,
                split.get(batches.size() - 1).getLast().sequence());
        return new Shape(batches, heartbeat, bytes);
    }

    /**
     * Record payloads of the benchmark journal's size (835 bytes), random: the receiver decodes
     * records without looking into them. Not sample batches: making those loaded the model's classes
     * and took 0.8 s of a 3 s warm-up at load 17 (docs/benchmarks.md, "diode22w"); the manifests then
     * list no tag paths, which is most of what the receiver's manifest decode does not run.
     */
    private static List<byte[]> payloads() {
        var random = new Random(2026);
        List<byte[]> out = new ArrayList<>(DISTINCT_PAYLOADS);
        for (int i = 0; i < DISTINCT_PAYLOADS; i++) {
            byte[] payload = new byte[PAYLOAD_BYTES];
            random.nextBytes(payload);
            out.add(payload);
        }
        return out;
    }

    /** The warm-up's sink: counts, keeps nothing. */
    private static final class Counting implements TransferSink {
        final AtomicLong batches = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong payload = new AtomicLong();

        @Override
        public void deliver(Delivery delivery) {
            batches.incrementAndGet();
            long bytes = 0;
            for (JournalRecord r : delivery.records()) {
                bytes += r.payload().length;
            }
            payload.addAndGet(bytes);
        }

        @Override
        public void lost(Gap gap) {
            lost.addAndGet(gap.batches());
        }
    }
}
