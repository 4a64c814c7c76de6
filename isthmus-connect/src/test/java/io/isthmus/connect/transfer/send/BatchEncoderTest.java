package io.isthmus.connect.transfer.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder reuses its body, shard and frame buffers across batches: a batch must come out
 * byte for byte as a fresh encoder makes it, whatever larger batch went before (stale bytes in a
 * reused shard would change the parity or the padding).
 */
class BatchEncoderTest {
    private static final SenderConfig CONFIG = SenderConfig.create(
            new InetSocketAddress("127.0.0.1", 9), b -> b.fragmentBytes(200).maxBatchBytes(36_000));

    @Test
    void a_reused_encoder_makes_the_same_datagrams_as_a_fresh_one() {
        var random = new Random(26);
        var reused = new BatchEncoder(CONFIG);
        long sequence = 0;
        for (int size : new int[] {35_000, 700, 33_333, 64, 20_001, 5}) {
            List<JournalRecord> batch = records(random, size);
            sequence++;

            List<String> again = datagrams(reused, sequence, batch);
            List<String> fresh = datagrams(new BatchEncoder(CONFIG), sequence, batch);

            assertThat(again).as("batch of %d bytes after larger ones", size).isEqualTo(fresh);
            assertThat(again).hasSizeGreaterThan(2); // two manifests and at least one fragment
        }
    }

    private static List<String> datagrams(BatchEncoder encoder, long sequence, List<JournalRecord> batch) {
        List<String> out = new ArrayList<>();
        encoder.encode(
                7, sequence, false, batch, (d, n) -> out.add(HexFormat.of().formatHex(d, 0, n)));
        return out;
    }

    private static List<JournalRecord> records(Random random, int bytes) {
        List<JournalRecord> out = new ArrayList<>();
        long id = 1 + random.nextInt(1000);
        for (int left = bytes; left > 0; ) {
            int n = Math.min(left, 1 + random.nextInt(4000));
            byte[] payload = new byte[n];
            random.nextBytes(payload);
            out.add(new JournalRecord(id++, RecordType.OPAQUE, Instant.ofEpochSecond(1_800_000_000L), payload));
            left -= n;
        }
        return out;
    }
}
