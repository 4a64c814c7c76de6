package io.isthmus.connect.transfer;

import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.journal.JournalReader;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Seeded journals of real sample batches, and the SHA-256 that both ends of a transfer compute. */
public final class TransferData {
    public static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
    private static final SampleBatchCodec CODEC = SampleBatchCodec.withDefaults();

    private TransferData() {}

    public static JournalConfig journalConfig(Path dir) {
        return JournalConfig.create(dir, b -> b.fsync(FsyncPolicy.never()).maxTotalBytes(1L << 30));
    }

    /** A journal with {@code records} sample batches of {@code samplesPerRecord} samples each. */
    public static void fill(Journal journal, int records, int samplesPerRecord, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < records; i++) {
            journal.append(RecordType.SAMPLE_BATCH, CODEC.encode(batch(i, samplesPerRecord, random)));
        }
    }

    static List<Sample> batch(int index, int samples, Random random) {
        List<Sample> out = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            int machine = random.nextInt(5);
            var path = TagPath.parse("acme/plant1/bottling/line1/cell" + machine + "/m" + machine + "/p" + s % 10);
            out.add(Sample.good(path, START.plusMillis(index * 100L + s), Value.of(random.nextDouble())));
        }
        return out;
    }

    public static List<JournalRecord> readAll(Journal journal) {
        List<JournalRecord> all = new ArrayList<>();
        try (JournalReader reader = journal.read(1)) {
            while (true) {
                List<JournalRecord> chunk = reader.next(4096);
                if (chunk.isEmpty()) {
                    return all;
                }
                all.addAll(chunk);
            }
        }
    }

    /** SHA-256 over (id, length, payload) of each record, in id order: what must match end to end. */
    public static String digest(Collection<JournalRecord> records) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            records.stream()
                    .sorted(java.util.Comparator.comparingLong(JournalRecord::sequence))
                    .forEach(r -> {
                        sha.update(ByteBuffer.allocate(12)
                                .putLong(r.sequence())
                                .putInt(r.payload().length)
                                .array());
                        sha.update(r.payload());
                    });
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
