package io.isthmus.connect.journal.bench;

import io.isthmus.connect.journal.FsyncPolicy;
import io.isthmus.connect.journal.FullPolicy;
import io.isthmus.connect.journal.Journal;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.journal.RecordType;
import io.isthmus.connect.journal.SampleBatchCodec;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append throughput of 1 KiB sample batches (about 45 samples of a bottling line) under each fsync
 * policy: one appender, and 64 virtual-thread appenders sharing fsyncs. Scores are records per
 * second; MB/s is the score times {@link #payloadBytes}. Run with {@link JournalBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalAppendBenchmark {
    static final int VIRTUAL_APPENDERS = 64;
    static final int RECORDS_PER_APPENDER = 16;

    @Param({"EVERY_RECORD", "EVERY_64_RECORDS_OR_2MS", "INTERVAL_2MS", "NEVER"})
    public String policy;

    private Path dir;
    private Journal journal;
    private byte[] batch;
    public int payloadBytes;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("isthmus-journal-bench");
        journal = Journal.open(JournalConfig.create(
                dir,
                b -> b.fsync(policy(policy))
                        .whenFull(FullPolicy.DROP_OLDEST)
                        .maxSegmentBytes(64L << 20)
                        .maxTotalBytes(1L << 30)));
        batch = oneKibBatch();
        payloadBytes = batch.length;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        BenchDirectory.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public long one_appender() {
        return journal.append(RecordType.SAMPLE_BATCH, batch);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(VIRTUAL_APPENDERS * RECORDS_PER_APPENDER)
    public void virtual_appenders_64() throws InterruptedException {
        List<Thread> threads = new ArrayList<>(VIRTUAL_APPENDERS);
        for (int t = 0; t < VIRTUAL_APPENDERS; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < RECORDS_PER_APPENDER; i++) {
                    journal.append(RecordType.SAMPLE_BATCH, batch);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static FsyncPolicy policy(String name) {
        return switch (name) {
            case "EVERY_RECORD" -> FsyncPolicy.everyRecord();
            case "EVERY_64_RECORDS_OR_2MS" -> FsyncPolicy.everyNRecords(64, Duration.ofMillis(2));
            case "INTERVAL_2MS" -> FsyncPolicy.interval(Duration.ofMillis(2));
            case "NEVER" -> FsyncPolicy.never();
            default -> throw new IllegalArgumentException("unknown policy " + name);
        };
    }

    /** The encoding of a bottling line's samples, grown until it reaches 1 KiB. */
    static byte[] oneKibBatch() {
        var codec = SampleBatchCodec.withDefaults();
        String[] machines = {"filler", "capper", "labeler", "packer", "palletizer"};
        String[] points = {"speed", "temperature", "running", "count", "pressure", "energy", "fault"};
        Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; ; i++) {
            TagPath path = new TagPath(
                    "acme",
                    "plant1",
                    "bottling",
                    "line1",
                    "cell1",
                    machines[i % machines.length],
                    points[i % points.length]);
            Value value = i % 3 == 0 ? Value.of(i % 2 == 0) : Value.of(20.0 + i * 0.37);
            samples.add(new Sample(path, t0.plusMillis(i * 250L), value, Quality.GOOD));
            byte[] encoded = codec.encode(samples);
            if (encoded.length >= 1024) {
                return encoded;
            }
        }
    }
}
