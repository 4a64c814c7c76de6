package io.isthmus.connect.transfer.send;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.transfer.fec.ReedSolomon;
import io.isthmus.connect.transfer.frame.BatchBody;
import io.isthmus.connect.transfer.frame.DiodeFrame;
import io.isthmus.connect.transfer.frame.FrameCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns one batch of journal records into the datagrams that carry it, in sending order: the
 * manifest, the {@code k} data fragments, the {@code m} parity fragments, the manifest again. Pure:
 * no sockets, no clock; the {@link DiodeSender} paces and sends what this produces.
 */
public final class BatchEncoder {
    private final SenderConfig config;
    private final FrameCodec codec;
    private final SampleBatchCodec samples;
    private final Map<Long, ReedSolomon> codes = new ConcurrentHashMap<>();

    public BatchEncoder(SenderConfig config) {
        this.config = config;
        this.codec = new FrameCodec(config.limits());
        this.samples = SampleBatchCodec.withDefaults();
    }

    /** The largest record payload that fits one batch. */
    public int maxRecordPayload() {
        long maxBody = Math.min(
                (long) config.limits().maxDataFragments() * config.fragmentBytes(),
                config.limits().maxBodyBytes());
        return (int) (maxBody - 4 - BatchBody.HASH_BYTES - BatchBody.RECORD_OVERHEAD);
    }

    /**
     * Cuts {@code records} into batches of about {@link SenderConfig#maxBatchBytes} each, in order.
     * A record too large for any batch is handed to {@code oversize} and left out.
     */
    public List<List<JournalRecord>> split(List<JournalRecord> records, Consumer<JournalRecord> oversize) {
        List<List<JournalRecord>> batches = new ArrayList<>();
        List<JournalRecord> current = new ArrayList<>();
        long size = 4 + BatchBody.HASH_BYTES;
        int maxPayload = maxRecordPayload();
        for (JournalRecord r : records) {
            if (r.payload().length > maxPayload) {
                oversize.accept(r);
                continue;
            }
            long add = BatchBody.RECORD_OVERHEAD + r.payload().length;
            if (!current.isEmpty()
                    && (size + add > config.maxBatchBytes()
                            || current.size() >= config.limits().maxRecords())) {
                batches.add(current);
                current = new ArrayList<>();
                size = 4 + BatchBody.HASH_BYTES;
            }
            current.add(r);
            size += add;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The datagrams of batch {@code sequence}; hands each to {@code out} (the array is reused). */
    public void encode(long epoch, long sequence, boolean replay, List<JournalRecord> records, Datagrams out) {
        byte[] body = BatchBody.encode(records);
        long first = Long.MAX_VALUE;
        long last = 0;
        for (JournalRecord r : records) {
            first = Math.min(first, r.sequence());
            last = Math.max(last, r.sequence());
        }
        int k = Math.max(1, (body.length + config.fragmentBytes() - 1) / config.fragmentBytes());
        int m = config.parityFor(k);
        int shardLength = FrameCodec.shardLength(body.length, k);
        byte[][] shards = new byte[k + m][];
        for (int i = 0; i < k + m; i++) {
            shards[i] = new byte[shardLength];
        }
        for (int i = 0; i < k; i++) {
            int from = i * shardLength;
            System.arraycopy(body, from, shards[i], 0, Math.max(0, Math.min(shardLength, body.length - from)));
        }
        if (m > 0) {
            codes.computeIfAbsent((long) k << 32 | m, key -> new ReedSolomon(k, m))
                    .encode(shards, shardLength);
        }
        byte[] manifest = codec.encode(manifest(epoch, sequence, records, first, last));
        byte[] frame = new byte[FrameCodec.FRAGMENT_OVERHEAD + shardLength];
        out.accept(manifest, manifest.length);
        for (int i = 0; i < k + m; i++) {
            int n = codec.writeFragment(
                    frame,
                    epoch,
                    sequence,
                    replay,
                    i,
                    k,
                    m,
                    body.length,
                    first,
                    last,
                    records.size(),
                    shards[i],
                    0,
                    shardLength);
            out.accept(frame, n);
        }
        out.accept(manifest, manifest.length);
    }

    /** The heartbeat datagram. */
    public byte[] heartbeat(long epoch, long lastSequence, long sentMicros, long lastRecord) {
        return codec.encode(new DiodeFrame.Heartbeat(epoch, lastSequence, sentMicros, lastRecord));
    }

    private DiodeFrame.Manifest manifest(
            long epoch, long sequence, List<JournalRecord> records, long first, long last) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        TreeSet<String> tags = new TreeSet<>();
        for (JournalRecord r : records) {
            var summary = switch (r.type()) {
                case SAMPLE_BATCH -> samples.summarize(r.payload());
                case EVENT, OPAQUE -> java.util.Optional.<SampleBatchCodec.Summary>empty();
            };
            if (summary.isEmpty() || summary.get().paths().isEmpty()) {
                long t = BatchBody.micros(r.appendedAt());
                min = Math.min(min, t);
                max = Math.max(max, t);
                continue;
            }
            min = Math.min(min, summary.get().minMicros());
            max = Math.max(max, summary.get().maxMicros());
            tags.addAll(summary.get().paths());
        }
        List<String> listed = new ArrayList<>();
        int budget = config.fragmentBytes();
        for (String tag : tags) {
            budget -= 2 + tag.length();
            if (budget < 0 || listed.size() >= config.limits().maxManifestTags()) {
                break;
            }
            listed.add(tag);
        }
        return new DiodeFrame.Manifest(epoch, sequence, first, last, records.size(), min, max, tags.size(), listed);
    }

    /** Receives each datagram as it is produced. */
    @FunctionalInterface
    public interface Datagrams {
        void accept(byte[] datagram, int length);
    }
}
