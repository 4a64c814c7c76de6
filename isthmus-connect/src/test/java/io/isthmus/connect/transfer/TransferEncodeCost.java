package io.isthmus.connect.transfer;

import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.connect.transfer.send.BatchEncoder;
import io.isthmus.connect.transfer.send.SenderConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the sender's CPU goes, without sockets: batch encoding (with the manifest's sample decoding)
 * and sample decoding alone (not with {@code --encode-only}), per Gbit of payload, over a journal
 * made by {@code TransferProcess fill}: {@code TransferEncodeCost JOURNAL [--encode-only]
 * [--fragment-bytes N]}. With {@code --fragment-bytes} (e.g. 8,920, what {@code bench/transfer.sh
 * --mtu 9000} sends) batches hold 47 fragments of that size, as in the bench; without it the
 * sender's defaults (1,400-byte fragments, 64 KiB batches).
 */
public final class TransferEncodeCost {
    private TransferEncodeCost() {}

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        boolean encodeOnly = false; // skips "sample decode alone"
        int fragmentBytes = 0;
        for (int i = 1; i < a.length; i++) {
            switch (a[i]) {
                case "--encode-only" -> encodeOnly = true;
                case "--fragment-bytes" -> fragmentBytes = Integer.parseInt(a[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a[i]);
            }
        }
        int fragment = fragmentBytes;
        List<JournalRecord> recs;
        try (Journal j = Journal.open(TransferData.journalConfig(dir))) {
            recs = TransferData.readAll(j);
        }
        long bytes = recs.stream().mapToLong(r -> r.payload().length).sum();
        var cfg = SenderConfig.create(new InetSocketAddress("127.0.0.1", 9), b -> {
            b.rateBitsPerSecond(100_000_000_000L);
            if (fragment > 0) {
                b.fragmentBytes(fragment).maxBatchBytes(47 * (fragment & ~7));
            }
        });
        var enc = new BatchEncoder(cfg);
        var codec = SampleBatchCodec.withDefaults();
        for (int round = 0; round < 3; round++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long[] n = {0};
            long seq = 0;
            for (var batch : enc.split(recs, r -> {})) enc.encode(1, ++seq, false, batch, (d, l) -> n[0]++);
            long c1 = mx.getCurrentThreadCpuTime();
            if (!encodeOnly) {
                for (var r : recs) codec.decode(r.payload());
            }
            long c2 = mx.getCurrentThreadCpuTime();
            double gbit = bytes * 8 / 1e9;
            System.out.printf(
                    "round %d: encode (incl. manifest decode) %.2f CPU-s/Gbit, sample decode alone %.2f CPU-s/Gbit, %d datagrams%n",
                    round, (c1 - c0) / 1e9 / gbit, (c2 - c1) / 1e9 / gbit, n[0]);
        }
        // after the timed rounds: the SHA-256 of every datagram, to show a change left the output alone
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        long seq = 0;
        for (var batch : enc.split(recs, r -> {})) enc.encode(1, ++seq, false, batch, (d, l) -> sha.update(d, 0, l));
        System.out.println("datagrams sha-256 " + java.util.HexFormat.of().formatHex(sha.digest()));
    }
}
