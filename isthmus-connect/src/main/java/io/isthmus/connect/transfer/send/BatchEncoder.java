package io.isthmus.connect.transfer.send;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordBlock;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.journal.SummaryAccumulator;
import io.isthmus.connect.transfer.fec.CauchyXorCode;
import io.isthmus.connect.transfer.fec.PacketShards;
import io.isthmus.connect.transfer.frame.BatchBody;
import io.isthmus.connect.transfer.frame.DiodeFrame;
import io.isthmus.connect.transfer.frame.FrameCodec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Turns one batch of journal records into the datagrams that carry it, in sending order: the
 * manifest, the {@code k} data fragments, the {@code m} parity fragments, the manifest again. Pure:
 * no sockets, no clock; the {@link DiodeSender} paces and sends what this produces.
 *
 * <p>It reuses its body, packet, parity and frame buffers, its digest and its path set from batch to
 * batch: at hundreds of Mbit/s a fresh 64 KiB body, 59 shards and 3,200 path strings per batch were
 * a large part of the sender's CPU; the manifest's paths are collected as bytes ({@link
 * SummaryAccumulator}). Data fragments are cut straight from the body, and the erasure code reads
 * them from there too; only the parity is computed in packet form ({@link PacketShards}). Not
 * thread-safe: one per sender.
 */
public final class BatchEncoder {
    private final SenderConfig config;
    private final FrameCodec codec;
    private final SampleBatchCodec samples;
    private final Map<Long, CauchyXorCode> codes = new HashMap<>();
    /** Paths and span of the batch being encoded; bounded like the manifest's tag count. */
    private final SummaryAccumulator summary = new SummaryAccumulator(1 << 16, 4 << 20);

    private final MessageDigest sha = BatchBody.sha256();
    private final PacketShards packets = new PacketShards();
    private byte[] body = new byte[0];
    private byte[] parity = new byte[0];
    private byte[] frame = new byte[0];

    public BatchEncoder(SenderConfig config) {
        this.config = config;
        this.codec = new FrameCodec(config.limits());
        this.samples = SampleBatchCodec.withDefaults();
    }

    /** The largest record payload that fits one batch. */
    public int maxRecordPayload() {
        long maxBody = Math.min(
                (long) config.maxDataFragments() * config.shardUnit(),
                config.limits().maxBodyBytes());
        return (int) (maxBody - 4 - BatchBody.HASH_BYTES - BatchBody.RECORD_OVERHEAD);
    }

    /**
     * Cuts {@code records} into batches of about {@link SenderConfig#maxBatchBytes} each, in order.
     * A record too large for any batch is handed to {@code oversize} and left out.
     */
    public List<List<JournalRecord>> split(List<JournalRecord> records, Consumer<JournalRecord> oversize) {
        var block = RecordBlock.of(records);
        dropOversize(block, i -> oversize.accept(block.record(i)));
        List<List<JournalRecord>> batches = new ArrayList<>();
        for (int from = 0, to; from < block.size(); from = to) {
            to = batchEnd(block, from);
            batches.add(block.records(from, to));
        }
        return batches;
    }

    /**
     * Takes out of {@code block} every record too large for any batch, handing its index to {@code
     * oversize} first; the rest keep their order.
     */
    public void dropOversize(RecordBlock block, IntConsumer oversize) {
        int maxPayload = maxRecordPayload();
        for (int i = block.size() - 1; i >= 0; i--) {
            if (block.payloadLength(i) > maxPayload) {
                oversize.accept(i);
                block.remove(i);
            }
        }
    }

    /**
     * The end (exclusive) of the batch that starts at record {@code from} of {@code block}: as many
     * records as fit {@link SenderConfig#maxBatchBytes} and the record limit, at least one. The block
     * holds no oversize record ({@link #dropOversize}).
     */
    public int batchEnd(RecordBlock block, int from) {
        long size = 4 + BatchBody.HASH_BYTES + BatchBody.RECORD_OVERHEAD + block.payloadLength(from);
        int to = from + 1;
        int maxRecords = config.limits().maxRecords();
        while (to < block.size() && to - from < maxRecords) {
            long add = BatchBody.RECORD_OVERHEAD + block.payloadLength(to);
            if (size + add > config.maxBatchBytes()) {
                break;
            }
            size += add;
            to++;
        }
        return to;
    }

    /** The datagrams of batch {@code sequence}; hands each to {@code out} (the array is reused). */
    public void encode(long epoch, long sequence, boolean replay, List<JournalRecord> records, Datagrams out) {
        var block = RecordBlock.of(records);
        encode(epoch, sequence, replay, block, 0, block.size(), out);
    }

    /**
     * The datagrams of batch {@code sequence}, records {@code from} (inclusive) to {@code to}
     * (exclusive) of {@code block}; hands each to {@code out} (the array is reused).
     */
    public void encode(long epoch, long sequence, boolean replay, RecordBlock block, int from, int to, Datagrams out) {
        long size = BatchBody.encodedSize(block, from, to);
        if (size > config.limits().maxBodyBytes()) {
            throw new IllegalArgumentException("a batch body of " + size + " bytes; batchEnd() keeps it within "
                    + config.limits().maxBodyBytes());
        }
        if (body.length < size) {
            body = new byte[(int) size];
        }
        int bodyLength = BatchBody.encode(block, from, to, body, sha);
        long first = firstRecord(block, from, to);
        long last = lastRecord(block, from, to);
        int k = Math.max(1, (bodyLength + config.shardUnit() - 1) / config.shardUnit());
        int m = config.parityFor(k);
        var b = new Block(epoch, sequence, replay, k, m, bodyLength, first, last, to - from);
        int padded = k * b.shardLength();
        if (body.length < padded) {
            body = Arrays.copyOf(body, padded);
        }
        Arrays.fill(body, bodyLength, padded, (byte) 0); // data fragments are cut straight from the body
        if (m > 0) {
            computeParity(k, m, b.shardLength());
        }
        byte[] manifest = codec.encode(manifest(epoch, sequence, block, from, to, first, last));
        out.accept(manifest, manifest.length);
        sendFragments(b, out);
        out.accept(manifest, manifest.length);
    }

    /**
     * The shape every fragment of one batch repeats. {@link #encode} only strings the phases
     * together, each loop in a method of its own: with the loops in it, {@code encode} was compiled
     * on stack (OSR) and again in full with everything inlined — the body, the erasure code, the
     * manifest, the socket send — 47 to 60 KB of machine code, five times in one benchmark run, and
     * the compiler thread took a third of the sender's CPU (docs/benchmarks.md, diode12).
     */
    private record Block(
            long epoch,
            long sequence,
            boolean replay,
            int k,
            int m,
            int bodyLength,
            long firstRecord,
            long lastRecord,
            int recordCount) {
        int shardLength() {
            return FrameCodec.shardLength(bodyLength, k);
        }
    }

    private static long firstRecord(RecordBlock block, int from, int to) {
        long first = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            first = Math.min(first, block.sequence(i));
        }
        return first;
    }

    /** The newest journal id in records {@code from} to {@code to} of {@code block} (0 for none); the sender's status uses it too. */
    static long lastRecord(RecordBlock block, int from, int to) {
        long last = 0;
        for (int i = from; i < to; i++) {
            last = Math.max(last, block.sequence(i));
        }
        return last;
    }

    /** The {@code m} parity shards of the body's {@code k} data shards, into {@link #packets}. */
    private void computeParity(int k, int m, int shardLength) {
        codes.computeIfAbsent((long) k << 32 | m, key -> new CauchyXorCode(k, m))
                .encode(body, 0, shardLength, packets);
        if (parity.length < shardLength) {
            parity = new byte[shardLength];
        }
    }

    /** The data fragments cut from the body, then the parity fragments, each handed to {@code out}. */
    private void sendFragments(Block b, Datagrams out) {
        int shardLength = b.shardLength();
        if (frame.length < FrameCodec.FRAGMENT_OVERHEAD + shardLength) {
            frame = new byte[FrameCodec.FRAGMENT_OVERHEAD + shardLength];
        }
        for (int i = 0; i < b.k() + b.m(); i++) {
            byte[] shard = body;
            int offset = i * shardLength;
            if (i >= b.k()) {
                packets.store(i, parity, 0);
                shard = parity;
                offset = 0;
            }
            int n = codec.writeFragment(
                    frame,
                    b.epoch(),
                    b.sequence(),
                    b.replay(),
                    i,
                    b.k(),
                    b.m(),
                    b.bodyLength(),
                    b.firstRecord(),
                    b.lastRecord(),
                    b.recordCount(),
                    shard,
                    offset,
                    shardLength);
            out.accept(frame, n);
        }
    }

    /** The heartbeat datagram. */
    public byte[] heartbeat(long epoch, long lastSequence, long sentMicros, long lastRecord) {
        return codec.encode(new DiodeFrame.Heartbeat(epoch, lastSequence, sentMicros, lastRecord));
    }

    private DiodeFrame.Manifest manifest(
            long epoch, long sequence, RecordBlock block, int from, int to, long first, long last) {
        summary.clear();
        byte[] payloads = block.payloads();
        for (int i = from; i < to; i++) {
            boolean summarized = block.typeCode(i) == RecordType.SAMPLE_BATCH.code()
                    && samples.summarizeInto(payloads, block.payloadOffset(i), block.payloadLength(i), summary);
            if (!summarized) { // EVENT and OPAQUE records, and sample batches without a path: the append time
                summary.addTime(block.appendMicros(i));
            }
        }
        List<String> listed =
                summary.sortedPaths(config.fragmentBytes(), config.limits().maxManifestTags());
        return new DiodeFrame.Manifest(
                epoch,
                sequence,
                first,
                last,
                to - from,
                summary.minMicros(),
                summary.maxMicros(),
                summary.pathCount(),
                listed);
    }

    /** Receives each datagram as it is produced. */
    @FunctionalInterface
    public interface Datagrams {
        void accept(byte[] datagram, int length);
    }
}
