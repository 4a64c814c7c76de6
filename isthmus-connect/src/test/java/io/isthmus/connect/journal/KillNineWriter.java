package io.isthmus.connect.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillNineTest}: appends sample batches from several virtual threads
 * with an fsync per record and prints {@code ACK <id> <batch seed> .} for every acknowledged one,
 * until it is killed. The trailing dot marks a complete line: the kill can cut the last one.
 */
public final class KillNineWriter {
    static final int APPENDERS = 4;
    static final int SAMPLES_PER_BATCH = 8;

    private KillNineWriter() {}

    static JournalConfig config(Path dir) {
        return JournalConfig.create(
                dir,
                b -> b.fsync(FsyncPolicy.everyRecord())
                        .maxSegmentBytes(16 * 1024)
                        .maxRecordBytes(4096)
                        .maxTotalBytes(64L << 20)
                        .sequenceReservation(1_000));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seedBase = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "US-ASCII");
        Journal journal = Journal.open(config(dir));
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < APPENDERS; t++) {
            long first = seedBase + t * 1_000_000L;
            appenders.add(Thread.ofVirtual().start(() -> {
                for (long seed = first; ; seed++) {
                    long id = journal.append(RecordType.SAMPLE_BATCH, Samples.encoded(seed, SAMPLES_PER_BATCH));
                    out.println("ACK " + id + " " + seed + " .");
                }
            }));
        }
        for (Thread t : appenders) {
            t.join();
        }
    }
}
