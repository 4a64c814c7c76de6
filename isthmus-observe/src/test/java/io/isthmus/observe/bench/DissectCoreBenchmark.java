package io.isthmus.observe.bench;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.Observation;
import io.isthmus.observe.session.ShardedAnalysis;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The dissect core of {@code isthmus analyze} without any output: classic pcap bytes held in
 * memory go through the capture reader, packet decoding, IP and TCP reassembly, flow table,
 * protocol identification, every dissector and request/response pairing; each observation is
 * handed to a {@link Blackhole} and counted. One operation is one pass over the bytes, so MB/s is
 * the loaded megabytes divided by the time per operation ({@link DissectCoreBenchmarks} prints
 * it).
 *
 * <p>The bytes are the first {@code megabytes} of {@code capture} (default: the 298 MB benchmark
 * capture that {@code bench/analyze-vs-tshark} uses), cut at a packet boundary. {@code threads}
 * above 1 runs {@link ShardedAnalysis} on that many shards (each reading the bytes itself, or with
 * {@code -p reading=batches} fed by one reading thread; the observations reach the Blackhole on the
 * benchmark thread, merged in order); 1 is {@link CaptureAnalysis#run} as {@code isthmus analyze}
 * runs it by default.
 *
 * <p>The forked JVM runs on the serial collector, the one the {@code isthmus} launcher gives
 * {@code analyze} (see the launcher script): the benchmark measures the core as analyze runs it.
 * On the JVM's default collector (G1) the same pass takes about 7 % longer (G1's write barriers;
 * docs/benchmarks.md, session of 2026-11-28, fifteenth); measure it with {@code -jvmArgsAppend
 * -XX:+UseG1GC}, which replaces this option.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = "-XX:+UseSerialGC")
public class DissectCoreBenchmark {

    @Param("/tmp/bench/ics_big.pcap")
    public String capture;

    @Param("64")
    public int megabytes;

    @Param("1")
    public int threads;

    /**
     * With {@code threads} above 1: {@code own}, every shard reads the bytes itself ({@link
     * ShardedAnalysis.Opener}, as for a capture file), or {@code batches}, one reading thread hands
     * the packets to the shards (as for standard input).
     */
    @Param("own")
    public String reading;

    private byte[] bytes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = Path.of(capture);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    capture + " does not exist: build it with /work/shared/tools/build_ics_big.sh"
                            + " (see bench/analyze-vs-tshark) or pass -p capture=FILE (classic pcap)");
        }
        bytes = PcapPrefix.read(file, (long) megabytes << 20);
    }

    @Benchmark
    public long dissect(Blackhole hole) throws IOException {
        long[] count = new long[1];
        Consumer<Observation> sink = o -> {
            hole.consume(o);
            count[0]++;
        };
        CaptureAnalysis result;
        if (reading.equals("own")) {
            result = ShardedAnalysis.run(this::open, sink, threads);
        } else if (reading.equals("batches")) {
            try (CaptureSource source = open()) {
                result = ShardedAnalysis.run(source, sink, threads);
            }
        } else {
            throw new IllegalArgumentException("reading is own or batches, was " + reading);
        }
        if (result.damage().isPresent()) {
            throw new IllegalStateException(
                    "the capture is damaged: " + result.damage().get());
        }
        return count[0];
    }

    private CaptureSource open() throws IOException {
        return CaptureSource.of(new ByteArrayInputStream(bytes), OptionalLong.of(bytes.length), CaptureLimits.DEFAULT);
    }
}
