package io.isthmus.connect.journal.bench;

import io.isthmus.connect.journal.ForwardBatch;
import io.isthmus.connect.journal.ForwardingBudget;
import io.isthmus.connect.journal.ForwardingReader;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalReader;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordBlock;
import io.isthmus.connect.transfer.TransferData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The diode sender's journal read: every record of a journal of {@link #RECORDS} sample batches of
 * 40 samples (about 836 bytes each, what {@code bench/transfer.sh} sends), from the page cache, per
 * operation. {@code next_records} and {@code forward_batches} make a {@link JournalRecord} per
 * record (the read path before diode22j and still the public one); {@code read_into_block} and
 * {@code forward_batches_into_block} read into a reused {@link RecordBlock} (the sender's path since
 * diode22j). Every record is checksummed in all four. Scores are milliseconds per pass; MB/s is
 * {@link #payloadBytes} / score. Run with {@link JournalBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalReadBenchmark {
    static final int RECORDS = 50_000;
    static final int READ_RECORDS = 4096;

    private Path dir;
    private Journal journal;
    private RecordBlock block;
    public long payloadBytes;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("isthmus-journal-read-bench");
        journal = Journal.open(TransferData.journalConfig(dir));
        TransferData.fill(journal, RECORDS, 40, 2026);
        block = new RecordBlock(READ_RECORDS, READ_RECORDS * 1024);
        payloadBytes = next_records();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        BenchDirectory.delete(dir);
    }

    /** Payload bytes read, so that nothing is optimised away. */
    @Benchmark
    public long next_records() {
        long bytes = 0;
        try (JournalReader reader = journal.read(1)) {
            for (List<JournalRecord> chunk = reader.next(READ_RECORDS);
                    !chunk.isEmpty();
                    chunk = reader.next(READ_RECORDS)) {
                for (JournalRecord r : chunk) {
                    bytes += r.payload().length;
                }
            }
        }
        return bytes;
    }

    @Benchmark
    public long read_into_block() {
        long bytes = 0;
        try (JournalReader reader = journal.read(1)) {
            while (true) {
                block.clear();
                if (reader.readInto(block, READ_RECORDS, Long.MAX_VALUE) == 0) {
                    return bytes;
                }
                for (int i = 0; i < block.size(); i++) {
                    bytes += block.payloadLength(i);
                }
            }
        }
    }

    /** One consumer that never commits: the whole journal is every pass's backlog. */
    @Benchmark
    public long forward_batches() {
        long bytes = 0;
        try (var reader =
                ForwardingReader.open(journal, journal.consumer("bench"), ForwardingBudget.of(READ_RECORDS))) {
            for (ForwardBatch batch = reader.nextBatch(); !batch.isEmpty(); batch = reader.nextBatch()) {
                for (JournalRecord r : batch.records()) {
                    bytes += r.payload().length;
                }
            }
        }
        return bytes;
    }

    @Benchmark
    public long forward_batches_into_block() {
        long bytes = 0;
        try (var reader =
                ForwardingReader.open(journal, journal.consumer("bench"), ForwardingBudget.of(READ_RECORDS))) {
            for (reader.nextBatch(block); !block.isEmpty(); reader.nextBatch(block)) {
                for (int i = 0; i < block.size(); i++) {
                    bytes += block.payloadLength(i);
                }
            }
        }
        return bytes;
    }
}
