package io.isthmus.observe.session;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.flow.FlowStats;
import io.isthmus.wire.capture.CaptureRecord;
import io.isthmus.wire.packet.PacketDecoder;
import io.isthmus.wire.packet.PacketView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * {@link CaptureAnalysis#run} split by flow over several threads, with the same output. A capture
 * that opens again ({@link Opener}: a file, bytes in memory) is read by every shard itself (see
 * {@link #run(Opener, DissectorRegistry, SessionLimits, FlowLimits, Consumer, Consumer, int)}).
 * Otherwise one thread reads the capture and decodes each packet's headers to choose its shard (by the bucket of the
 * unordered IP address pair, so both directions and every fragment of a datagram meet on one shard;
 * of the MAC pair for frames without IP; see {@link Assignment}), copies the packets into pooled
 * {@link PacketBatch}es and hands every batch to every shard. Each {@link ShardWorker} runs its own {@link
 * io.isthmus.observe.flow.FlowPipeline} and {@link SessionLayer} over its packets and lets capture
 * time pass at the others'. The calling thread merges the shards' output back into the
 * single-threaded order ({@link ShardMerge}) and calls {@code sink} and {@code flowSink} on itself.
 *
 * <p>The order and content of observations and flow summaries are those of {@link CaptureAnalysis}
 * as long as no bound is reached: each shard gets {@code 1/n} of the flow table, stream buffers and
 * fragment slots of {@code flowLimits} (the total bound is unchanged), so under pressure a shard
 * evicts its own least recently seen flow, not the capture's; and when capture timestamps go
 * backwards, a shard may time out an idle flow that the single run kept because another shard's
 * flow before it in the table was not idle yet. Counters are the shards' sums (see {@link
 * ProtocolStats#add} for the bounded maps). Memory stays bounded: a fixed pool of batches, bounded
 * queues.
 *
 * <p>No {@link CaptureTap}: its calls are per frame, in capture order, on the pipeline's thread.
 * Callers that need one run {@link CaptureAnalysis#run} on one thread.
 */
public final class ShardedAnalysis {
    /** The most shards: the owner of a packet is kept in a byte. */
    public static final int MAX_SHARDS = 64;

    static final PacketBatch END = new PacketBatch(1, 0, 1);
    private static final int BATCH_BYTES = 256 * 1024;
    private static final int BATCH_PACKETS = 4096;
    private static final int QUEUED_BATCHES = 4;

    private ShardedAnalysis() {}

    /**
     * A capture that can be opened again from its start, each time with a reader of its own: a file,
     * bytes in memory (not standard input, which can be read once).
     */
    @FunctionalInterface
    public interface Opener {
        CaptureSource open() throws IOException;

        /** Whether {@link #open} gives a new reader each time; false for {@link #once}. */
        default boolean reopens() {
            return true;
        }

        /**
         * A source that can be read once (standard input, a pipe, a gzip stream): one reading
         * thread hands its packets to the shards. The caller closes it.
         */
        static Opener once(CaptureSource source) {
            Objects.requireNonNull(source, "source");
            return new Opener() {
                @Override
                public CaptureSource open() {
                    return source;
                }

                @Override
                public boolean reopens() {
                    return false;
                }
            };
        }
    }

    /**
     * Runs the capture to its end (or its damage) on {@code shards} shard threads, merged on the
     * calling thread; 1 runs {@link CaptureAnalysis#run} on the calling thread. A capture that opens
     * again is read by every shard itself: each opens the capture and reads all of it, decodes each
     * packet's headers once and chooses its owner as the reading thread would ({@link Assignment};
     * all shards see the same packets in the same order, so all choose alike), and handles its own
     * packets and lets time pass at the others'. No reading thread, no copy into batches, no second
     * decode of a shard's own packets: each shard pays for reading and decoding the whole capture
     * instead. Those sources are closed before this returns. A source given as {@link Opener#once}
     * is read by one reading thread that hands batches to the shards (see the class comment), and
     * left open for its caller.
     *
     * @throws IOException when reading the capture failed
     * @throws IllegalStateException when a shard failed (the run ends; nothing after the failure
     *     was emitted)
     */
    public static CaptureAnalysis run(
            Opener capture,
            DissectorRegistry registry,
            SessionLimits sessionLimits,
            FlowLimits flowLimits,
            Consumer<Observation> sink,
            Consumer<FlowSummary> flowSink,
            int shards)
            throws IOException {
        checkShards(shards);
        if (!capture.reopens()) {
            CaptureSource source = capture.open();
            if (shards == 1) {
                return CaptureAnalysis.run(
                        source, registry, sessionLimits, flowLimits, sink, CaptureTap.NONE, flowSink);
            }
            return new ShardedAnalysis.Run(source, shards)
                    .run(registry, sessionLimits, perShard(flowLimits, shards), sink, flowSink, null);
        }
        List<CaptureSource> sources = new ArrayList<>();
        CaptureAnalysis result;
        try {
            for (int i = 0; i < shards; i++) {
                sources.add(capture.open());
            }
            result = shards == 1
                    ? CaptureAnalysis.run(
                            sources.get(0), registry, sessionLimits, flowLimits, sink, CaptureTap.NONE, flowSink)
                    : new ShardedAnalysis.Run(sources.get(0), shards)
                            .run(registry, sessionLimits, perShard(flowLimits, shards), sink, flowSink, sources);
        } catch (Throwable t) {
            try {
                closeAll(sources);
            } catch (IOException e) {
                t.addSuppressed(e); // the run's own failure is the one to report
            }
            throw t;
        }
        closeAll(sources);
        return result;
    }

    /** {@link #run(Opener, DissectorRegistry, SessionLimits, FlowLimits, Consumer, Consumer, int) run} with the default registry and limits. */
    public static CaptureAnalysis run(Opener capture, Consumer<Observation> sink, int shards) throws IOException {
        return run(
                capture,
                DissectorRegistry.defaults(),
                SessionLimits.DEFAULT,
                FlowLimits.DEFAULT,
                sink,
                FlowSummary.NONE,
                shards);
    }

    private static void checkShards(int shards) {
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be 1.." + MAX_SHARDS + ", was " + shards);
        }
    }

    /** Closes every source, the first failure thrown after all were tried (later ones suppressed). */
    private static void closeAll(List<CaptureSource> sources) throws IOException {
        IOException failure = null;
        for (CaptureSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** {@link #run(Opener, Consumer, int) run} of a source read once ({@link Opener#once}). */
    public static CaptureAnalysis run(CaptureSource source, Consumer<Observation> sink, int shards) throws IOException {
        return run(Opener.once(source), sink, shards);
    }

    /** One shard's part of the flow layer's bounds: the sum over the shards stays within {@code limits}. */
    static FlowLimits perShard(FlowLimits limits, int shards) {
        long total = Math.max(1, limits.maxTotalStreamBufferBytes() / shards);
        return new FlowLimits(
                Math.max(1, limits.maxFlows() / shards),
                limits.idleTimeout(),
                (int) Math.min(limits.maxStreamBufferBytes(), total),
                total,
                limits.retransmissionCheckBytes(),
                Math.max(1, limits.maxFragmentedDatagrams() / shards),
                limits.maxDatagramBytes(),
                limits.maxFragmentsPerDatagram(),
                limits.fragmentTimeout());
    }

    /**
     * Which shard gets which packets: address pairs fall into {@link #BUCKETS} buckets by a hash of
     * the unordered pair (of the MAC pair without IP), and a bucket goes to a shard at its first
     * packet: the one that has had the fewest packets so far. A pair so always meets the same shard,
     * and the few pairs that carry most of a capture spread by their arrival rather than by the luck
     * of a hash over them (a plain hash over the benchmark capture's 110 address pairs gave one of
     * two shards 63 % of the packets; this splits them 50.3 / 49.7 %). The same capture is always
     * split the same way. Memory is a byte per bucket and a counter per shard.
     */
    static final class Assignment {
        private static final int BITS = 12;
        static final int BUCKETS = 1 << BITS;
        private final byte[] shardOf = new byte[BUCKETS];
        private final long[] packets;

        Assignment(int shards) {
            java.util.Arrays.fill(shardOf, (byte) -1);
            packets = new long[shards];
        }

        /** The shard of a packet whose headers decoded, counted as one more packet of that shard. */
        int shardOf(PacketView v) {
            int b = bucket(v);
            int shard = shardOf[b];
            if (shard < 0) {
                shard = leastLoaded();
                shardOf[b] = (byte) shard;
            }
            packets[shard]++;
            return shard;
        }

        /** A packet whose headers did not decode: shard 0's. */
        int undecoded() {
            packets[0]++;
            return 0;
        }

        private int leastLoaded() {
            int best = 0;
            for (int i = 1; i < packets.length; i++) {
                if (packets[i] < packets[best]) {
                    best = i;
                }
            }
            return best;
        }

        /** The bucket of the packet's unordered address pair: sum and xor do not depend on the direction. */
        static int bucket(PacketView v) {
            long x;
            if (v.isIp()) {
                x = (v.srcLow() + v.dstLow()) * 0x9E3779B97F4A7C15L
                        + (v.srcLow() ^ v.dstLow())
                        + (v.srcHigh() + v.dstHigh()) * 0xC2B2AE3D27D4EB4FL
                        + ((v.srcHigh() ^ v.dstHigh()) << 1);
            } else {
                x = (v.srcMac() + v.dstMac()) * 0x9E3779B97F4A7C15L + (v.srcMac() ^ v.dstMac());
            }
            return (int) (mix(x) >>> (64 - BITS));
        }
    }

    /** A 64-bit finaliser (the MurmurHash3 fmix64 constants). */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    /** The threads and queues of one run. */
    private static final class Run {
        private final CaptureSource source;
        private final int shards;
        private final Handoff handoff = new Handoff();
        private final BlockingQueue<PacketBatch> free;
        private long first = -1;
        private long last = -1;
        // the reading thread's own state (batch mode)
        private final PacketDecoder decoder = new PacketDecoder();
        private final PacketView view = new PacketView();
        private Assignment assignment;
        private PacketBatch batch;
        private long number;

        Run(CaptureSource source, int shards) {
            this.source = source;
            this.shards = shards;
            int pool = shards * QUEUED_BATCHES + 2;
            this.free = new ArrayBlockingQueue<>(pool);
        }

        /**
         * {@code own}: each shard's reader of the capture (then no reading thread and no batches),
         * or null for one reading thread handing batches to the shards.
         */
        CaptureAnalysis run(
                DissectorRegistry registry,
                SessionLimits sessionLimits,
                FlowLimits flowLimits,
                Consumer<Observation> sink,
                Consumer<FlowSummary> flowSink,
                List<CaptureSource> own)
                throws IOException {
            if (own == null) {
                while (free.remainingCapacity() > 0) {
                    free.add(new PacketBatch(shards, BATCH_BYTES, BATCH_PACKETS));
                }
            }
            List<ShardWorker> workers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < shards; i++) {
                ShardWorker w = new ShardWorker(
                        i,
                        shards,
                        own == null ? null : own.get(i),
                        handoff,
                        free,
                        QUEUED_BATCHES,
                        registry,
                        sessionLimits,
                        flowLimits,
                        flowSink != FlowSummary.NONE);
                workers.add(w);
                threads.add(
                        Thread.ofPlatform().name("isthmus-shard-" + i).daemon().unstarted(w));
            }
            if (own == null) {
                threads.add(Thread.ofPlatform().name("isthmus-capture").daemon().unstarted(() -> read(workers)));
            }
            threads.forEach(Thread::start);
            try {
                new ShardMerge(
                                workers.stream().map(ShardWorker::output).toList(),
                                workers.stream().map(ShardWorker::spare).toList(),
                                handoff,
                                sink,
                                flowSink)
                        .run();
            } catch (Throwable t) {
                handoff.fail(Thread.currentThread().getName(), t);
            }
            join(threads);
            Throwable failure = handoff.failure();
            if (failure != null) {
                throw failed(failure);
            }
            var stats = new AnalysisStats(sessionLimits);
            List<FlowStats> flows = new ArrayList<>();
            for (ShardWorker w : workers) {
                stats.add(w.stats());
                flows.add(w.flowStats());
            }
            if (own != null) {
                // every shard read the whole capture: the first one's view of it stands for all
                first = workers.get(0).firstNanos();
                last = workers.get(0).lastNanos();
            }
            return new CaptureAnalysis(stats, FlowStatsSum.of(flows), source.failure(), first, last);
        }

        private RuntimeException failed(Throwable failure) throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof UncheckedIOException e) {
                throw e.getCause();
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure instanceof RuntimeException e
                    && handoff.failedThread().equals(Thread.currentThread().getName())) {
                return e; // the sink's own exception, as the single-threaded run would throw it
            }
            return new IllegalStateException(
                    "sharded analysis stopped: thread " + handoff.failedThread() + " failed: " + failure, failure);
        }

        private void join(List<Thread> threads) {
            boolean interrupted = false;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        handoff.fail(Thread.currentThread().getName(), e);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The reading thread: capture to batches, every batch to every shard, then the end. */
        private void read(List<ShardWorker> workers) {
            try {
                assignment = new Assignment(shards);
                batch = handoff.take(free);
                while (source.advance()) {
                    readOne(workers);
                }
                if (batch.isEmpty()) {
                    handoff.put(free, batch);
                } else {
                    publish(batch, workers);
                }
                for (ShardWorker w : workers) {
                    handoff.put(w.input(), END);
                }
            } catch (IOException e) {
                handoff.fail(Thread.currentThread().getName(), e);
            } catch (Throwable t) {
                handoff.fail(Thread.currentThread().getName(), t);
            }
        }

        /**
         * One packet of {@link #read}, into the current batch: a method of its own, so the JIT
         * compiles it whole and inlines it into the loop rather than compiling the long-running loop
         * on the stack (OSR) first (see {@code ShardWorker.readOne}).
         */
        private void readOne(List<ShardWorker> workers) {
            CaptureRecord.Packet p = source.packet();
            ByteBuffer buffer = source.buffer();
            number++;
            long ts = p.timestampNanos();
            if (first < 0) {
                first = ts;
            }
            last = Math.max(last, ts);
            int shard;
            byte kind = PacketBatch.UNDECODED;
            if (decoder.decode(buffer, p, view)) {
                shard = assignment.shardOf(view);
                kind = view.isIp() && view.isFragment() ? PacketBatch.FRAGMENT : PacketBatch.WHOLE;
            } else {
                shard = assignment.undecoded();
            }
            if (!batch.fits(p.capturedLength())) {
                publish(batch, workers);
                batch = handoff.take(free);
            }
            batch.add(number, buffer, p, shard, kind);
        }

        private void publish(PacketBatch batch, List<ShardWorker> workers) {
            batch.handOut(workers.size());
            for (ShardWorker w : workers) {
                handoff.put(w.input(), batch);
            }
        }
    }
}
